#include "rangegridpanel.h"

#include "gridpicture.h"
#include "rangegridview.h"
#include "schemadocument.h"
#include "servicetablemodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Portolan {

RangeGridPanel::RangeGridPanel(ServiceTableModel *model, QWidget *parent)
    : QWidget(parent)
    , mModel(model)
    , mView(new RangeGridView(this))
    , mLayer(new QComboBox(this))
    , mColouring(new QComboBox(this))
{
    mView->setServiceModel(model);

    mLayer->setAccessibleName(tr("Grid layer"));
    mLayer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(mLayer, &QComboBox::activated, this, [this] { mView->setLayer(mLayer->currentData().toString()); });
    connect(mView, &RangeGridView::layerChanged, this, [this](const QString &hostId) {
        const int i = mLayer->findData(hostId);
        if (i >= 0)
            mLayer->setCurrentIndex(i);
    });
    connect(model->document(), &SchemaDocument::hostsChanged, this, &RangeGridPanel::refreshLayers);
    connect(model->document(), &SchemaDocument::reset, this, &RangeGridPanel::refreshLayers);
    refreshLayers();
    auto *layerLabel = new QLabel(tr("&Layer:"), this);
    layerLabel->setBuddy(mLayer);

    mColouring->addItem(tr("Colour by host"), int(GridColouring::ByHost));
    mColouring->addItem(tr("Colour by status"), int(GridColouring::ByStatus));
    mColouring->setAccessibleName(tr("Cell colours"));
    auto *colouringLabel = new QLabel(tr("Colo&urs:"), this);
    colouringLabel->setBuddy(mColouring);
    connect(mColouring, &QComboBox::activated, this,
            [this] { mView->setColouring(GridColouring(mColouring->currentData().toInt())); });

    auto tool = [this](const QString &text, const QString &tip, auto slot) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        connect(button, &QToolButton::clicked, this, slot);
        return button;
    };
    QToolButton *zoomOut = tool(tr("−"), tr("Zoom out (Ctrl+−)"), [this] { mView->zoomOut(); });
    QToolButton *zoomIn = tool(tr("+"), tr("Zoom in (Ctrl++)"), [this] { mView->zoomIn(); });
    QToolButton *nextFree = tool(tr("Next Free Port"), tr("Go to the next free port of the current range"),
                                 [this] { goToNextFreePort(); });
    nextFree->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(mView, &RangeGridView::message, this, &RangeGridPanel::message);

    auto *bar = new QHBoxLayout;
    bar->addWidget(layerLabel);
    bar->addWidget(mLayer);
    bar->addSpacing(12);
    bar->addWidget(colouringLabel);
    bar->addWidget(mColouring);
    bar->addSpacing(12);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addSpacing(12);
    bar->addWidget(nextFree);
    bar->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(mView, 1);
    setFocusProxy(mView);
}

void RangeGridPanel::refreshLayers()
{
    const QString current = mView->layer();
    mLayer->clear();
    mLayer->addItem(tr("Plan (planned ports)"), QString());
    for (const Host &h : mModel->document()->schema().hosts)
        mLayer->addItem(tr("%1 (actual ports)").arg(h.name), h.id);
    const int i = mLayer->findData(current);
    mLayer->setCurrentIndex(qMax(0, i));
}

bool RangeGridPanel::setLayer(const QString &hostId)
{
    if (!hostId.isEmpty() && !mModel->document()->schema().host(hostId))
        return false;
    mView->setLayer(hostId);
    return true;
}

void RangeGridPanel::goToNextFreePort()
{
    QString rangeId = mView->rangeAtCursor();
    const Schema &schema = mModel->document()->schema();
    if (rangeId.isEmpty() && !schema.ranges.isEmpty())
        rangeId = schema.ranges.first().id;
    if (!rangeId.isEmpty())
        mView->goToNextFreePort(rangeId);
    mView->setFocus(Qt::OtherFocusReason);
}

void RangeGridPanel::exportPicture(const QString &format)
{
    const GridPictureFormat picture(format == QLatin1String("svg") ? GridPictureFormat::Svg : GridPictureFormat::Png);
    const SchemaDocument *document = mModel->document();
    const QString base = document->fileName().isEmpty()
        ? QDir::home().filePath(QStringLiteral("grid"))
        : document->fileName().section(QLatin1Char('.'), 0, 0);
    QString fileName = QFileDialog::getSaveFileName(this, tr("Export Grid"),
                                                    QStringLiteral("%1.%2").arg(base, format), picture.fileFilter());
    if (fileName.isEmpty())
        return;
    GridPictureOptions options;
    options.hostId = mView->layer();
    options.colouring = mView->colouring();
    options.font = font();
    QString error;
    const std::optional<QByteArray> bytes =
        renderGridPicture(document->schema(), format, options, mView->findingLookup(), &error);
    if (!bytes || !writeFileAtomically(fileName, *bytes, &error)) {
        QMessageBox::warning(this, tr("Cannot export the grid"), error);
        return;
    }
    emit message(tr("Exported the grid to %1").arg(QDir::toNativeSeparators(fileName)));
}

void RangeGridPanel::setColouring(GridColouring colouring)
{
    mColouring->setCurrentIndex(qMax(0, mColouring->findData(int(colouring))));
    mView->setColouring(colouring);
}

} // namespace Portolan
