#include "moveactionsdelegate.h"

#include "movesmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionButton>
#include <QToolTip>

namespace Portolan {

static constexpr int Spacing = 3;
static constexpr int VerticalInset = 2;

MoveActionsDelegate::MoveActionsDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , mView(view)
{
}

QString MoveActionsDelegate::buttonText(int action)
{
    switch (action) {
    case Execute: return tr("Execute");
    case AcceptReality: return tr("Accept");
    case Reject: return tr("Reject");
    }
    return {};
}

QString MoveActionsDelegate::actionName(int action, const QString &subject)
{
    switch (action) {
    case Execute: return tr("Execute move of %1").arg(subject);
    case AcceptReality: return tr("Accept reality for %1").arg(subject);
    case Reject: return tr("Reject change of %1").arg(subject);
    }
    return {};
}

bool MoveActionsDelegate::isEnabled(const QModelIndex &index, int action)
{
    switch (action) {
    case Execute: return index.data(MovesModel::CanExecuteRole).toBool();
    case AcceptReality: return index.data(MovesModel::CanAcceptRealityRole).toBool();
    case Reject: return index.data(MovesModel::CanRejectRole).toBool();
    }
    return false;
}

int MoveActionsDelegate::buttonWidth(int action) const
{
    const QFontMetrics fm = mView->fontMetrics();
    const int margin = mView->style()->pixelMetric(QStyle::PM_ButtonMargin);
    int widest = 0;
    for (int a = Execute; a < ActionCount; ++a)
        widest = qMax(widest, fm.horizontalAdvance(buttonText(a)));
    Q_UNUSED(action)
    // One width for all three, so the columns of buttons line up.
    return widest + 2 * margin + 6;
}

QRect MoveActionsDelegate::buttonRect(const QRect &cell, int action) const
{
    int x = cell.left() + Spacing;
    for (int a = Execute; a < action; ++a)
        x += buttonWidth(a) + Spacing;
    return QRect(x, cell.top() + VerticalInset, buttonWidth(action), cell.height() - 2 * VerticalInset);
}

int MoveActionsDelegate::buttonAt(const QRect &cell, const QPoint &pos) const
{
    for (int a = Execute; a < ActionCount; ++a) {
        if (buttonRect(cell, a).contains(pos))
            return a;
    }
    return -1;
}

int MoveActionsDelegate::preferredWidth() const
{
    int width = Spacing;
    for (int a = Execute; a < ActionCount; ++a)
        width += buttonWidth(a) + Spacing;
    return width;
}

void MoveActionsDelegate::setFocusedAction(int action)
{
    mFocused = qBound(0, action, ActionCount - 1);
    updateCell(mView->currentIndex().siblingAtColumn(MovesModel::ActionsColumn));
}

void MoveActionsDelegate::updateCell(const QModelIndex &index)
{
    if (index.isValid())
        mView->viewport()->update(mView->visualRect(index));
}

void MoveActionsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != MovesModel::ActionsColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection, without text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    cell.state &= ~QStyle::State_HasFocus;
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);

    const bool keyboardHere = mView->hasFocus() && mView->currentIndex() == index;
    for (int a = Execute; a < ActionCount; ++a) {
        QStyleOptionButton button;
        button.initFrom(mView);
        button.rect = buttonRect(option.rect, a);
        button.text = buttonText(a);
        button.state = QStyle::State_Raised;
        if (isEnabled(index, a))
            button.state |= QStyle::State_Enabled;
        else
            button.palette.setCurrentColorGroup(QPalette::Disabled);
        if (mHovered == index && mHoveredAction == a && (button.state & QStyle::State_Enabled))
            button.state |= QStyle::State_MouseOver;
        if (mPressed == index && mPressedAction == a && mHoveredAction == a)
            button.state |= QStyle::State_Sunken;
        if (keyboardHere && mFocused == a)
            button.state |= QStyle::State_HasFocus | QStyle::State_KeyboardFocusChange;
        style->drawControl(QStyle::CE_PushButton, &button, painter, mView);
    }
}

QSize MoveActionsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == MovesModel::ActionsColumn)
        size.setWidth(preferredWidth());
    return size;
}

bool MoveActionsDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                      const QModelIndex &index)
{
    if (index.column() != MovesModel::ActionsColumn)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    switch (event->type()) {
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const int action = buttonAt(option.rect, mouse->position().toPoint());
        if (mHovered != index || mHoveredAction != action) {
            updateCell(mHovered);
            mHovered = index;
            mHoveredAction = action;
            updateCell(index);
        }
        return false;
    }
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const int action = buttonAt(option.rect, mouse->position().toPoint());
        if (mouse->button() != Qt::LeftButton || action < 0 || !isEnabled(index, action))
            return false;
        mPressed = index;
        mPressedAction = action;
        mHovered = index;
        mHoveredAction = action;
        mFocused = action;
        updateCell(index);
        return true; // the row's selection stays as it was
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool wasPressed = mPressed == index && mPressedAction >= 0;
        const int action = buttonAt(option.rect, mouse->position().toPoint());
        const int pressed = mPressedAction;
        mPressed = QPersistentModelIndex();
        mPressedAction = -1;
        updateCell(index);
        if (wasPressed && action == pressed && isEnabled(index, action)) {
            emit actionTriggered(index, action);
            return true;
        }
        return wasPressed;
    }
    default: break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MoveActionsDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.column() == MovesModel::ActionsColumn) {
        const int action = buttonAt(option.rect, event->pos());
        if (action >= 0) {
            const QString subject = index.siblingAtColumn(MovesModel::ServiceColumn).data().toString();
            QToolTip::showText(event->globalPos(), actionName(action, subject), view, buttonRect(option.rect, action));
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Portolan
