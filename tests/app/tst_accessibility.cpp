#include "jsonformat.h"
#include "mainwindow.h"
#include "move.h"
#include "moveactionsdelegate.h"
#include "movereview.h"
#include "movesmodel.h"
#include "movesview.h"
#include "problemsview.h"
#include "rangegridpanel.h"
#include "rangegridview.h"
#include "schemadocument.h"
#include "servicesview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace Portolan;

// The window as a screen reader walks it. Run once as every test runs
// (offscreen: the tree is asked for directly) and once under Xvfb with the
// AT-SPI bridge on (tests/CMakeLists.txt), where Qt itself sends every
// accessibility event, as it did when the grid crashed.
class tst_Accessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void gridShouldSurviveKeysAndClicksWithAccessibilityOn();
    void gridShouldExposeItsCellsByName();
    void movesRowsShouldExposeTheirActionsAsNamedButtons();
    void movesButtonShouldActWhenPressedThroughAccessibility();
    void tablesShouldExposeTheirCells();
    void everyInteractiveWidgetShouldHaveAName();

private:
    // What a bridge does with an event: the interface, its id, name and place.
    static void walk(QAccessibleInterface *iface);

    MainWindow *mWindow = nullptr;
};

void tst_Accessibility::walk(QAccessibleInterface *iface)
{
    if (!iface || !iface->isValid())
        return;
    QAccessible::uniqueId(iface);
    iface->text(QAccessible::Name);
    iface->role();
    iface->state();
    iface->rect();
    if (QAccessibleInterface *parent = iface->parent())
        QVERIFY(parent->indexOfChild(iface) >= 0 || parent->role() == QAccessible::Application);
}

void tst_Accessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", QDir::tempPath().toUtf8());
    // Under a real platform this turns the bridge on; offscreen it is a no-op.
    QAccessible::setActive(true);
}

void tst_Accessibility::init()
{
    mWindow = new MainWindow;
    mWindow->openUntitled(builtInSample());
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    // No window manager under Xvfb: make the window active, so focus (and its events) follow.
    QApplication::setActiveWindow(mWindow);
}

void tst_Accessibility::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void tst_Accessibility::gridShouldSurviveKeysAndClicksWithAccessibilityOn()
{
    mWindow->showGrid();
    RangeGridView *grid = mWindow->gridPanel()->view();
    grid->setFocus();
    QTRY_VERIFY(grid->hasFocus());
    // The keys and the click that crashed the window under AT-SPI.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(grid, Qt::Key_Right);
    QTest::keyClick(grid, Qt::Key_Down);
    const QRect cell = grid->portViewportRect(3015);
    QVERIFY(!cell.isEmpty());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(grid->currentPort(), 3015);
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentPort(), 3016);

    // The interface the bridge saw is the grid's own, not a stock one.
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(grid);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::Table);
    QCOMPARE(iface->childCount(), grid->gridLayout().cellCount());
    QAccessibleInterface *focus = iface->focusChild();
    QVERIFY(focus || !grid->hasFocus());
    if (focus)
        QVERIFY2(focus->text(QAccessible::Name).startsWith(QStringLiteral("3016")),
                 qPrintable(focus->text(QAccessible::Name)));
    QAccessibleEvent event(grid, QAccessible::Focus);
    event.setChild(grid->gridLayout().indexOfCell(grid->currentCell()));
    walk(event.accessibleInterface());
}

void tst_Accessibility::gridShouldExposeItsCellsByName()
{
    mWindow->showGrid();
    RangeGridView *grid = mWindow->gridPanel()->view();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(grid);
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Range grid"));
    const int index = grid->gridLayout().indexOfCell(grid->gridLayout().primaryCell(3015));
    QAccessibleInterface *cell = iface->child(index);
    QVERIFY(cell);
    QCOMPARE(cell->role(), QAccessible::Cell);
    const QString name = cell->text(QAccessible::Name);
    QVERIFY2(name.startsWith(QStringLiteral("3015")) && name.contains(QStringLiteral("mana-")), qPrintable(name));
    QCOMPARE(iface->indexOfChild(cell), index);
    QCOMPARE(cell->parent(), iface);
    walk(cell);
}

