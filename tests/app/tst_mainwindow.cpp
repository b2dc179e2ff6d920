#include "changesetdialog.h"
#include "commands.h"
#include "jsonformat.h"
#include "findinglookup.h"
#include "gridcontent.h"
#include "mainwindow.h"
#include "movereview.h"
#include "movesview.h"
#include "problemsview.h"
#include "realitysync.h"
#include "rangegridview.h"
#include "servicefilterproxy.h"
#include "servicesview.h"
#include "servicetablemodel.h"
#include "testutil.h"
#include "whatif.h"
#include "schemadocument.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Portolan;
using namespace Portolan::Test;

// The window's side of a file that someone else changes (git pull, another
// editor): reload is offered, and a save never overwrites it unasked.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldOfferToReloadAnExternalChange();
    void shouldNotOverwriteAnExternalChangeWithoutConsent();
    void whatIfShouldShowTheDraftInTableAndGrid();
    void aScatteredDeleteShouldKeepWhatIfAndTheView();
    void shouldNameTheBuiltInSampleButSaveItAsNew();
    void savedSampleShouldCarryItsLinkedFiles();
    void linkedFileEditedOnDiskShouldUpdateTheWindowWithoutAnEdit();
    void sourcesPanelShouldListTheSamplesLinkedFiles();
    void saveAsShouldKeepLinkedSourcesPointingAtTheirFiles();
    void shouldFitTheHostsColumnsAt1280x800();
    void carryOutShouldWriteTheFilesAndUndoShouldPutThemBack();
    void openingInTheBackgroundShouldShowProgressAndBeCancellable();

private:
    // Answers the next message box with the given button once it is shown.
    void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr);
    QString writeExternally(const QString &title);

    QTemporaryDir mDir;
    QString mFile;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
    mFile = mDir.filePath(QStringLiteral("plan.portolan.json"));
}

void tst_MainWindow::answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    QTimer::singleShot(0, this, [button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        if (text)
            *text = box->text();
        QAbstractButton *b = box->button(button);
        QVERIFY(b);
        b->click();
    });
}

QString tst_MainWindow::writeExternally(const QString &title)
{
    Schema schema = builtInSample();
    schema.title = title;
    QString error;
    if (!saveSchemaFile(mFile, schema, &error))
        qFatal("%s", qPrintable(error));
    return title;
}

void tst_MainWindow::shouldOfferToReloadAnExternalChange()
{
    writeExternally(QStringLiteral("as opened"));
    MainWindow window;
    QString error;
    QVERIFY2(window.openFile(mFile, &error), qPrintable(error));
    QCOMPARE(window.document()->schema().title, QStringLiteral("as opened"));

    // Nothing changed on disk: no question.
    window.checkFileOnDisk();

    writeExternally(QStringLiteral("after git pull"));
    QString question;
    answerNextMessageBox(QMessageBox::Yes, &question);
    window.checkFileOnDisk();
    QVERIFY(question.contains(QStringLiteral("changed on disk")));
    QCOMPARE(window.document()->schema().title, QStringLiteral("after git pull"));
    QVERIFY(!window.document()->isModified());
}

void tst_MainWindow::shouldNotOverwriteAnExternalChangeWithoutConsent()
{
    writeExternally(QStringLiteral("as opened"));
    MainWindow window;
    QString error;
    QVERIFY(window.openFile(mFile, &error));
    SchemaDocument *document = window.document();
    document->undoStack()->push(new ChangeServiceFieldCommand(document, QStringLiteral("mana-auth"), ServiceField::Notes,
                                                              QStringLiteral("my edit")));

    // Someone else writes the file; the user declines the reload and saves.
    writeExternally(QStringLiteral("theirs"));
    answerNextMessageBox(QMessageBox::No);
    window.checkFileOnDisk();
    QVERIFY(document->isModified());

    QString question;
    answerNextMessageBox(QMessageBox::Cancel, &question);
    QVERIFY(!window.save());
    QVERIFY(question.contains(QStringLiteral("changed on disk")));
    ParseError parseError;
    QCOMPARE(loadSchemaFile(mFile, &parseError)->title, QStringLiteral("theirs"));

    // With consent, ours is written.
    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(window.save());
    const std::optional<Schema> saved = loadSchemaFile(mFile, &parseError);
    QCOMPARE(saved->title, QStringLiteral("as opened"));
    QCOMPARE(saved->service(QStringLiteral("mana-auth"))->notes, QStringLiteral("my edit"));
    QVERIFY(!document->isModified());
    // And the next save of our own file asks nothing.
    document->undoStack()->push(new ChangeServiceFieldCommand(document, QStringLiteral("mana-auth"), ServiceField::Notes,
                                                              QStringLiteral("second edit")));
    QVERIFY(window.save());
}

