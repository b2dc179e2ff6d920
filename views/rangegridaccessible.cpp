#include "rangegridaccessible.h"

#include "rangegridview.h"

#include <QAccessibleWidget>
#include <QHash>
#include <QItemSelectionModel>
#include <QPointer>

namespace Portolan {

namespace {

class CellAccessible : public QAccessibleInterface
{
public:
    CellAccessible(RangeGridView *view, const GridCell &cell)
        : mView(view)
        , mCell(cell)
    {
    }

    bool isValid() const override { return mView && mView->gridLayout().hasCell(mCell); }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return mView ? mView->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(mView.data()); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        if (t == QAccessible::Name)
            return mView->accessibleTextFor(mCell);
        if (t == QAccessible::Description)
            return mView->toolTipFor(mCell);
        return {};
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = mView->cellViewportRect(mCell);
        return QRect(mView->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        s.selectable = true;
        s.focusable = true;
        s.focused = mView->hasFocus() && mView->currentCell() == mCell;
        const QModelIndex index = mView->indexOfCell(mCell);
        s.selected = index.isValid() && mView->selectionModel() && mView->selectionModel()->isSelected(index);
        s.invisible = !mView->viewport()->rect().intersects(mView->cellViewportRect(mCell));
        return s;
    }

private:
    QPointer<RangeGridView> mView;
    GridCell mCell;
};

class GridAccessible : public QAccessibleWidget
{
public:
    explicit GridAccessible(RangeGridView *view)
        : QAccessibleWidget(view, QAccessible::Table)
    {
    }

    ~GridAccessible() override
    {
        for (QAccessible::Id id : std::as_const(mCells))
            QAccessible::deleteAccessibleInterface(id);
    }

    RangeGridView *view() const { return static_cast<RangeGridView *>(widget()); }

    int childCount() const override { return view()->gridLayout().cellCount(); }
    QAccessibleInterface *child(int index) const override
    {
        const GridCell cell = view()->gridLayout().cellAtIndex(index);
        if (!cell.isValid())
            return nullptr;
        // Interfaces are registered once per cell and reused, as Qt expects.
        const quint64 key = (quint64(quint32(cell.block)) << 32) | quint32(cell.port);
        const auto it = mCells.constFind(key);
        if (it != mCells.constEnd()) {
            if (QAccessibleInterface *iface = QAccessible::accessibleInterface(*it))
                return iface;
        }
        auto *iface = new CellAccessible(view(), cell);
        mCells.insert(key, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        const QRect global = child ? child->rect() : QRect();
        if (global.isNull())
            return -1;
        const QPoint local = view()->viewport()->mapFromGlobal(global.center());
        return view()->gridLayout().indexOfCell(view()->cellAtViewport(local));
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
        return child(view()->gridLayout().indexOfCell(view()->cellAtViewport(local)));
    }
    QAccessibleInterface *focusChild() const override
    {
        return child(view()->gridLayout().indexOfCell(view()->currentCell()));
    }

private:
    mutable QHash<quint64, QAccessible::Id> mCells;
};

QAccessibleInterface *gridFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("Portolan::RangeGridView") && object && object->isWidgetType())
        return new GridAccessible(static_cast<RangeGridView *>(object));
    return nullptr;
}

} // namespace

void installRangeGridAccessibility()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(gridFactory);
        installed = true;
    }
}

} // namespace Portolan
