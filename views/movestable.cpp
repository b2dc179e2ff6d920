#include "movestable.h"

#include "moveactionsdelegate.h"
#include "movesmodel.h"

#include <QAccessibleActionInterface>
#include <QAccessibleWidget>
#include <QFocusEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPointer>

namespace Portolan {

MovesTable::MovesTable(QWidget *parent)
    : QTableView(parent)
    , mDelegate(new MoveActionsDelegate(this))
{
    installMovesTableAccessibility();
    setItemDelegate(mDelegate);
    setMouseTracking(true);
    // Tab leaves the table; arrows move inside it.
    setTabKeyNavigation(false);
    connect(mDelegate, &MoveActionsDelegate::actionTriggered, this, &MovesTable::actionRequested);
}

MovesTable::~MovesTable()
{
    clearAccessibleCache();
}

void MovesTable::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QTableView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, &MovesTable::clearAccessibleCache);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MovesTable::clearAccessibleCache);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MovesTable::clearAccessibleCache);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MovesTable::clearAccessibleCache);
    connect(model, &QAbstractItemModel::rowsMoved, this, &MovesTable::clearAccessibleCache);
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &) {
        // The action states of a row may change with its data.
        if (topLeft.isValid())
            clearAccessibleCache();
    });
}

void MovesTable::clearAccessibleCache()
{
    const auto ids = std::exchange(mAccessibleIds, {});
    for (QAccessible::Id id : ids)
        QAccessible::deleteAccessibleInterface(id);
}

void MovesTable::triggerAction(const QModelIndex &index, int action)
{
    const QModelIndex cell = index.siblingAtColumn(MovesModel::ActionsColumn);
    if (cell.isValid() && MoveActionsDelegate::isEnabled(cell, action))
        emit actionRequested(cell, action);
}

static int nextEnabled(const QModelIndex &cell, int from, int step)
{
    for (int a = from + step; a >= 0 && a < MoveActionsDelegate::ActionCount; a += step) {
        if (MoveActionsDelegate::isEnabled(cell, a))
            return a;
    }
    return -1;
}

void MovesTable::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if (current.isValid() && current.column() == MovesModel::ActionsColumn && event->modifiers() == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right: {
            const int step = event->key() == Qt::Key_Left ? -1 : 1;
            const int next = nextEnabled(current, mDelegate->focusedAction(), step);
            if (next >= 0) {
                mDelegate->setFocusedAction(next);
#if QT_CONFIG(accessibility)
                if (QAccessible::isActive()) {
                    if (QAccessibleInterface *table = QAccessible::queryAccessibleInterface(this)) {
                        const int child = (current.row() + 1) * (model()->columnCount() + 1) + current.column() + 1;
                        if (QAccessibleInterface *cell = table->child(child)) {
                            if (QAccessibleInterface *button = cell->child(next)) {
                                QAccessibleEvent focus(button, QAccessible::Focus);
                                QAccessible::updateAccessibility(&focus);
                            }
                        }
                    }
                }
#endif
                return;
            }
            if (step > 0)
                return; // the last column: stay on the last button
            break;
        }
        case Qt::Key_Space:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            triggerAction(current, mDelegate->focusedAction());
            return;
        default: break;
        }
    }
    QTableView::keyPressEvent(event);
}

void MovesTable::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    // Arriving in a row's actions: the first button that can be pressed.
    if (current.isValid() && current.column() == MovesModel::ActionsColumn
        && (current.row() != previous.row() || previous.column() != MovesModel::ActionsColumn
            || !MoveActionsDelegate::isEnabled(current, mDelegate->focusedAction()))) {
        const int first = nextEnabled(current, -1, 1);
        mDelegate->setFocusedAction(first < 0 ? 0 : first);
    }
    QTableView::currentChanged(current, previous);
    if (previous.isValid())
        viewport()->update(visualRect(previous.siblingAtColumn(MovesModel::ActionsColumn)));
    if (current.isValid())
        viewport()->update(visualRect(current.siblingAtColumn(MovesModel::ActionsColumn)));
}

void MovesTable::focusInEvent(QFocusEvent *event)
{
    QTableView::focusInEvent(event);
    // Tab into the table: a current row, so that the keys have something to act on.
    if (!currentIndex().isValid() && model() && model()->rowCount() > 0)
        selectionModel()->setCurrentIndex(model()->index(0, 0), QItemSelectionModel::NoUpdate);
    viewport()->update(visualRect(currentIndex().siblingAtColumn(MovesModel::ActionsColumn)));
}

void MovesTable::focusOutEvent(QFocusEvent *event)
{
    QTableView::focusOutEvent(event);
    viewport()->update(visualRect(currentIndex().siblingAtColumn(MovesModel::ActionsColumn)));
}