void tst_MainWindow::whatIfShouldShowTheDraftInTableAndGrid()
{
    MainWindow window;
    window.openUntitled(builtInSample());
    const QByteArray before = JsonFormat::serialize(window.document()->schema());
    QCOMPARE(window.findChildren<RangeGridView *>().size(), 1);
    window.setWhatIfMode(true);
    QVERIFY(window.whatIfSession());
    QCOMPARE(window.findChildren<RangeGridView *>().size(), 2);
    SchemaDocument *draft = window.whatIfSession()->draftDocument();
    draft->undoStack()->push(new ChangeServiceFieldCommand(draft, QStringLiteral("mana-tts"), ServiceField::ActualPort, 3023));
    // The draft's grid sees the draft's collision.
    bool sawCollision = false;
    for (RangeGridView *grid : window.findChildren<RangeGridView *>()) {
        if (grid->serviceModel()->document() == draft) {
            Severity worst;
            sawCollision = grid->findingLookup()->worstSeverity(QStringLiteral("mana-tts"), &worst)
                && worst == Severity::Error;
        }
    }
    QVERIFY(sawCollision);
    // A draft move of the plan leaves a ghost at the real position.
    draft->undoStack()->push(new ChangeServiceFieldCommand(draft, QStringLiteral("mana-tts"), ServiceField::PlannedPort, 3027));
    for (RangeGridView *grid : window.findChildren<RangeGridView *>()) {
        if (grid->serviceModel()->document() != draft)
            continue;
        const int row = draft->serviceRow(QStringLiteral("mana-tts"));
        bool ghost = false, moved = false;
        for (const GridEntry &e : grid->gridContent().entriesAt(3022))
            ghost = ghost || (e.row == row && e.ghost && e.previous);
        for (const GridEntry &e : grid->gridContent().entriesAt(3027))
            moved = moved || (e.row == row && !e.ghost);
        QVERIFY(ghost);
        QVERIFY(moved);
        QVERIFY(grid->toolTipFor(GridCell{grid->cellAtViewport(grid->portViewportRect(3022).center()).block, 3022})
                    .contains(QStringLiteral("outside the drafts")));
    }
    window.setWhatIfMode(false); // leaving drops the drafts; only closing asks
    QCOMPARE(window.findChildren<RangeGridView *>().size(), 1);
    QCOMPARE(JsonFormat::serialize(window.document()->schema()), before);
}

