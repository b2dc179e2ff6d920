#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace Portolan {

// Paints a move's actions (Execute, Accept, Reject) as buttons in its cell
// and turns clicks into actionTriggered(); no widget per row, so a fleet's
// drift list stays light. The keyboard reaches the buttons through the view:
// in the actions cell, Left/Right pick a button and Space or Enter presses it.
class MoveActionsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Action { Execute, AcceptReality, Reject, ActionCount };

    explicit MoveActionsDelegate(QAbstractItemView *view);

    static QString buttonText(int action);
    // "Execute move of mana-credits": what a screen reader and the tooltip say.
    static QString actionName(int action, const QString &subject);
    static bool isEnabled(const QModelIndex &index, int action);

    // The buttons' rectangles inside a cell.
    QRect buttonRect(const QRect &cell, int action) const;
    int buttonAt(const QRect &cell, const QPoint &pos) const;
    // Room for all three buttons.
    int preferredWidth() const;

    // The button the keyboard is on, in the current row's actions cell.
    int focusedAction() const { return mFocused; }
    void setFocusedAction(int action);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

signals:
    void actionTriggered(const QModelIndex &index, int action);

private:
    int buttonWidth(int action) const;
    void updateCell(const QModelIndex &index);

    QAbstractItemView *mView;
    QPersistentModelIndex mPressed;
    int mPressedAction = -1;
    QPersistentModelIndex mHovered;
    int mHoveredAction = -1;
    int mFocused = Execute;
};

} // namespace Portolan