namespace {

// Keys of the cache: kind, row, column and button.
enum class Kind : quint64 { Corner, ColumnHeader, RowHeader, Cell, Button };

quint64 cacheKey(Kind kind, int row, int column, int action = 0)
{
    return (quint64(kind) << 60) | (quint64(quint32(row)) << 16) | (quint64(column & 0xff) << 8) | quint64(action & 0xff);
}

QRect globalRect(const MovesTable *view, const QRect &viewportRect)
{
    return QRect(view->viewport()->mapToGlobal(viewportRect.topLeft()), viewportRect.size());
}

class ButtonAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    ButtonAccessible(MovesTable *view, int row, int action)
        : mView(view)
        , mRow(row)
        , mAction(action)
    {
    }

    QModelIndex index() const
    {
        return mView && mView->model() ? mView->model()->index(mRow, MovesModel::ActionsColumn) : QModelIndex();
    }
    bool isValid() const override { return index().isValid(); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return mView ? mView->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override;
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        const QModelIndex i = index();
        if (!i.isValid())
            return {};
        const QString subject = i.siblingAtColumn(MovesModel::ServiceColumn).data().toString();
        if (t == QAccessible::Name)
            return MoveActionsDelegate::actionName(mAction, subject);
        if (t == QAccessible::Description && mAction == MoveActionsDelegate::Execute)
            return i.siblingAtColumn(MovesModel::ImpactColumn).data().toString();
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        const QModelIndex i = index();
        if (!i.isValid())
            return {};
        return globalRect(mView, mView->actionsDelegate()->buttonRect(mView->visualRect(i), mAction));
    }
    QAccessible::Role role() const override { return QAccessible::Button; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        const QModelIndex i = index();
        if (!i.isValid()) {
            s.invalid = true;
            return s;
        }
        s.focusable = true;
        s.disabled = !MoveActionsDelegate::isEnabled(i, mAction);
        s.focused = mView->hasFocus() && mView->currentIndex() == i
            && mView->actionsDelegate()->focusedAction() == mAction;
        s.invisible = !mView->viewport()->rect().intersects(mView->visualRect(i));
        return s;
    }
    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }

    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &name) override
    {
        if (name == pressAction() && mView)
            mView->triggerAction(index(), mAction);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<MovesTable> mView;
    int mRow;
    int mAction;
};

class CellAccessible : public QAccessibleInterface
{
public:
    CellAccessible(MovesTable *view, Kind kind, int row, int column)
        : mView(view)
        , mKind(kind)
        , mRow(row)
        , mColumn(column)
    {
    }

    QModelIndex index() const
    {
        return mView && mView->model() && mKind == Kind::Cell ? mView->model()->index(mRow, mColumn) : QModelIndex();
    }
    bool isValid() const override
    {
        if (!mView || !mView->model())
            return false;
        switch (mKind) {
        case Kind::Cell: return index().isValid();
        case Kind::ColumnHeader: return mColumn < mView->model()->columnCount();
        case Kind::RowHeader: return mRow < mView->model()->rowCount();
        default: return true;
        }
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return mView ? mView->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(mView.data()); }
    bool isActions() const { return mKind == Kind::Cell && mColumn == MovesModel::ActionsColumn; }
    Kind kind() const { return mKind; }
    int row() const { return mRow; }
    int column() const { return mColumn; }
    int childCount() const override { return isActions() && isValid() ? MoveActionsDelegate::ActionCount : 0; }
    QAccessibleInterface *child(int i) const override
    {
        if (!isActions() || i < 0 || i >= MoveActionsDelegate::ActionCount || !isValid())
            return nullptr;
        const quint64 key = cacheKey(Kind::Button, mRow, mColumn, i);
        if (QAccessible::Id id = mView->cachedInterface(key)) {
            if (QAccessibleInterface *iface = QAccessible::accessibleInterface(id))
                return iface;
        }
        auto *iface = new ButtonAccessible(mView, mRow, i);
        mView->cacheInterface(key, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (int i = 0; i < childCount(); ++i) {
            if (this->child(i) == child)
                return i;
        }
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        for (int i = 0; i < childCount(); ++i) {
            QAccessibleInterface *c = child(i);
            if (c && c->rect().contains(x, y))
                return c;
        }
        return nullptr;
    }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid() || (t != QAccessible::Name && t != QAccessible::Description))
            return {};
        const QAbstractItemModel *model = mView->model();
        switch (mKind) {
        case Kind::ColumnHeader:
            return t == QAccessible::Name ? model->headerData(mColumn, Qt::Horizontal).toString() : QString();
        case Kind::RowHeader: return t == QAccessible::Name ? QString::number(mRow + 1) : QString();
        case Kind::Cell:
            if (t == QAccessible::Description)
                return index().data(Qt::ToolTipRole).toString();
            if (isActions())
                return MoveActionsDelegate::tr("Actions for %1")
                    .arg(index().siblingAtColumn(MovesModel::ServiceColumn).data().toString());
            return index().data().toString();
        default: return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        switch (mKind) {
        case Kind::Cell: return globalRect(mView, mView->visualRect(index()));
        case Kind::ColumnHeader: {
            const QHeaderView *header = mView->horizontalHeader();
            const QRect r(header->sectionViewportPosition(mColumn), 0, header->sectionSize(mColumn), header->height());
            return QRect(header->viewport()->mapToGlobal(r.topLeft()), r.size());
        }
        default: return {};
        }
    }
    QAccessible::Role role() const override
    {
        switch (mKind) {
        case Kind::ColumnHeader: return QAccessible::ColumnHeader;
        case Kind::RowHeader: return QAccessible::RowHeader;
        case Kind::Cell: return QAccessible::Cell;
        default: return QAccessible::Pane;
        }
    }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        if (mKind != Kind::Cell) {
            s.invisible = mKind != Kind::ColumnHeader;
            return s;
        }
        const QModelIndex i = index();
        s.selectable = true;
        s.focusable = true;
        s.selected = mView->selectionModel() && mView->selectionModel()->isSelected(i);
        s.focused = mView->hasFocus() && mView->currentIndex() == i;
        s.invisible = !mView->viewport()->rect().intersects(mView->visualRect(i));
        return s;
    }

