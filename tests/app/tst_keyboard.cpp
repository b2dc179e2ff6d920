#include "jsonformat.h"
#include "locator.h"
#include "mainwindow.h"
#include "move.h"
#include "moveactionsdelegate.h"
#include "movereview.h"
#include "movesmodel.h"
#include "movestable.h"
#include "movesview.h"
#include "problemsmodel.h"
#include "problemsview.h"
#include "servicetablemodel.h"
#include "rangegridpanel.h"
#include "rangegridview.h"
#include "schemadocument.h"
#include "servicesview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QSignalSpy>
#include <QUndoStack>

using namespace Portolan;

// The window driven by keys alone: Tab through it, unique mnemonics, the
// Moves rows' actions, context menus by keyboard.
class tst_Keyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tabShouldReachEveryDockAndLeaveEachTable();
    void menuMnemonicsShouldBeUnique();
    void windowMnemonicsShouldBeUnique();
    void movesRowActionsShouldBeReachableByKeyboard();
    void shiftF10ShouldOpenTheGridsContextMenu();
    void ctrlEShouldExportFromTheFilter();
    void ctrlKShouldJumpToAServiceAPortOrAHost();
    void problemsContextMenuShouldSelectShowAndCopy();

private:
    static QChar mnemonic(const QString &text);

    MainWindow *mWindow = nullptr;
};

void tst_Keyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Keyboard::init()
{
    mWindow = new MainWindow;
    mWindow->openUntitled(builtInSample());
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QApplication::setActiveWindow(mWindow);
    mWindow->servicesView()->filterEdit()->setFocus();
}

void tst_Keyboard::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

QChar tst_Keyboard::mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

void tst_Keyboard::tabShouldReachEveryDockAndLeaveEachTable()
{
    // Show the Moves dock too (it shares a tab with Problems).
    auto *moves = mWindow->findChild<QDockWidget *>(QStringLiteral("MovesDock"));
    QVERIFY(moves);
    QSet<QWidget *> reached;
    QWidget *start = QApplication::focusWidget();
    QVERIFY(start);
    for (int i = 0; i < 80; ++i) {
        QWidget *before = QApplication::focusWidget();
        QTest::keyClick(before, Qt::Key_Tab);
        QWidget *after = QApplication::focusWidget();
        QVERIFY(after);
        // A table hands the focus on: Tab never moves inside it.
        if (qobject_cast<QTableView *>(before))
            QVERIFY2(after != before, before->accessibleName().toUtf8());
        reached.insert(after);
        if (after == start)
            break;
    }
    auto reachedDock = [&](const QString &name) {
        auto *dock = mWindow->findChild<QDockWidget *>(name);
        for (QWidget *w : reached) {
            if (dock && dock->isAncestorOf(w))
                return true;
        }
        return false;
    };
    QVERIFY(reached.contains(mWindow->servicesView()->tableView()));
    for (const QString &dock : {QStringLiteral("HostsDock"), QStringLiteral("RangesDock"), QStringLiteral("ProblemsDock")})
        QVERIFY2(reachedDock(dock), qPrintable(dock));
    QVERIFY(reached.contains(mWindow->problemsView()->tableView()));
    // The Moves dock behind its tab: raised, its table is on the way as well.
    moves->raise();
    QTRY_VERIFY(mWindow->movesView()->isVisible());
    // From the bar's last button (the others wait for a selection).
    QPushButton *report = nullptr;
    for (QPushButton *b : mWindow->movesView()->findChildren<QPushButton *>()) {
        if (b->isEnabled())
            report = b;
    }
    QVERIFY(report);
    report->setFocus();
    QTRY_VERIFY(report->hasFocus());
    bool movesTable = false;
    for (int i = 0; i < 10 && !movesTable; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        movesTable = QApplication::focusWidget() == mWindow->movesView()->tableView();
    }
    QVERIFY(movesTable);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != mWindow->movesView()->tableView());
}

void tst_Keyboard::menuMnemonicsShouldBeUnique()
{
    QList<QMenu *> menus;
    QSet<QChar> bar;
    for (QAction *top : mWindow->menuBar()->actions()) {
        const QChar key = mnemonic(top->text());
        QVERIFY2(!key.isNull(), qPrintable(top->text()));
        QVERIFY2(!bar.contains(key), qPrintable(top->text()));
        bar.insert(key);
        if (top->menu())
            menus.append(top->menu());
    }
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        QHash<QChar, QString> seen;
        for (QAction *action : menu->actions()) {
            if (action->menu())
                menus.append(action->menu());
            const QChar key = mnemonic(action->text());
            if (key.isNull())
                continue;
            QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1: %2 and %3").arg(menu->title(), seen.value(key), action->text())));
            seen.insert(key, action->text());
        }
    }
}