void tst_MainWindow::aScatteredDeleteShouldKeepWhatIfAndTheView()
{
    // A Delete of a filter's matches, scattered over a fleet, replaces the
    // services at once: what-if drafting, its drafts and the table's place
    // in the list stay, and undo brings every service back.
    Schema fleet = builtInSample();
    const Service model = fleet.services.first();
    for (int i = 0; i < 2000; ++i) {
        Service s = model;
        s.id = QStringLiteral("extra-%1").arg(i);
        s.name = s.id;
        fleet.services.append(s);
    }
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openUntitled(fleet);
    window.setWhatIfMode(true);
    SchemaDocument *draft = window.whatIfSession()->draftDocument();
    draft->undoStack()->push(new ChangeServiceFieldCommand(draft, QStringLiteral("mana-tts"), ServiceField::PlannedPort, 3027));
    QTableView *table = window.servicesView()->tableView();
    QStringList ids;
    for (int row = 1; row < window.document()->serviceCount(); row += 40)
        ids.append(window.document()->service(row).id);
    QVERIFY(ids.size() > 32); // more blocks than are removed one by one
    ids.removeAll(QStringLiteral("mana-tts"));
    window.servicesView()->selectServices(ids);
    QApplication::processEvents();
    // The user scrolls to the middle, to a row that stays, and deletes.
    const auto topId = [&window, table] {
        const QModelIndex top = window.servicesView()->proxy()->mapToSource(table->indexAt(QPoint(0, 0)));
        return top.isValid() ? window.document()->service(top.row()).id : QString();
    };
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() / 2);
    while (ids.contains(topId()))
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->value() + 1);
    const QString top = topId();
    QVERIFY(table->verticalScrollBar()->value() > 100);
    window.deleteSelected();
    QApplication::processEvents();
    QCOMPARE(window.document()->serviceCount(), fleet.services.size() - ids.size());
    QVERIFY(window.whatIfSession());
    QCOMPARE(draft->schema().service(QStringLiteral("mana-tts"))->plannedPort, 3027);
    QCOMPARE(draft->serviceCount(), window.document()->serviceCount());
    QCOMPARE(topId(), top);

    window.document()->undoStack()->undo();
    QApplication::processEvents();
    QCOMPARE(window.document()->schema(), fleet);
    QVERIFY(window.whatIfSession());
    QCOMPARE(draft->schema().service(QStringLiteral("mana-tts"))->plannedPort, 3027);
    window.setWhatIfMode(false);
}

void tst_MainWindow::shouldNameTheBuiltInSampleButSaveItAsNew()
{
    MainWindow window;
    window.openUntitled(builtInSample());
    QVERIFY2(window.windowTitle().contains(QStringLiteral("(built-in sample)")), qPrintable(window.windowTitle()));
    QVERIFY(window.windowTitle().contains(builtInSample().title));
    QVERIFY(window.document()->fileName().isEmpty()); // Save asks where
    window.openUntitled(Schema());
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Untitled")), qPrintable(window.windowTitle()));
}

void tst_MainWindow::savedSampleShouldCarryItsLinkedFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto allRead = [](const MainWindow &window) {
        const QList<SourceReading> readings = window.realitySync()->readings();
        if (readings.isEmpty())
            return false;
        for (const SourceReading &r : readings) {
            if (!r.ok)
                return false;
        }
        return true;
    };
    {
        MainWindow window;
        window.openUntitled(builtInLinkedSample());
        QTRY_VERIFY(allRead(window));
        const int readings = int(window.realitySync()->readings().size());
        QVERIFY(window.saveTo(dir.filePath(QStringLiteral("mana.portolan.json"))));
        // The files come along under the paths the plan names.
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("mana-2026-04-17/docker-compose.macmini.yml"))));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("mana-2026-04-17/cloudflared-config.yml"))));
        QCOMPARE(window.document()->undoStack()->count(), 0); // no path changed
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("copied")));
        QTRY_VERIFY(window.realitySync()->readings().constFirst().absoluteFiles.constFirst().startsWith(dir.path()));
        QTRY_VERIFY(allRead(window));
        QCOMPARE(int(window.realitySync()->readings().size()), readings);
    }
    {
        // A different file where a copy would go stays; the copies go into a folder of their own.
        QTemporaryDir other;
        const QString mine = other.filePath(QStringLiteral("mana-2026-04-17/docker-compose.macmini.yml"));
        QVERIFY(QDir().mkpath(QFileInfo(mine).absolutePath()));
        QFile file(mine);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("services: {}\n");
        file.close();
        MainWindow window;
        window.openUntitled(builtInLinkedSample());
        QVERIFY(window.saveTo(other.filePath(QStringLiteral("mana.portolan.json"))));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("services: {}\n"));
        QVERIFY(QFileInfo::exists(other.filePath(QStringLiteral("mana-sources/mana-2026-04-17/docker-compose.macmini.yml"))));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        bool moved = false;
        for (const Host &h : window.document()->schema().hosts) {
            for (const RealitySource &source : h.sources)
                moved = moved || source.files.constFirst().startsWith(QLatin1String("mana-sources/mana-2026-04-17/"));
        }
        QVERIFY(moved);
        // Saved as it is shown: the file on disk names the new folder.
        QFile saved(other.filePath(QStringLiteral("mana.portolan.json")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("mana-sources/mana-2026-04-17/docker-compose.macmini.yml"));
        QTRY_VERIFY(allRead(window));
    }
}