void tst_Accessibility::movesRowsShouldExposeTheirActionsAsNamedButtons()
{
    MovesView *moves = mWindow->movesView();
    MovesModel *model = moves->model();
    // The panel computes on a worker once the window is shown.
    QTRY_VERIFY(!mWindow->moveReview()->isStale() && !mWindow->moveReview()->isComputing());
    QVERIFY(model->rowCount() > 2);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(moves->tableView());
    QVERIFY(table);
    QCOMPARE(table->role(), QAccessible::Table);
    QCOMPARE(table->text(QAccessible::Name), QStringLiteral("Moves"));
    const int columns = model->columnCount() + 1;
    QSet<QString> names;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString service = model->index(row, MovesModel::ServiceColumn).data().toString();
        QAccessibleInterface *cell = table->child((row + 1) * columns + MovesModel::ActionsColumn + 1);
        QVERIFY(cell);
        QCOMPARE(cell->childCount(), int(MoveActionsDelegate::ActionCount));
        for (int action = 0; action < MoveActionsDelegate::ActionCount; ++action) {
            QAccessibleInterface *button = cell->child(action);
            QVERIFY(button);
            QCOMPARE(button->role(), QAccessible::Button);
            const QString name = button->text(QAccessible::Name);
            QVERIFY2(name.contains(service), qPrintable(name));
            QVERIFY2(!names.contains(name), qPrintable(name)); // one name per row and action
            names.insert(name);
            QVERIFY(button->actionInterface());
            QCOMPARE(button->actionInterface()->actionNames(), QStringList{QAccessibleActionInterface::pressAction()});
            QCOMPARE(button->parent(), cell);
            QCOMPARE(cell->indexOfChild(button), action);
            walk(button);
        }
        QCOMPARE(table->indexOfChild(cell), (row + 1) * columns + MovesModel::ActionsColumn + 1);
    }
    // Drift cannot be rejected; the button says so.
    const Move *first = model->moveAt(0);
    QCOMPARE(first->origin, Move::Origin::Drift);
    QAccessibleInterface *reject = table->child(columns + MovesModel::ActionsColumn + 1)->child(MoveActionsDelegate::Reject);
    QVERIFY(reject->state().disabled);
    QCOMPARE(reject->text(QAccessible::Name), QStringLiteral("Reject change of %1").arg(first->name));
}

void tst_Accessibility::movesButtonShouldActWhenPressedThroughAccessibility()
{
    MovesView *moves = mWindow->movesView();
    MovesModel *model = moves->model();
    QTRY_VERIFY(!mWindow->moveReview()->isStale() && !mWindow->moveReview()->isComputing());
    const int rows = model->rowCount();
    int row = 0;
    while (row < rows && model->moveAt(row)->serviceId != QLatin1String("mana-credits"))
        ++row;
    QVERIFY(row < rows);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(moves->tableView());
    QAccessibleInterface *execute =
        table->child((row + 1) * (model->columnCount() + 1) + MovesModel::ActionsColumn + 1)->child(MoveActionsDelegate::Execute);
    QCOMPARE(execute->text(QAccessible::Name), QStringLiteral("Execute move of mana-credits"));
    execute->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(mWindow->document()->schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QCOMPARE(model->rowCount(), rows - 1);
    // The rows changed: the tree answers for the new ones.
    QAccessibleInterface *first = table->child(model->columnCount() + 1 + MovesModel::ServiceColumn + 1);
    QVERIFY(first);
    QCOMPARE(first->text(QAccessible::Name), model->index(0, MovesModel::ServiceColumn).data().toString());
}

void tst_Accessibility::tablesShouldExposeTheirCells()
{
    for (QTableView *view : {mWindow->servicesView()->tableView(), mWindow->problemsView()->tableView()}) {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QVERIFY(iface);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        QVERIFY(iface->tableInterface());
        QVERIFY(iface->tableInterface()->rowCount() > 0);
        QAccessibleInterface *cell = iface->tableInterface()->cellAt(0, 0);
        QVERIFY(cell);
        QVERIFY(!cell->text(QAccessible::Name).isEmpty());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Right);
        walk(cell);
    }
}

// Buttons by their text, line edits and views by their accessible names,
// combo boxes by a label (a screen reader on Linux reads a combo's label, its
// own name being its current text).
void tst_Accessibility::everyInteractiveWidgetShouldHaveAName()
{
    QStringList unnamed;
    const QList<QWidget *> widgets = mWindow->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(mWindow) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QAbstractItemView *>(w->parentWidget()) || w->objectName().startsWith(QLatin1String("qt_")))
            continue; // a view's own scroll bars and viewport
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface)
            continue;
        QString name = iface->text(QAccessible::Name);
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            name = w->accessibleName();
            if (name.isEmpty()) {
                const auto labels = iface->relations(QAccessible::Label);
                for (const auto &relation : labels)
                    name += relation.first->text(QAccessible::Name);
            }
            bool labelled = false;
            for (QLabel *label : mWindow->findChildren<QLabel *>())
                labelled = labelled || label->buddy() == combo;
            if (!labelled)
                unnamed.append(QStringLiteral("%1 (combo box without a label)").arg(w->accessibleName()));
        }
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractItemView *>(w)
            || qobject_cast<QComboBox *>(w)) {
            if (name.trimmed().isEmpty())
                unnamed.append(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
