#include "locator.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Portolan {

Locator::Locator(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , mEdit(new QLineEdit(this))
    , mModel(new QStandardItemModel(this))
    , mCompleter(new QCompleter(mModel, this))
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Locator"));
    mEdit->setAccessibleName(tr("Go to service, port or host"));
    mEdit->setPlaceholderText(tr("Service, port or host — Return jumps, Escape closes"));
    mEdit->setClearButtonEnabled(true);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mCompleter->setCompletionMode(QCompleter::PopupCompletion);
    mCompleter->setMaxVisibleItems(12);
    mCompleter->popup()->setAccessibleName(tr("Matches"));
    mEdit->setCompleter(mCompleter);
    connect(mCompleter, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        // An index of the completer's filtered model; it forwards our roles.
        if (choose(index))
            close();
    });
    connect(mEdit, &QLineEdit::returnPressed, this, [this] {
        if (!isVisible())
            return; // the completer's activation chose and closed
        if (accept(mEdit->text()))
            close();
    });
    auto *label = new QLabel(tr("&Go to:"), this);
    label->setBuddy(mEdit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(label);
    layout->addWidget(mEdit);
}

void Locator::open(const Schema &schema)
{
    mModel->clear();
    QHash<QString, QString> hostNames;
    for (const Host &h : schema.hosts)
        hostNames.insert(h.id, h.name);
    for (const Service &s : schema.services) {
        const QString host = hostNames.value(s.hostId, s.hostId);
        QString text;
        if (s.plannedPort > 0 && !host.isEmpty())
            text = tr("%1 — port %2 on %3").arg(s.name).arg(s.plannedPort).arg(host);
        else if (s.plannedPort > 0)
            text = tr("%1 — port %2").arg(s.name).arg(s.plannedPort);
        else
            text = host.isEmpty() ? s.name : tr("%1 — on %2").arg(s.name, host);
        if (s.actualPort > 0 && s.actualPort != s.plannedPort)
            text += QLatin1Char(' ') + tr("(runs on %1)").arg(s.actualPort);
        auto *item = new QStandardItem(text);
        item->setData(ServiceEntry, KindRole);
        item->setData(s.id, KeyRole);
        mModel->appendRow(item);
    }
    for (const Host &h : schema.hosts) {
        auto *item = new QStandardItem(tr("%1 — host").arg(h.name));
        item->setData(HostEntry, KindRole);
        item->setData(h.id, KeyRole);
        mModel->appendRow(item);
    }
    mEdit->clear();
    if (QWidget *over = parentWidget()) {
        const int width = qMin(over->width() * 2 / 3, fontMetrics().averageCharWidth() * 70);
        resize(width, sizeHint().height());
        move(over->mapToGlobal(QPoint((over->width() - width) / 2, over->height() / 8)));
    }
    show();
    mEdit->setFocus(Qt::PopupFocusReason);
}

bool Locator::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return false;
    const QString key = index.data(KeyRole).toString();
    if (index.data(KindRole).toInt() == HostEntry)
        emit hostChosen(key);
    else
        emit serviceChosen(key);
    return true;
}

bool Locator::accept(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    // An exact entry first, then the first that contains the text.
    for (int row = 0; row < mModel->rowCount(); ++row) {
        const QModelIndex index = mModel->index(row, 0);
        if (index.data().toString().compare(trimmed, Qt::CaseInsensitive) == 0)
            return choose(index);
    }
    bool isNumber = false;
    const int port = trimmed.toInt(&isNumber);
    if (isNumber && isValidPort(port)) {
        emit portChosen(port);
        return true;
    }
    for (int row = 0; row < mModel->rowCount(); ++row) {
        const QModelIndex index = mModel->index(row, 0);
        if (index.data().toString().contains(trimmed, Qt::CaseInsensitive))
            return choose(index);
    }
    return false;
}

void Locator::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace Portolan