void tst_MainWindow::linkedFileEditedOnDiskShouldUpdateTheWindowWithoutAnEdit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("app/docker-compose.yml"),
                          "services:\n  web:\n    image: x\n    ports: [\"8080:80\"]\n"
                          "  api:\n    image: x\n    ports: [\"8080:8000\"]\n"));
    const QString plan = dir.filePath(QStringLiteral("plan.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(plan, hostWithCompose(QStringLiteral("h"), {QStringLiteral("app/docker-compose.yml")}), &error));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.openFile(plan, &error), qPrintable(error));
    const auto collisions = [&window] {
        int n = 0;
        for (const Finding &f : window.analyzer()->findings())
            n += f.rule == QLatin1String("host-collision");
        return n;
    };
    QTRY_COMPARE(collisions(), 1);
    QAbstractItemModel *problems = window.problemsView()->tableView()->model();
    const int problemRows = problems->rowCount();
    QVERIFY(problemRows > 0);
    // One edit of the plan, to see that its history stays as it is.
    window.document()->undoStack()->push(new QUndoCommand(QStringLiteral("marker")));
    const int index = window.document()->undoStack()->index();
    const bool modified = window.document()->isModified();

    // Someone moves api in the file: within a second the window follows.
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("app/docker-compose.yml"),
                          "services:\n  web:\n    image: x\n    ports: [\"8080:80\"]\n"
                          "  api:\n    image: x\n    ports: [\"8081:8000\"]\n"));
    QTRY_COMPARE(collisions(), 0); // about 200 ms: the file watcher, a 150 ms pause, the reading
    QCOMPARE(problems->rowCount(), problemRows - 1); // the Problems list, not only the analyzer
    const Service *api = nullptr;
    for (const Service &s : window.document()->schema().services)
        api = s.name == QLatin1String("api") ? &s : api;
    QVERIFY(api);
    QCOMPARE(api->actualPort, 8081); // what the table shows
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Reality re-read")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.document()->undoStack()->index(), index);
    QCOMPARE(window.document()->undoStack()->count(), index);
    QCOMPARE(window.document()->isModified(), modified);
}

void tst_MainWindow::sourcesPanelShouldListTheSamplesLinkedFiles()
{
    MainWindow window;
    window.openUntitled(builtInLinkedSample());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("SourcesDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
    auto *tree = dock->widget()->findChild<QTreeWidget *>();
    QVERIFY(tree);
    QTreeWidgetItem *macMini = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == QLatin1String("Mac Mini"))
            macMini = tree->topLevelItem(i);
    }
    QVERIFY(macMini);
    QCOMPARE(macMini->childCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString status = macMini->child(i)->text(1);
        QVERIFY2(!status.contains(QLatin1String("cannot be read")) && !status.contains(QLatin1String("not read")),
                 qPrintable(status));
    }
    // Reading reality is not an edit.
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.document()->undoStack()->count(), 0);
    QDir().mkpath(QStringLiteral("screenshots"));
    window.grab().save(QStringLiteral("screenshots/sources-panel.png"));
}

void tst_MainWindow::saveAsShouldKeepLinkedSourcesPointingAtTheirFiles()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("plans/old"));
    QDir(dir.path()).mkpath(QStringLiteral("plans/new"));
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("deploy/docker-compose.yml"),
                          "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n"));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("../../deploy/docker-compose.yml")});
    QString error;
    const QString oldPlan = dir.filePath(QStringLiteral("plans/old/plan.portolan.json"));
    QVERIFY(saveSchemaFile(oldPlan, schema, &error));
    MainWindow window;
    QVERIFY(window.openFile(oldPlan, &error));
    QCOMPARE(window.document()->schema().services.size(), 1); // web, read from the compose file
    QVERIFY(window.saveTo(dir.filePath(QStringLiteral("plans/new/../plan.portolan.json"))));
    QCOMPARE(window.document()->schema().hosts.first().sources.first().files,
             QStringList{QStringLiteral("../deploy/docker-compose.yml")});
    QTRY_COMPARE(window.realitySync()->readings().size(), 1);
    QTRY_VERIFY(window.realitySync()->readings().first().ok);
    QVERIFY(!window.document()->isModified());
}

