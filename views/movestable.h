#pragma once

#include <QAccessible>
#include <QHash>
#include <QTableView>

namespace Portolan {

class MoveActionsDelegate;

// The table of the Moves panel. Each row's actions are painted by
// MoveActionsDelegate; this view gives them keys (Left/Right in the actions
// cell pick a button, Space or Enter presses it) and exposes them to
// accessibility tools as buttons named after their row.
class MovesTable : public QTableView
{
    Q_OBJECT

public:
    explicit MovesTable(QWidget *parent = nullptr);
    ~MovesTable() override;

    MoveActionsDelegate *actionsDelegate() const { return mDelegate; }
    void setModel(QAbstractItemModel *model) override;

    // Presses a row's action as a click would (ignored when it is disabled).
    void triggerAction(const QModelIndex &index, int action);

    // Accessibility: one registered interface per cell (and button), dropped
    // whenever rows change. Internal to the table's accessible interface.
    QAccessible::Id cachedInterface(quint64 key) const { return mAccessibleIds.value(key); }
    void cacheInterface(quint64 key, QAccessible::Id id) { mAccessibleIds.insert(key, id); }

signals:
    void actionRequested(const QModelIndex &index, int action);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void clearAccessibleCache();

    MoveActionsDelegate *mDelegate;
    QHash<quint64, QAccessible::Id> mAccessibleIds;
};

// Installs the accessibility factory for MovesTable; safe to call repeatedly.
void installMovesTableAccessibility();

} // namespace Portolan