// Alt+letter in the window (outside menus): buttons, labels and tabs, each
// letter once, and none taken from the menu bar.
void tst_Keyboard::windowMnemonicsShouldBeUnique()
{
    QHash<QChar, QString> seen;
    for (QAction *top : mWindow->menuBar()->actions())
        seen.insert(mnemonic(top->text()), top->text());
    auto check = [&](const QString &text) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            return;
        QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1 and %2").arg(seen.value(key), text)));
        seen.insert(key, text);
    };
    for (QAbstractButton *b : mWindow->findChildren<QAbstractButton *>())
        check(b->text());
    for (QLabel *l : mWindow->findChildren<QLabel *>()) {
        if (l->buddy())
            check(l->text());
    }
    for (QTabWidget *tabs : mWindow->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            check(tabs->tabText(i));
    }
}

void tst_Keyboard::movesRowActionsShouldBeReachableByKeyboard()
{
    MovesView *moves = mWindow->movesView();
    MovesModel *model = moves->model();
    // The panel computes on a worker once the window is shown.
    QTRY_VERIFY(!mWindow->moveReview()->isStale() && !mWindow->moveReview()->isComputing());
    const int rows = model->rowCount();
    QVERIFY(rows > 0);
    int credits = 0;
    while (model->moveAt(credits)->serviceId != QLatin1String("mana-credits"))
        ++credits;
    auto *table = static_cast<MovesTable *>(moves->tableView());
    mWindow->findChild<QDockWidget *>(QStringLiteral("MovesDock"))->raise();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->setCurrentIndex(model->index(credits, MovesModel::ServiceColumn));
    // To the actions cell, then Right to Accept and back Left to Execute.
    while (table->currentIndex().column() != MovesModel::ActionsColumn)
        QTest::keyClick(table, Qt::Key_Right);
    QCOMPARE(table->actionsDelegate()->focusedAction(), int(MoveActionsDelegate::Execute));
    QTest::keyClick(table, Qt::Key_Right);
    QCOMPARE(table->actionsDelegate()->focusedAction(), int(MoveActionsDelegate::AcceptReality));
    QTest::keyClick(table, Qt::Key_Right); // Reject is disabled for drift: stays
    QCOMPARE(table->actionsDelegate()->focusedAction(), int(MoveActionsDelegate::AcceptReality));
    QTest::keyClick(table, Qt::Key_Left);
    QCOMPARE(table->actionsDelegate()->focusedAction(), int(MoveActionsDelegate::Execute));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(mWindow->document()->schema().service(QStringLiteral("mana-credits"))->actualPort, 3002);
    QCOMPARE(model->rowCount(), rows - 1);
    QVERIFY2(moves->lastDecision().contains(QStringLiteral("mana-credits")), qPrintable(moves->lastDecision()));
    QVERIFY(moves->lastDecision().contains(QStringLiteral("3002")));
    QVERIFY(table->hasFocus());
    QVERIFY(table->currentIndex().isValid()); // the keys go on with the next row

    // The shortcut on the selection: Ctrl+Shift+Return accepts reality.
    int user = 0;
    while (model->moveAt(user)->serviceId != QLatin1String("mana-user"))
        ++user;
    table->selectRow(user);
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(mWindow->document()->schema().service(QStringLiteral("mana-user"))->plannedPort, 3062);
    QCOMPARE(mWindow->document()->undoStack()->count(), 2);
    QVERIFY(moves->lastDecision().contains(QStringLiteral("3062")));

    // The context menu offers the same, by keyboard.
    bool menuShown = false;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        menuShown = menu && menu->actions().contains(moves->executeAction());
        if (menu)
            menu->close();
    });
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(menuShown);
}

void tst_Keyboard::shiftF10ShouldOpenTheGridsContextMenu()
{
    mWindow->showGrid();
    RangeGridView *grid = mWindow->gridPanel()->view();
    grid->setFocus();
    QTRY_VERIFY(grid->hasFocus());
    grid->setCurrentCell(grid->gridLayout().primaryCell(3015));
    QStringList texts;
    QTimer::singleShot(0, this, [&] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            for (QAction *a : menu->actions())
                texts.append(a->text());
            menu->close();
        }
    });
    QTest::keyClick(grid, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(!texts.isEmpty());
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("Move")), qPrintable(texts.join(QLatin1Char('|'))));

    // Alt+Right moves the service in the cursor cell one port on, as one undo step.
    // A service whose right-hand neighbour cell is free.
    const Schema &schema = mWindow->document()->schema();
    QString id;
    for (const Service &s : schema.services) {
        const GridCell cell = grid->gridLayout().primaryCell(s.plannedPort);
        const GridCell next = grid->gridLayout().primaryCell(s.plannedPort + 1);
        const bool free = std::none_of(schema.services.cbegin(), schema.services.cend(),
                                       [&](const Service &o) { return o.plannedPort == s.plannedPort + 1; });
        // Not a reserved port: moving onto one asks first.
        if (cell.isValid() && next.isValid() && next.block == cell.block && free
            && !grid->gridContent().isReserved(s.plannedPort + 1)
            && grid->gridContent().entriesAt(s.plannedPort).size() == 1) {
            id = s.id;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const int before = schema.service(id)->plannedPort;
    grid->setCurrentCell(grid->gridLayout().primaryCell(before));
    QTest::keyClick(grid, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(mWindow->document()->schema().service(id)->plannedPort, before + 1);
    QCOMPARE(grid->currentPort(), before + 1);
    mWindow->document()->undoStack()->undo();
    QCOMPARE(mWindow->document()->schema().service(id)->plannedPort, before);
}

void tst_Keyboard::ctrlEShouldExportFromTheFilter()
{
    QLineEdit *filter = mWindow->servicesView()->filterEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    bool dialogShown = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        dialogShown = modal && modal != mWindow;
        if (modal)
            modal->close();
    });
    QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(dialogShown);
}