void tst_MainWindow::carryOutShouldWriteTheFilesAndUndoShouldPutThemBack()
{
    QTemporaryDir dir;
    const QByteArray compose = "services:\n  api:\n    image: x\n    ports:\n      - \"3061:3000\"  # the API\n"
                               "  web:\n    image: y\n    environment:\n      API: http://host.docker.internal:3061/v1\n";
    QVERIFY(writeTestFile(dir.path(), QStringLiteral("docker-compose.yml"), compose));
    const Schema schema = hostWithCompose(QStringLiteral("h"), {QStringLiteral("docker-compose.yml")},
                                          {deployed(QStringLiteral("api"), 3005, QStringLiteral("h"))});
    QString error;
    const QString plan = dir.filePath(QStringLiteral("plan.portolan.json"));
    QVERIFY(saveSchemaFile(plan, schema, &error));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(plan, &error));
    QTRY_COMPARE(window.document()->schema().service(QStringLiteral("api"))->actualPort, 3061);
    window.moveReview()->refresh();
    QTRY_VERIFY(!window.moveReview()->moves().isEmpty());
    const Move move = window.moveReview()->moves().first();
    QCOMPARE(move.serviceId, QStringLiteral("api"));

    // The selection's Carry Out… opens the review: one tab per file, the findings it resolves.
    window.movesView()->selectKeys({move.key()});
    QVERIFY(window.movesView()->carryOutButton()->isEnabled());
    ChangeSetDialog *dialog = window.carryOutMoves({move});
    QVERIFY(dialog);
    QCOMPARE(dialog->changeSet().files.size(), 1);
    QCOMPARE(dialog->tabs()->tabText(0), QStringLiteral("docker-compose.yml"));
    QCOMPARE(dialog->tabs()->count(), 2); // the file, the findings
    auto *diff = qobject_cast<QTreeWidget *>(dialog->tabs()->widget(0));
    QVERIFY(diff);
    QStringList rows;
    for (int i = 0; i < diff->topLevelItemCount(); ++i)
        rows.append(diff->topLevelItem(i)->text(0) + QLatin1Char('|') + diff->topLevelItem(i)->text(1) + QLatin1Char('|')
                    + diff->topLevelItem(i)->text(2));
    QVERIFY2(rows.contains(QStringLiteral("5||-       - \"3061:3000\"  # the API")), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY2(rows.contains(QStringLiteral("|5|+       - \"3005:3000\"  # the API")), qPrintable(rows.join(QLatin1Char('\n'))));
    QVERIFY(dialog->check().ok);
    QVERIFY(!dialog->check().resolved.isEmpty());
    QVERIFY(dialog->check().introduced.isEmpty());
    QVERIFY2(dialog->summaryText().startsWith(QLatin1String("1 move")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->patchText().contains(QLatin1String("+      API: http://host.docker.internal:3005/v1")));

    QVERIFY(dialog->applyButton()->isEnabled());
    QVERIFY(dialog->apply(&error));
    auto contents = [&] {
        QFile file(dir.filePath(QStringLiteral("docker-compose.yml")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QByteArray expected = compose;
    expected.replace("3061", "3005");
    QCOMPARE(contents(), expected);
    window.realitySync()->refresh();
    QCOMPARE(window.document()->schema().service(QStringLiteral("api"))->actualPort, 3005);
    // The review report holds the diff that was written.
    const QString report = window.moveReview()->reportMarkdown();
    QVERIFY2(report.contains(QLatin1String("```diff\n--- a/docker-compose.yml\n"))
                 && report.contains(QLatin1String("+      - \"3005:3000\"  # the API\n")),
             qPrintable(report));
    QVERIFY(window.document()->undoStack()->undoText().startsWith(QLatin1String("Carry out")));

    // One undo step puts the file and the plan back.
    window.document()->undoStack()->undo();
    QCOMPARE(contents(), compose);
    window.realitySync()->refresh();
    QCOMPARE(window.document()->schema().service(QStringLiteral("api"))->actualPort, 3061);
    window.document()->undoStack()->redo();
    QCOMPARE(contents(), expected);
    dialog->close();
}

void tst_MainWindow::shouldFitTheHostsColumnsAt1280x800()
{
    MainWindow window;
    window.openUntitled(builtInSample());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (const char *dockName : {"HostsDock", "RangesDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QLatin1String(dockName));
        QVERIFY(dock);
        const auto *table = dock->widget()->findChild<QTableView *>();
        QVERIFY(table);
        const QHeaderView *header = table->horizontalHeader();
        const int last = table->model()->columnCount() - 1;
        int width = 0;
        for (int column = 0; column < last; ++column) {
            if (header->isSectionHidden(column))
                continue;
            // Every column but the notes shows its whole content and title.
            const int needed = qMax(static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(column), header->sectionSizeHint(column));
            QVERIFY2(header->sectionSize(column) >= needed,
                     qPrintable(QStringLiteral("%1 column %2: %3 < %4")
                                    .arg(QLatin1String(dockName))
                                    .arg(column)
                                    .arg(header->sectionSize(column))
                                    .arg(needed)));
            width += header->sectionSize(column);
        }
        // ... and the notes keep some room instead of being pushed out of sight.
        QVERIFY2(width + header->minimumSectionSize() <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1: %2 of %3").arg(QLatin1String(dockName)).arg(width).arg(table->viewport()->width())));
    }
    window.document()->setClean();
}

void tst_MainWindow::openingInTheBackgroundShouldShowProgressAndBeCancellable()
{
    writeExternally(QStringLiteral("read in the background"));
    MainWindow window;
    window.show();
    const Schema before = window.document()->schema();

    // Cancelled: the views are back at once, and the reading's late result
    // is dropped.
    QVERIFY(window.openFileInBackground(mFile));
    QVERIFY(window.isOpening());
    QVERIFY(window.openingIndicator()->isVisible());
    QVERIFY(!window.menuBar()->isEnabled());
    QVERIFY(!window.servicesView()->isEnabledTo(&window));
    const QList<QTabBar *> dockTabs = window.findChildren<QTabBar *>(Qt::FindDirectChildrenOnly);
    QVERIFY(!dockTabs.isEmpty());
    QVERIFY(std::none_of(dockTabs.cbegin(), dockTabs.cend(), [](QTabBar *t) { return t->isEnabled(); }));
    QVERIFY(!window.openFileInBackground(mFile)); // one reading at a time
    auto *cancel = window.openingIndicator()->findChild<QToolButton *>();
    QVERIFY(cancel);
    QCOMPARE(cancel->shortcut(), QKeySequence(QKeySequence::Cancel));
    cancel->click();
    QVERIFY(!window.isOpening());
    QVERIFY(!window.openingIndicator()->isVisible());
    QVERIFY(window.menuBar()->isEnabled());
    QVERIFY(window.servicesView()->isEnabledTo(&window));
    QVERIFY(std::all_of(dockTabs.cbegin(), dockTabs.cend(), [](QTabBar *t) { return t->isEnabled(); }));
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QVERIFY(window.document()->schema() == before);
    QVERIFY(window.document()->fileName().isEmpty());

    // Read to the end: the document is the file.
    QVERIFY(window.openFileInBackground(mFile));
    QTRY_VERIFY(!window.isOpening());
    QCOMPARE(window.document()->schema().title, QStringLiteral("read in the background"));
    QCOMPARE(window.document()->fileName(), QFileInfo(mFile).absoluteFilePath());
    QVERIFY(window.menuBar()->isEnabled());

    // A file that cannot be read is reported; the document stays.
    const QString broken = mDir.filePath(QStringLiteral("broken.portolan.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": 1, \"services\": [");
    file.close();
    QString said;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            said = box->text();
            answer.stop();
            box->button(QMessageBox::Ok)->click();
        }
    });
    answer.start(20);
    QVERIFY(window.openFileInBackground(broken));
    QTRY_VERIFY(!said.isEmpty());
    QVERIFY2(said.contains(QStringLiteral("broken.portolan.json:1:")), qPrintable(said));
    QVERIFY(!window.isOpening());
    QCOMPARE(window.document()->schema().title, QStringLiteral("read in the background"));
    QCOMPARE(window.document()->fileName(), QFileInfo(mFile).absoluteFilePath());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