private:
    QPointer<MovesTable> mView;
    Kind mKind;
    int mRow;
    int mColumn;
};

QAccessibleInterface *ButtonAccessible::parent() const
{
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(mView.data());
    if (!table || !mView->model())
        return table;
    return table->child((mRow + 1) * (mView->model()->columnCount() + 1) + MovesModel::ActionsColumn + 1);
}

// The table as its rows and cells, laid out as QTableView numbers them in its
// focus events: a header row and a (hidden) header column first.
class MovesTableAccessible : public QAccessibleWidget
{
public:
    explicit MovesTableAccessible(MovesTable *view)
        : QAccessibleWidget(view, QAccessible::Table)
    {
    }

    MovesTable *view() const { return static_cast<MovesTable *>(widget()); }
    int columns() const { return view()->model() ? view()->model()->columnCount() + 1 : 0; }
    int rows() const { return view()->model() ? view()->model()->rowCount() + 1 : 0; }

    int childCount() const override { return rows() * columns(); }
    QAccessibleInterface *child(int i) const override
    {
        const int columnCount = columns();
        if (i < 0 || columnCount == 0 || i >= childCount())
            return nullptr;
        const int r = i / columnCount;
        const int c = i % columnCount;
        const Kind kind = r == 0 ? (c == 0 ? Kind::Corner : Kind::ColumnHeader) : (c == 0 ? Kind::RowHeader : Kind::Cell);
        const int row = qMax(0, r - 1);
        const int column = qMax(0, c - 1);
        const quint64 key = cacheKey(kind, row, column);
        if (QAccessible::Id id = view()->cachedInterface(key)) {
            if (QAccessibleInterface *iface = QAccessible::accessibleInterface(id))
                return iface;
        }
        auto *iface = new CellAccessible(view(), kind, row, column);
        view()->cacheInterface(key, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child || child->parent() != this)
            return -1;
        const auto *cell = static_cast<const CellAccessible *>(child);
        const int r = cell->kind() == Kind::Corner || cell->kind() == Kind::ColumnHeader ? 0 : cell->row() + 1;
        const int c = cell->kind() == Kind::Corner || cell->kind() == Kind::RowHeader ? 0 : cell->column() + 1;
        return r * columns() + c;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
        const QModelIndex index = view()->indexAt(local);
        if (!index.isValid())
            return nullptr;
        return child((index.row() + 1) * columns() + index.column() + 1);
    }
    QAccessibleInterface *focusChild() const override
    {
        const QModelIndex index = view()->currentIndex();
        if (!view()->hasFocus() || !index.isValid())
            return nullptr;
        QAccessibleInterface *cell = child((index.row() + 1) * columns() + index.column() + 1);
        if (cell && index.column() == MovesModel::ActionsColumn)
            return cell->child(view()->actionsDelegate()->focusedAction());
        return cell;
    }
};

QAccessibleInterface *movesTableFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("Portolan::MovesTable") && object && object->isWidgetType())
        return new MovesTableAccessible(static_cast<MovesTable *>(object));
    return nullptr;
}

} // namespace

void installMovesTableAccessibility()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(movesTableFactory);
        installed = true;
    }
}

} // namespace Portolan
