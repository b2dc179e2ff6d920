#include "sourcesview.h"

#include "commands.h"
#include "realitysync.h"
#include "schemadocument.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Portolan {

namespace {
enum Column { NameColumn, StatusColumn, ColumnCount };
constexpr int HostRole = Qt::UserRole + 1;
constexpr int SourceIndexRole = Qt::UserRole + 2; // -1 on host rows
} // namespace

SourcesView::SourcesView(SchemaDocument *document, RealitySync *sync, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mSync(sync)
    , mTree(new QTreeWidget(this))
    , mLinkButton(new QToolButton(this))
    , mRemoveButton(new QToolButton(this))
    , mRereadButton(new QToolButton(this))
{
    setAcceptDrops(true);
    mTree->setColumnCount(ColumnCount);
    mTree->setHeaderLabels({tr("Host / source"), tr("Last read")});
    mTree->header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    mTree->header()->setStretchLastSection(true);
    mTree->setRootIsDecorated(true);
    mTree->setUniformRowHeights(true);
    mTree->setAccessibleName(tr("Linked sources"));
    mTree->setWordWrap(false);

    mLinkButton->setText(tr("Link…"));
    mLinkButton->setToolTip(tr("Link a compose file, Prometheus config, cloudflared config or env file to the host"));
    mRemoveButton->setText(tr("Unlink"));
    mRemoveButton->setToolTip(tr("Unlink the selected source (undoable)"));
    mRereadButton->setText(tr("Re-read"));
    mRereadButton->setToolTip(tr("Read the selected host's sources again"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(mLinkButton);
    buttons->addWidget(mRemoveButton);
    buttons->addWidget(mRereadButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(mTree);

    connect(mLinkButton, &QToolButton::clicked, this, &SourcesView::linkSource);
    connect(mRemoveButton, &QToolButton::clicked, this, &SourcesView::removeCurrent);
    connect(mRereadButton, &QToolButton::clicked, this, &SourcesView::rereadCurrent);
    connect(mTree, &QTreeWidget::currentItemChanged, this, &SourcesView::updateButtons);
    connect(sync, &RealitySync::refreshed, this, &SourcesView::rebuild);
    connect(document, &SchemaDocument::hostsChanged, this, &SourcesView::rebuild);
    connect(document, &SchemaDocument::reset, this, &SourcesView::rebuild);
    rebuild();
}

QString SourcesView::currentHostId() const
{
    const QTreeWidgetItem *item = mTree->currentItem();
    if (item)
        return item->data(NameColumn, HostRole).toString();
    const QList<Host> &hosts = mDocument->schema().hosts;
    return hosts.size() == 1 ? hosts.first().id : QString();
}

void SourcesView::rebuild()
{
    const QString currentHost = currentHostId();
    const int currentSource =
        mTree->currentItem() ? mTree->currentItem()->data(NameColumn, SourceIndexRole).toInt() : -1;
    mTree->clear();
    QTreeWidgetItem *select = nullptr;
    for (const Host &h : mDocument->schema().hosts) {
        auto *hostItem = new QTreeWidgetItem(mTree);
        hostItem->setText(NameColumn, h.name.isEmpty() ? h.id : h.name);
        hostItem->setData(NameColumn, HostRole, h.id);
        hostItem->setData(NameColumn, SourceIndexRole, -1);
        hostItem->setText(StatusColumn, h.sources.isEmpty() ? tr("no sources linked")
                                                            : tr("%n source(s)", nullptr, int(h.sources.size())));
        if (h.id == currentHost && currentSource < 0)
            select = hostItem;
        for (int i = 0; i < h.sources.size(); ++i) {
            const RealitySource &source = h.sources.at(i);
            auto *item = new QTreeWidgetItem(hostItem);
            // The file names; their paths are in the tooltip.
            QStringList names;
            for (const QString &f : source.files)
                names.append(QFileInfo(f).fileName());
            item->setText(NameColumn, QStringLiteral("%1: %2").arg(sourceKindDisplayName(source.kind),
                                                                    names.join(QStringLiteral(" + "))));
            item->setData(NameColumn, HostRole, h.id);
            item->setData(NameColumn, SourceIndexRole, i);
            const SourceReading *reading = mSync->reading(h.id, source);
            QString status;
            QString tooltip = source.files.join(QLatin1Char('\n'));
            if (!reading) {
                status = tr("not read");
            } else if (!reading->ok) {
                status = tr("cannot be read: %1").arg(reading->error.toString());
                item->setIcon(StatusColumn, style()->standardIcon(QStyle::SP_MessageBoxCritical));
                tooltip += QLatin1Char('\n') + status;
            } else {
                const int services = int(reading->result.schema.services.size());
                const int targets = int(reading->endpoints.size());
                const QString time = QLocale().toString(reading->readAt.toLocalTime().time(), QLocale::ShortFormat);
                if (source.kind == SourceKind::Doc)
                    status = tr("%1 · changed by Carry Out, not read into reality").arg(time);
                else
                    status = source.kind == SourceKind::Compose || source.kind == SourceKind::Prometheus
                        ? tr("%1 · %n entry(ies)", nullptr, services).arg(time)
                        : tr("%1 · %n endpoint(s)", nullptr, targets).arg(time);
                if (!reading->warnings.isEmpty())
                    status += QStringLiteral(" · ") + tr("%n warning(s)", nullptr, int(reading->warnings.size()));
            }
            item->setText(StatusColumn, status);
            item->setToolTip(NameColumn, tooltip);
            item->setToolTip(StatusColumn, status);
            if (h.id == currentHost && i == currentSource)
                select = item;
        }
        hostItem->setExpanded(true);
    }
    if (select)
        mTree->setCurrentItem(select);
    mTree->resizeColumnToContents(NameColumn);
    // The status column stays in view: the name gives way.
    mTree->setColumnWidth(NameColumn, qMin(mTree->columnWidth(NameColumn), mTree->viewport()->width() * 3 / 5));
    updateButtons();
}

void SourcesView::updateButtons()
{
    const QTreeWidgetItem *item = mTree->currentItem();
    const bool onSource = item && item->data(NameColumn, SourceIndexRole).toInt() >= 0;
    mLinkButton->setEnabled(!mDocument->schema().hosts.isEmpty());
    mRemoveButton->setEnabled(onSource);
    mRereadButton->setEnabled(item != nullptr);
}

bool SourcesView::detectKind(const QString &fileName, SourceKind *kind)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QString head = QString::fromUtf8(file.read(64 * 1024));
    auto topKey = [&](const char *pattern) {
        return QRegularExpression(QStringLiteral("^(%1)\\s*:").arg(QLatin1String(pattern)),
                                  QRegularExpression::MultilineOption)
            .match(head)
            .hasMatch();
    };
    if (QFileInfo(fileName).suffix().compare(QLatin1String("md"), Qt::CaseInsensitive) == 0
        || QFileInfo(fileName).suffix().compare(QLatin1String("markdown"), Qt::CaseInsensitive) == 0) {
        *kind = SourceKind::Doc;
    } else if (topKey("services|include")) {
        *kind = SourceKind::Compose;
    } else if (topKey("scrape_configs|scrape_config_files|global")) {
        *kind = SourceKind::Prometheus;
    } else if (topKey("ingress|tunnel")) {
        *kind = SourceKind::Cloudflared;
    } else if (QRegularExpression(QStringLiteral("^\\s*(export\\s+)?[A-Za-z_][A-Za-z0-9_]*="),
                                  QRegularExpression::MultilineOption)
                   .match(head)
                   .hasMatch()) {
        *kind = SourceKind::Env;
    } else {
        return false;
    }
    return true;
}

bool SourcesView::linkFiles(const QString &hostId, const QStringList &files, QString *error)
{
    QList<Host> hosts = mDocument->schema().hosts;
    const int index = mDocument->schema().hostIndex(hostId);
    if (index < 0) {
        *error = tr("Choose the host the files belong to first.");
        return false;
    }
    Host &host = hosts[index];
    QStringList linked;
    for (const QString &f : files) {
        SourceKind kind;
        if (!detectKind(f, &kind)) {
            *error = tr("%1 is neither a compose file, a Prometheus or cloudflared configuration, an env file, nor a "
                        "Markdown port document.")
                         .arg(QDir::toNativeSeparators(f));
            return false;
        }
        RealitySource source;
        source.kind = kind;
        source.files = {relativeSourcePath(mSync->baseDir(), f)};
        if (host.sources.contains(source))
            continue;
        host.sources.append(source);
        linked.append(QFileInfo(f).fileName());
    }
    if (linked.isEmpty())
        return true;
    mDocument->undoStack()->push(changeHostsCommand(
        mDocument, hosts, tr("Link %1 to %2").arg(linked.join(QStringLiteral(", ")), host.name.isEmpty() ? host.id : host.name)));
    return true;
}

void SourcesView::linkSource()
{
    const QString hostId = currentHostId();
    if (hostId.isEmpty()) {
        QMessageBox::information(this, tr("Link Source"), tr("Select the host the source belongs to first."));
        return;
    }
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Link Source to %1").arg(hostId), mSync->baseDir(),
        tr("Sources (*.yml *.yaml *.env .env* *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    QString error;
    if (!linkFiles(hostId, files, &error))
        QMessageBox::warning(this, tr("Cannot link source"), error);
}

void SourcesView::removeCurrent()
{
    const QTreeWidgetItem *item = mTree->currentItem();
    if (!item)
        return;
    const int index = item->data(NameColumn, SourceIndexRole).toInt();
    const int hostRow = mDocument->schema().hostIndex(item->data(NameColumn, HostRole).toString());
    if (index < 0 || hostRow < 0)
        return;
    QList<Host> hosts = mDocument->schema().hosts;
    const RealitySource source = hosts[hostRow].sources.takeAt(index);
    mDocument->undoStack()->push(changeHostsCommand(
        mDocument, hosts, tr("Unlink %1").arg(source.files.join(QStringLiteral(", ")))));
}

void SourcesView::rereadCurrent()
{
    const QString hostId = currentHostId();
    if (!hostId.isEmpty())
        mSync->refreshHost(hostId);
}

void SourcesView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

// A file dropped onto a host (or one of its sources) is linked to that host.
void SourcesView::dropEvent(QDropEvent *event)
{
    const QTreeWidgetItem *item = mTree->itemAt(mTree->viewport()->mapFrom(this, event->position().toPoint()));
    const QString hostId = item ? item->data(NameColumn, HostRole).toString() : currentHostId();
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    QString error;
    if (!files.isEmpty() && !linkFiles(hostId, files, &error))
        QMessageBox::warning(this, tr("Cannot link source"), error);
    event->acceptProposedAction();
}

} // namespace Portolan