void tst_Keyboard::ctrlKShouldJumpToAServiceAPortOrAHost()
{
    QTableView *table = mWindow->servicesView()->tableView();
    auto selectedIds = [table] {
        QStringList ids;
        for (const QModelIndex &row : table->selectionModel()->selectedRows())
            ids.append(row.data(ServiceTableModel::ServiceIdRole).toString());
        return ids;
    };
    // A service, by typing part of its name and Return.
    QTest::keyClick(mWindow->servicesView()->filterEdit(), Qt::Key_K, Qt::ControlModifier);
    Locator *locator = mWindow->locator();
    QVERIFY(locator);
    QTRY_VERIFY(locator->isVisible());
    QTRY_VERIFY(locator->lineEdit()->hasFocus());
    QVERIFY(!locator->lineEdit()->accessibleName().isEmpty());
    QTest::keyClicks(locator->lineEdit(), QStringLiteral("mana-sync"));
    QTRY_VERIFY(locator->completer()->popup()->isVisible());
    QTest::keyClick(locator->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(locator->completer()->popup(), Qt::Key_Return);
    QTRY_VERIFY(!locator->isVisible());
    QCOMPARE(selectedIds(), QStringList{QStringLiteral("mana-sync")});

    // A port: the grid with that cell current.
    mWindow->showLocator();
    QTRY_VERIFY(locator->isVisible());
    QVERIFY(locator->accept(QStringLiteral("3042")));
    QCOMPARE(mWindow->gridPanel()->view()->currentPort(), 3042);
    QVERIFY(mWindow->gridPanel()->isVisible());
    locator->close();

    // A host: the Hosts dock with its row selected.
    mWindow->showLocator();
    QTRY_VERIFY(locator->isVisible());
    QSignalSpy host(locator, &Locator::hostChosen);
    QVERIFY(locator->accept(QStringLiteral("Mac Mini — host")));
    QCOMPARE(host.size(), 1);
    QCOMPARE(host.first().first().toString(), QStringLiteral("mac-mini"));

    // Escape closes it, without a jump.
    mWindow->showLocator();
    QTRY_VERIFY(locator->isVisible());
    QTest::keyClick(locator->lineEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!locator->isVisible());
}

void tst_Keyboard::problemsContextMenuShouldSelectShowAndCopy()
{
    ProblemsView *problems = mWindow->problemsView();
    QTableView *table = problems->tableView();
    QVERIFY(table->model()->rowCount() > 0);
    // The first finding that names a service.
    int row = 0;
    while (row < table->model()->rowCount()
           && table->model()->index(row, 0).data(ProblemsModel::ServiceIdsRole).toStringList().isEmpty())
        ++row;
    QVERIFY(row < table->model()->rowCount());
    const QModelIndex index = table->model()->index(row, 0);
    table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QStringList ids = index.data(ProblemsModel::ServiceIdsRole).toStringList();

    auto action = [problems](const QString &text) {
        auto *menu = new QMenu;
        problems->fillContextMenu(menu);
        for (QAction *a : menu->actions()) {
            if (a->text() == text) {
                a->setParent(problems); // outlives the menu
                delete menu;
                return a;
            }
        }
        delete menu;
        return static_cast<QAction *>(nullptr);
    };
    QAction *copy = action(QStringLiteral("&Copy Message"));
    QVERIFY(copy && copy->isEnabled());
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             table->model()->index(row, ProblemsModel::MessageColumn).data().toString());

    QAction *grid = action(QStringLiteral("Show in Range &Grid"));
    QVERIFY(grid && grid->isEnabled());
    grid->trigger();
    QVERIFY(mWindow->gridPanel()->isVisible());
    const Service *first = mWindow->document()->schema().service(ids.first());
    QVERIFY(first);
    QCOMPARE(mWindow->gridPanel()->view()->currentPort(), first->plannedPort);

    QAction *select = action(QStringLiteral("&Select Services"));
    QVERIFY(select && select->isEnabled());
    QSignalSpy selected(problems, &ProblemsView::servicesActivated);
    select->trigger();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toStringList(), ids);
}

QTEST_MAIN(tst_Keyboard)
#include "tst_keyboard.moc"
