#include "analyzer.h"
#include "formatregistry.h"
#include "jsonformat.h"
#include "markdownformat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Portolan::Schema)

using namespace Portolan;

namespace {

const QString realFile = QStringLiteral(PORTOLAN_REALWORLD_DIR "/docs/PORT_SCHEMA.md");

QByteArray realBytes()
{
    QFile f(realFile);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(realFile));
    return f.readAll();
}

std::optional<ReadResult> importMarkdown(const QByteArray &data, ParseError *error, const QString &name = QStringLiteral("in.md"))
{
    FormatOptions options;
    options.fileName = name;
    return MarkdownFormat().read(data, options, error);
}

QByteArray exportMarkdown(const Schema &schema, const QVariantMap &extra = {})
{
    FormatOptions options;
    options.extra = extra;
    QString error;
    const std::optional<QByteArray> bytes = MarkdownFormat().write(schema, options, &error);
    if (!bytes)
        qFatal("export failed: %s", qPrintable(error));
    return *bytes;
}

// The fields the Markdown layout does not carry, cleared.
Schema markdownCarried(Schema s)
{
    for (Host &h : s.hosts)
        h.platform.clear();
    for (PortRange &r : s.ranges) {
        r.colour = QColor();
        r.parentId.clear();
    }
    for (Service &v : s.services) {
        v.aliases.clear();
        v.plannedHostId.clear();
        v.bindAddress.clear();
        v.containerPort = 0;
        v.metrics = Metrics();
        v.profiles.clear();
        v.undocumented = false;
        v.origin = SourceLocation();
    }
    s.references.clear();
    s.ruleSettings = RuleSettings();
    return s;
}

// Order of services, ranges and reservations is a normalisation of export.
Schema sorted(Schema s)
{
    std::sort(s.services.begin(), s.services.end(), [](const Service &a, const Service &b) { return a.id < b.id; });
    std::sort(s.ranges.begin(), s.ranges.end(), [](const PortRange &a, const PortRange &b) { return a.id < b.id; });
    std::sort(s.reservations.begin(), s.reservations.end(), [](const Reservation &a, const Reservation &b) {
        return std::tie(a.first, a.last) < std::tie(b.first, b.last);
    });
    return s;
}

// Compares through the native JSON so a failure shows the first differing line.
void compareSchemas(const Schema &actual, const Schema &expected, const char *file, int line)
{
    const QList<QByteArray> a = JsonFormat::serialize(actual).split('\n');
    const QList<QByteArray> e = JsonFormat::serialize(expected).split('\n');
    for (int i = 0; i < std::max(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i)) {
            QByteArray context;
            for (int j = std::max(0, i - 4); j <= i; ++j)
                context += "\n    " + e.value(j);
            QTest::qFail(qPrintable(QStringLiteral("schemas differ at JSON line %1:\n  actual:   %2\n  expected: %3\n  context:%4")
                                        .arg(i + 1)
                                        .arg(QString::fromUtf8(a.value(i)), QString::fromUtf8(e.value(i)),
                                             QString::fromUtf8(context))),
                         file, line);
            return;
        }
    }
}
#define COMPARE_SCHEMAS(actual, expected)                                                                              \
    do {                                                                                                               \
        compareSchemas(actual, expected, __FILE__, __LINE__);                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// A schema with every field the Markdown carries, and awkward text in it.
Schema awkwardSchema()
{
    Schema s;
    s.title = QStringLiteral("Awkward | `Schema` \u00dcn\u00efc\u00f8d\u00e9");
    s.notes = QStringLiteral("Intro with **bold**\n\nsecond paragraph");
    s.principles = {QStringLiteral("First `code` principle"), QStringLiteral("Zweite Regel \u2013 \u00e4\u00f6\u00fc")};
    s.dates = {{QStringLiteral("Originally drafted"), QStringLiteral("2026-01-01")},
               {QStringLiteral("Real ports today"), QStringLiteral("2026-02-02")}};
    s.sections = {{QStringLiteral("Real ports today"), QStringLiteral("Remarks line\n- a list item")},
                  {QStringLiteral("Glossary"), QStringLiteral("Some *text*")},
                  {QStringLiteral("Adding a New Service"), QStringLiteral("1. do it")}};
    auto host = [&s](const QString &name, const QString &address, const QString &notes) {
        s.hosts.append({s.uniqueHostId(name), name, address, {}, notes});
        return s.hosts.last().id;
    };
    const QString h1 = host(QStringLiteral("Host | One"), QStringLiteral("10.0.0.1"), QStringLiteral("rack 4, left"));
    const QString h2 = host(QStringLiteral("Zweiter Host (alt)"), {}, {});
    host(QStringLiteral("empty-host"), {}, QStringLiteral("spare"));
    auto range = [&s](int first, int last, const QString &title, const QString &purpose) {
        s.ranges.append({s.uniqueRangeId(title), first, last, title, purpose, {}, {}});
        return s.ranges.last().id;
    };
    const QString r1 = range(3000, 3099, QStringLiteral("Core `API` | Services"), QStringLiteral("Purpose line one.\nLine two."));
    const QString r2 = range(5000, 5099, QStringLiteral("Frontends"), {});
    const QString r3 = range(5050, 5059, QStringLiteral("Nested"), {});
    range(7000, 7009, QStringLiteral("Empty range"), {});
    s.reservations = {{3080, 3080, r1, QStringLiteral("for growth")},
                      {3085, 3085, r1, QStringLiteral("for growth")},
                      {3090, 3099, r1, {}},
                      {5090, 5099, r2, {}},
                      {6000, 6001, {}, QStringLiteral("unranged hold")}};
    auto service = [&s](const QString &name) {
        Service v;
        v.name = name;
        v.id = s.uniqueServiceId(name);
        s.services.append(v);
        return &s.services.last();
    };
    QString longDescription;
    while (longDescription.size() < 200)
        longDescription += QStringLiteral("pipes | and `ticks`, commas (parens) * stars \u00fc ");
    longDescription = longDescription.left(200).trimmed();

    Service *v = service(QStringLiteral("a|b"));
    v->rangeId = r1;
    v->plannedPort = 3001;
    v->actualPort = 3901;
    v->protocol = Protocol::Udp;
    v->hostId = h1;
    v->status = ServiceStatus::Deployed;
    v->runtime = QStringLiteral("Go");
    v->description = longDescription;
    v->deployment = QStringLiteral("Scheduled Task We|rd");
    v->publicHostname = QStringLiteral("a.example.com");
    v->exposure = Exposure::Public;
    v->notes = QStringLiteral("note, with comma (and parens)");
    const QString aId = v->id;

    v = service(QStringLiteral("`tick`name"));
    v->rangeId = r1;
    v->plannedPort = 3002;
    v->runtime = QStringLiteral("Hono/Bun");
    v->description = QStringLiteral("*(looks like an aside)*");
    v->notes = QStringLiteral("planned note");

    v = service(QStringLiteral("\u00dcn\u00efc\u00f8d\u00e9-svc"));
    v->rangeId = r1;
    v->plannedPort = 3003;
    v->status = ServiceStatus::NotDeployed;
    v->notes = QStringLiteral("not yet (maybe never), really");

    v = service(QStringLiteral("retired-svc"));
    v->rangeId = r1;
    v->plannedPort = 3004;
    v->status = ServiceStatus::Retired;

    v = service(QStringLiteral("web-a"));
    v->rangeId = r2;
    v->plannedPort = 5001;
    v->counterpartId = aId;
    v->description = QStringLiteral("Frontend A");

    v = service(QStringLiteral("web-b"));
    v->rangeId = r2;
    v->plannedPort = 5002;
    v->notes = QStringLiteral("local-first only");

    v = service(QStringLiteral("web-c"));
    v->rangeId = r2;
    v->plannedPort = 5003;
    v->description = QStringLiteral("Hub");

    v = service(QStringLiteral("nested-svc"));
    v->rangeId = r3;
    v->plannedPort = 5051;
    v->description = QStringLiteral("inside the frontends' range on purpose");

    v = service(QStringLiteral("searchy"));
    v->plannedPort = 8080;
    v->exposure = Exposure::Internal;
    v->description = QStringLiteral("internal");

    v = service(QStringLiteral("loose"));
    v->plannedPort = 8500;
    v->description = QStringLiteral("loose one");

    v = service(QStringLiteral("Ollama Thing"));
    v->actualPort = 11434;
    v->hostId = h2;
    v->status = ServiceStatus::Deployed;
    v->runtime = QStringLiteral("Python");
    v->publicHostname = QStringLiteral("o.example");
    v->exposure = Exposure::Public;
    v->notes = QStringLiteral("new, shiny");

    v = service(QStringLiteral("deploy-only"));
    v->actualPort = 9999;
    v->hostId = h1;
    v->status = ServiceStatus::Deployed;
    v->deployment = QStringLiteral("launchd");
    v->runtime = QStringLiteral("Bun/Hono");

    v = service(QStringLiteral("ghost"));
    v->status = ServiceStatus::NotDeployed;
    v->notes = QStringLiteral("gone (for now)");

    service(QStringLiteral("orphan"));
    return s;
}

} // namespace

class tst_MarkdownFormat : public QObject
{
    Q_OBJECT

private slots:
    void shouldBeRegistered();
    void shouldImportTheRealFileWithExactCounts();
    void shouldImportRealServiceFields_data();
    void shouldImportRealServiceFields();
    void shouldImportTheRealFileAsTheBuiltInSample();
    void shouldReportDamagedInput_data();
    void shouldReportDamagedInput();
    void shouldReadCrlfLikeLf();
    void shouldReadATenMegabyteFileQuickly();
    void shouldRoundTrip_data();
    void shouldRoundTrip();
    void shouldExportTheRealFileWithOnlyNormalisations();
    void shouldOmitTheStatusBlockOnRequest();
    void shouldListFindingsOnRequest();
    void shouldImportAndExportThroughTheCommandLine();
    void shouldKeepNoPortOutOfRange();
    void shouldKeepBoldLinesInTheNotes();
    void shouldKeepTablesOfPlainSectionsWhole();
    void shouldCloseAFenceASectionLeavesOpen();
    void shouldEscapeStructureInFreeText();
    void shouldKeepAFenceThatEndsATable();
    void shouldReplayEveryFuzzRegression_data();
    void shouldReplayEveryFuzzRegression();
};

void tst_MarkdownFormat::shouldBeRegistered()
{
    const Format *f = FormatRegistry::instance().format(QStringLiteral("markdown"));
    QVERIFY(f);
    QVERIFY(f->canRead());
    QVERIFY(f->canWrite());
    QVERIFY(f->fileFilter().contains(QLatin1String("*.md")));
}

void tst_MarkdownFormat::shouldImportTheRealFileWithExactCounts()
{
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(realBytes(), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QVERIFY(result->warnings.isEmpty());
    const Schema &s = result->schema;
    QCOMPARE(s.title, QStringLiteral("Port Schema"));
    QCOMPARE(s.hosts.size(), 2);
    QCOMPARE(s.hosts.at(0).id, QStringLiteral("windows-gpu-server"));
    QCOMPARE(s.hosts.at(0).address, QStringLiteral("192.168.178.11"));
    QCOMPARE(s.hosts.at(1).id, QStringLiteral("mac-mini"));
    QCOMPARE(s.hosts.at(1).notes, QStringLiteral("production"));
    QCOMPARE(s.ranges.size(), 10);
    QCOMPARE(s.reservations.size(), 6);
    QCOMPARE(s.services.size(), 73);
    QCOMPARE(s.principles.size(), 4);
    QCOMPARE(s.dates.value(QStringLiteral("Real ports today")), QStringLiteral("2026-04-08"));
    QCOMPARE(s.dates.value(QStringLiteral("Originally drafted")), QStringLiteral("2026-03-28"));

    QVERIFY(s.reservationAt(3007));
    QCOMPARE(s.reservationAt(3007)->first, 3006);
    QCOMPARE(s.reservationAt(3007)->last, 3009);
    QVERIFY(s.reservationAt(3017) && s.reservationAt(3019) && !s.reservationAt(3018));
    const PortRange *frontends = s.range(QStringLiteral("web-frontends-sveltekit"));
    const PortRange *playground = s.range(QStringLiteral("playground-dev-tools"));
    QVERIFY(frontends && playground);
    QCOMPARE(frontends->label(), QStringLiteral("5000-5059"));
    QCOMPARE(playground->label(), QStringLiteral("5050-5059"));
    QCOMPARE(s.range(QStringLiteral("app-compute-servers"))->purpose,
             QStringLiteral("Only apps that need server-side compute (AI, external APIs, file operations).\n"
                            "Pure CRUD apps use mana-sync directly."));
    // Unknown sections are kept, the status block's prose too.
    QStringList titles;
    for (const NoteSection &n : s.sections)
        titles.append(n.title);
    QCOMPARE(titles, (QStringList{QStringLiteral("Real ports today"), QStringLiteral("SearXNG (Internal Only)"),
                                  QStringLiteral("Adding a New Service")}));
    QVERIFY(s.sections.at(0).text.startsWith(QLatin1String("No production port collisions exist today.")));
    QVERIFY(s.notes.startsWith(QStringLiteral("\u26a0\ufe0f **PARTIALLY ASPIRATIONAL.**")));
}

void tst_MarkdownFormat::shouldImportRealServiceFields_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("range");
    QTest::addColumn<int>("planned");
    QTest::addColumn<int>("actual");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("deployment");
    QTest::addColumn<QString>("publicHostname");
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("counterpart");

    QTest::newRow("planned and real differ") << "mana-credits" << "core-platform-services" << 3002 << 3061 << "mac-mini"
                                             << "deployed" << "" << "" << "Go" << "" << "";
    QTest::newRow("scheduled task, public") << "mana-stt" << "ai-ml-services" << 3021 << 3020 << "windows-gpu-server"
                                            << "deployed" << "Scheduled Task ManaSTT" << "gpu-stt.mana.how" << "Python"
                                            << "" << "";
    QTest::newRow("wrapped note") << "mana-search" << "core-infrastructure-services" << 3012 << 3021 << "mac-mini"
                                  << "deployed" << "" << "" << "Go"
                                  << "overlaps with the planned range slot, not a host collision since search runs on "
                                     "Mac Mini and stt runs on the GPU box"
                                  << "";
    QTest::newRow("real port only, many per bullet") << "mana-research" << "" << 0 << 3068 << "mac-mini" << "deployed"
                                                     << "" << "research.mana.how" << "Bun/Hono" << "new 2026-04-17" << "";
    QTest::newRow("real port only, no details") << "mana-events" << "" << 0 << 3065 << "mac-mini" << "deployed" << ""
                                                << "" << "" << "" << "";
    QTest::newRow("Ollama") << "ollama" << "" << 0 << 11434 << "windows-gpu-server" << "deployed" << ""
                            << "gpu-ollama.mana.how" << "" << "" << "";
    QTest::newRow("not deployed") << "mana-voice-bot" << "ai-ml-services" << 3024 << 0 << "" << "not-deployed" << ""
                                  << "" << "Python"
                                  << "default port 3024, no scheduled task, no cloudflared route, no launchd plist"
                                  << "";
    QTest::newRow("planned only") << "mana-geocoding" << "core-infrastructure-services" << 3018 << 0 << "" << "planned"
                                  << "" << "" << "Hono/Bun" << "" << "";
    QTest::newRow("frontend with backend") << "chat-web" << "web-frontends-sveltekit" << 5010 << 0 << "" << "planned"
                                           << "" << "" << "" << "" << "chat-server";
    QTest::newRow("frontend aside") << "photos-web" << "web-frontends-sveltekit" << 5019 << 0 << "" << "planned" << ""
                                    << "" << "" << "local-first + mana-media" << "";
    QTest::newRow("name with parentheses") << "minio-s3-api" << "infrastructure-exporters" << 9000 << 0 << "" << "planned"
                                           << "" << "" << "" << "" << "";
    QTest::newRow("section without a range") << "searxng" << "" << 8080 << 0 << "" << "planned" << "" << "" << ""
                                             << "" << "";
}

void tst_MarkdownFormat::shouldImportRealServiceFields()
{
    QFETCH(QString, id);
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(realBytes(), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    const Service *s = result->schema.service(id);
    QVERIFY2(s, qPrintable(id));
    QTEST(s->rangeId, "range");
    QTEST(s->plannedPort, "planned");
    QTEST(s->actualPort, "actual");
    QTEST(s->hostId, "host");
    QTEST(statusToString(s->status), "status");
    QTEST(s->deployment, "deployment");
    QTEST(s->publicHostname, "publicHostname");
    QTEST(s->runtime, "runtime");
    QTEST(s->notes, "notes");
    QTEST(s->counterpartId, "counterpart");
    QFETCH(QString, publicHostname);
    QCOMPARE(s->exposure == Exposure::Public, !publicHostname.isEmpty());
}

void tst_MarkdownFormat::shouldImportTheRealFileAsTheBuiltInSample()
{
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(realBytes(), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    COMPARE_SCHEMAS(result->schema, markdownCarried(builtInSample()));
}

void tst_MarkdownFormat::shouldReportDamagedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<int>("line");   // of the error, or of the first warning
    QTest::addColumn<int>("column"); // 0: not checked
    QTest::addColumn<QString>("fragment");

    const QByteArray head = "# T\n\n## 3000-3009: Core\n\n| Port | Service | Runtime | Description |\n"
                            "|------|---------|---------|-------------|\n";
    const QByteArray status = "# T\n\n> ### Real ports today\n>\n> **Host:**\n";

    // Tolerant, like GitHub's tables: missing cells are empty, with a warning.
    QTest::newRow("table row with a missing cell") << head + "| 3001 | a | Go |\n" << false << 7 << 0 << "missing cells";
    // A cell that is not a port: a warning at the cell, the row kept without a port.
    QTest::newRow("port 30x1") << head + "| 30x1 | a | Go | d |\n" << false << 7 << 3 << "30x1";
    QTest::newRow("port above 65535") << head + "| 70000 | a | Go | d |\n" << false << 7 << 3 << "70000";
    QTest::newRow("range ends before it starts")
        << QByteArray("# T\n\n## 3010-3000\n\n| Port | Service |\n|---|---|\n| 3005 | a |\n") << false << 3 << 4
        << "ends before it, at 3000; the section is read without a range";
    QTest::newRow("reserved span backwards") << head + "| 3009-3006 | *(reserved)* | | |\n" << true << 7 << 3
                                             << "3009-3006";
    QTest::newRow("row without a service name") << head + "| 3001 |  | Go | d |\n" << true << 7 << 0 << "no service name";
    // Not the layout: read as general port documentation, saying so at the table.
    QTest::newRow("range table without Service column")
        << QByteArray("# T\n\n## 3000-3009: Core\n\n| Port | What |\n|---|---|\n| 3001 | a |\n") << false << 5 << 1
        << "Service";
    QTest::newRow("bullet with no port") << status + "> - mana-x\n" << true << 6 << 5 << "mana-x";
    QTest::newRow("bullet with a bad port") << status + "> - mana-x `30x1`\n" << true << 6 << 12 << "30x1";
    QTest::newRow("wrapped bullet, unclosed parenthesis") << status + "> - mana-x `3001` (first\n>   second\n" << true
                                                          << 6 << 19 << "parenthesis";
    QTest::newRow("bullet with trailing text") << status + "> - a `1` b `2`\n" << true << 6 << 11 << "commas";
    QTest::newRow("binary junk") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << true << 3 << 1 << "binary";
    QTest::newRow("not UTF-8") << QByteArray("# T\n\nabc \xff\xfe\n") << true << 3 << 5 << "UTF-8";
    QTest::newRow("unknown column") << QByteArray("# T\n\n## 3000-3009: Core\n\n| Port | Service | Owner |\n|---|---|---|\n"
                                                  "| 3001 | a | Ann |\n")
                                    << false << 5 << 0 << "Owner";
    QTest::newRow("backend that does not exist")
        << QByteArray("# T\n\n## 5000-5009: Web\n\n| Port | Service | Corresponds to Server |\n|---|---|---|\n"
                      "| 5000 | web | 3030 nothing |\n")
        << false << 7 << 16 << "nothing";
    QTest::newRow("empty file") << QByteArray() << true << 1 << 1 << "empty";
}

void tst_MarkdownFormat::shouldReportDamagedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, fails);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);

    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(input, &error, QStringLiteral("damaged.md"));
    if (fails) {
        QVERIFY2(!result, "the input was accepted");
        QCOMPARE(error.file, QStringLiteral("damaged.md"));
        QCOMPARE(error.line, line);
        if (column)
            QCOMPARE(error.column, column);
        QVERIFY2(error.message.contains(fragment, Qt::CaseInsensitive), qPrintable(error.message));
        QVERIFY(error.toString().startsWith(QStringLiteral("damaged.md:%1").arg(line)));
        return;
    }
    QVERIFY2(result, qPrintable(error.toString()));
    if (line == 0) {
        QVERIFY(result->warnings.isEmpty());
        return;
    }
    QVERIFY(!result->warnings.isEmpty());
    const Diagnostic &w = result->warnings.first();
    QCOMPARE(w.line, line);
    if (column)
        QCOMPARE(w.column, column);
    QVERIFY2(w.message.contains(fragment, Qt::CaseInsensitive), qPrintable(w.message));
    // Nothing is dropped: the row is there.
    QCOMPARE(result->schema.services.size(), 1);
}

void tst_MarkdownFormat::shouldReadCrlfLikeLf()
{
    QByteArray crlf = realBytes();
    crlf.replace("\n", "\r\n");
    ParseError error;
    const std::optional<ReadResult> lf = importMarkdown(realBytes(), &error);
    const std::optional<ReadResult> windows = importMarkdown(crlf, &error);
    QVERIFY2(lf && windows, qPrintable(error.toString()));
    COMPARE_SCHEMAS(windows->schema, lf->schema);
}

void tst_MarkdownFormat::shouldReadATenMegabyteFileQuickly()
{
    QByteArray big = "# Big\n\n## 1-65535: Everything\n\n| Port | Service | Description |\n|---|---|---|\n";
    int rows = 0;
    while (big.size() < 10 * 1024 * 1024) {
        big += "| " + QByteArray::number(rows % 65535 + 1) + " | service-" + QByteArray::number(rows)
            + " | a description long enough to fill the file |\n";
        ++rows;
    }
    QElapsedTimer timer;
    timer.start();
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(big, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.services.size(), rows);
    QCOMPARE(result->schema.services.last().name, QStringLiteral("service-%1").arg(rows - 1));
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
}

void tst_MarkdownFormat::shouldRoundTrip_data()
{
    QTest::addColumn<Schema>("schema");
    QTest::addColumn<bool>("ordered"); // false: order of services, ranges, reservations is normalised
    QTest::newRow("built-in sample") << markdownCarried(builtInSample()) << true;
    QTest::newRow("awkward names, every carried field") << awkwardSchema() << false;
    Schema minimal;
    minimal.title = QStringLiteral("Minimal");
    QTest::newRow("minimal") << minimal << true;

    // Notes are written into the status block: lines that read as a host, an
    // inactive list or the status heading there stay notes.
    Schema legend;
    legend.title = QStringLiteral("Legend");
    legend.notes = QStringLiteral("**Legend:**\n\n- 🔒 **LAN-Only** - Must never be exposed\n\n"
                                  "**Not deployed:** nothing yet.\n### Real ports today\n\\### Real ports today (x)");
    QTest::newRow("status-like notes, no status") << legend << true;
    Schema legendWithStatus = legend;
    legendWithStatus.hosts.append({QStringLiteral("mini"), QStringLiteral("Mini"), {}, {}, {}});
    Service web;
    web.id = QStringLiteral("web");
    web.name = QStringLiteral("web");
    web.hostId = QStringLiteral("mini");
    web.actualPort = 3000;
    web.status = ServiceStatus::Deployed;
    legendWithStatus.services.append(web);
    QTest::newRow("status-like notes and a status") << legendWithStatus << true;
}

void tst_MarkdownFormat::shouldRoundTrip()
{
    QFETCH(Schema, schema);
    QFETCH(bool, ordered);
    const QByteArray markdown = exportMarkdown(schema);
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(markdown, &error);
    QVERIFY2(result, qPrintable(error.toString() + QLatin1Char('\n') + QString::fromUtf8(markdown)));
    for (const Diagnostic &w : result->warnings)
        QFAIL(qPrintable(w.toString()));
    if (ordered)
        COMPARE_SCHEMAS(result->schema, schema);
    else
        COMPARE_SCHEMAS(sorted(result->schema), sorted(schema));
    // A second pass changes nothing at all.
    QCOMPARE(exportMarkdown(result->schema), markdown);
}

void tst_MarkdownFormat::shouldExportTheRealFileWithOnlyNormalisations()
{
    // The export of the imported real file differs from the original only in
    // these normalisations:
    //  - a status bullet lists one service (the original lists six in one);
    //  - wrapped bullets and the "Not deployed" paragraph are one line each;
    //  - code spans inside notes become plain text ("default port `3024`"
    //    becomes "default port 3024"), since notes are plain text;
    //  - a table's delimiter row is as wide as its header cells.
    // Besides: services are written in port order (reserved rows last, one
    // row per note), status bullets by real port, note sections after the
    // ranges; the real file already follows that order.
    ParseError error;
    const std::optional<ReadResult> imported = importMarkdown(realBytes(), &error);
    QVERIFY2(imported, qPrintable(error.toString()));
    const QByteArray exported = exportMarkdown(imported->schema);

    QList<QByteArray> removed = realBytes().split('\n');
    QList<QByteArray> added;
    for (const QByteArray &line : exported.split('\n')) {
        if (!removed.removeOne(line))
            added.append(line);
    }
    const QList<QByteArray> expectedRemoved = {
        "> - mana-search `3021` (overlaps with the planned range slot, not a host",
        ">   collision since search runs on Mac Mini and stt runs on the GPU box)",
        "> - mana-credits `3061`, mana-user `3062`, mana-subscriptions `3063`,",
        ">   mana-analytics `3064`, mana-events `3065`, mana-research `3068`",
        ">   (new 2026-04-17, Bun/Hono, public: `research.mana.how`)",
        "> **Not deployed:** `mana-voice-bot` (default port `3024`, no scheduled",
        "> task, no cloudflared route, no launchd plist).",
        "|------|---------|----------------------|",
    };
    const QList<QByteArray> expectedAdded = {
        "> - mana-search `3021` (overlaps with the planned range slot, not a host collision since search runs on Mac "
        "Mini and stt runs on the GPU box)",
        "> - mana-credits `3061`",
        "> - mana-user `3062`",
        "> - mana-subscriptions `3063`",
        "> - mana-analytics `3064`",
        "> - mana-events `3065`",
        "> - mana-research `3068` (new 2026-04-17, Bun/Hono, public: `research.mana.how`)",
        "> **Not deployed:** `mana-voice-bot` (default port 3024, no scheduled task, no cloudflared route, no launchd "
        "plist).",
        "|------|---------|-----------------------|",
    };
    QCOMPARE(removed, expectedRemoved);
    QCOMPARE(added, expectedAdded);

    const std::optional<ReadResult> again = importMarkdown(exported, &error);
    QVERIFY2(again, qPrintable(error.toString()));
    COMPARE_SCHEMAS(again->schema, imported->schema);
}

void tst_MarkdownFormat::shouldOmitTheStatusBlockOnRequest()
{
    const Schema sample = builtInSample();
    const QString withStatus = QString::fromUtf8(exportMarkdown(sample));
    QVERIFY(withStatus.contains(QLatin1String("> ### Real ports today (2026-04-08)")));
    QVERIFY(withStatus.contains(QLatin1String("> - mana-stt `3020` (Scheduled Task `ManaSTT`, public: `gpu-stt.mana.how`)")));

    for (const QVariant &off : {QVariant(false), QVariant(QStringLiteral("false"))}) {
        const QString without = QString::fromUtf8(exportMarkdown(sample, {{QStringLiteral("status"), off}}));
        QVERIFY(!without.contains(QLatin1String("Real ports today")));
        QVERIFY(!without.contains(QLatin1String("mana-stt `3020`")));
        QVERIFY(!without.contains(QLatin1String("Not deployed")));
        QVERIFY(without.contains(QLatin1String("| 3021 | mana-stt | Python | Speech-to-Text (Whisper) |")));
        QVERIFY(without.contains(QLatin1String("PARTIALLY ASPIRATIONAL")));
    }
}

void tst_MarkdownFormat::shouldListFindingsOnRequest()
{
    const Schema sample = builtInSample();
    QVERIFY(!exportMarkdown(sample).contains("Known problems"));
    const QString text = QString::fromUtf8(exportMarkdown(sample, {{QStringLiteral("findings"), true}}));
    const qsizetype section = text.indexOf(QLatin1String("\n## Known problems\n"));
    QVERIFY(section > 0);
    const QString problems = text.mid(section);
    QVERIFY(problems.contains(QLatin1String("`drift`")));
    QVERIFY(problems.contains(QLatin1String("mana-credits")));
    int listed = 0;
    for (const QString &line : problems.split(QLatin1Char('\n')))
        listed += line.startsWith(QLatin1String("- **")) ? 1 : 0;
    QCOMPARE(listed, Analyzer::analyze(sample).size());

    // On import the generated section is skipped with a warning, not kept.
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(text.toUtf8(), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->warnings.size(), 1);
    QVERIFY(result->warnings.first().message.contains(QLatin1String("Known problems")));
    COMPARE_SCHEMAS(result->schema, markdownCarried(sample));
}

void tst_MarkdownFormat::shouldImportAndExportThroughTheCommandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto run = [](const QStringList &arguments, QByteArray *err) {
        QProcess p;
        p.start(QStringLiteral(PORTOLAN_BINARY), arguments);
        if (!p.waitForFinished(30000))
            return -1;
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray err;
    const QString json = dir.filePath(QStringLiteral("plan.portolan.json"));
    QCOMPARE(run({QStringLiteral("import"), realFile, QStringLiteral("--from"), QStringLiteral("markdown"),
                  QStringLiteral("-o"), json},
                 &err),
             0);
    ParseError error;
    const std::optional<Schema> saved = loadSchemaFile(json, &error);
    QVERIFY2(saved, qPrintable(error.toString()));
    QCOMPARE(saved->services.size(), 73);

    const QString md = dir.filePath(QStringLiteral("PORT_SCHEMA.md"));
    QCOMPARE(run({QStringLiteral("export"), json, QStringLiteral("--to"), QStringLiteral("markdown"),
                  QStringLiteral("-o"), md},
                 &err),
             0);
    QFile exported(md);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.readAll().startsWith("# Port Schema\n\n> "));

    const QString bad = dir.filePath(QStringLiteral("bad.md"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write("# T\n\n> ### Real ports today\n>\n> **Host:**\n> - mana-x `30x1`\n");
    badFile.close();
    QCOMPARE(run({QStringLiteral("import"), bad, QStringLiteral("--from"), QStringLiteral("markdown"),
                  QStringLiteral("-o"), dir.filePath(QStringLiteral("out.json"))},
                 &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("%1:6:12:").arg(bad).toUtf8()), err.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.json"))));
}

QTEST_GUILESS_MAIN(tst_MarkdownFormat)
// Found by fuzz_markdown: a layout table's cell "95127" was warned about
// and kept as the service's port, so the plan did not open again.
void tst_MarkdownFormat::shouldKeepNoPortOutOfRange()
{
    QFile file(QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions/markdown-port-out-of-range.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    FormatOptions options;
    options.fileName = QStringLiteral("markdown-port-out-of-range.md");
    ParseError error;
    const std::optional<ReadResult> result = MarkdownFormat().read(file.readAll(), options, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.services.size(), 2);
    QCOMPARE(result->schema.services.at(0).name, QStringLiteral("homepage"));
    QCOMPARE(result->schema.services.at(0).plannedPort, 0);
    QCOMPARE(result->schema.services.at(1).plannedPort, 3000);
    QVERIFY(std::any_of(result->warnings.cbegin(), result->warnings.cend(), [](const Diagnostic &d) {
        return d.line == 11 && d.column == 3 && d.message.contains(QLatin1String("\"95127\" is not a port"));
    }));
    ParseError reopen;
    QVERIFY2(JsonFormat::parse(JsonFormat::serialize(result->schema), QString(), &reopen), qPrintable(reopen.toString()));
}

// Found by fuzz_markdown: "**Legend:**" and its list before the status block
// joined the notes, were exported into the status block and read back as a
// host whose services have no port.
void tst_MarkdownFormat::shouldKeepBoldLinesInTheNotes()
{
    QFile file(QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions/markdown-legend-in-notes.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(file.readAll(), &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.notes,
             QStringLiteral("**Legend:**\n\n- 🔒 **LAN-Only** - Must never be exposed to the internet\n"
                            "- 🌐 **Public** - Reached through the tunnel"));
    QCOMPARE(result->schema.hosts.size(), 1);
    QCOMPARE(result->schema.services.size(), 1);
    const QByteArray markdown = exportMarkdown(result->schema);
    const std::optional<ReadResult> again = importMarkdown(markdown, &error);
    QVERIFY2(again, qPrintable(error.toString() + QLatin1Char('\n') + QString::fromUtf8(markdown)));
    COMPARE_SCHEMAS(again->schema, result->schema);
}

// A table in a section that is no range stays in the section's text with
// its delimiter row; a service table there that cannot be read (a row
// without a name) stays text too, with the reason as a warning.
void tst_MarkdownFormat::shouldKeepTablesOfPlainSectionsWhole()
{
    const QByteArray doc("# T\n\n## 3000-3009: Core\n\n| Port | Service |\n|---|---|\n| 3001 | a |\n\n"
                         "## Notes\n\nSome text.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                         "| Port | Service |\n|:--|--:|\n| 3005 | b |\n|  3006 |  |\n");
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(doc, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.services.size(), 1);
    QCOMPARE(result->schema.sections.size(), 1);
    QCOMPARE(result->schema.sections.first().text,
             QStringLiteral("Some text.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                            "| Port | Service |\n|:--|--:|\n| 3005 | b |\n|  3006 |  |"));
    QVERIFY(std::any_of(result->warnings.cbegin(), result->warnings.cend(), [](const Diagnostic &d) {
        return d.line == 20 && d.column == 12
            && d.message == QLatin1String("The row has no service name. The table is kept in the section's text, "
                                          "not read as services.");
    }));
    const std::optional<ReadResult> again = importMarkdown(exportMarkdown(result->schema), &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(again->schema.sections, result->schema.sections);
    QCOMPARE(again->schema.services.size(), 1);
}

// A plan "T" with a section of the given text, a section "After" and the
// range 3000-3009 "Core" with the given purpose.
static Schema sectionsAndRange(const QString &title, const QString &text, const QString &purpose)
{
    Schema schema;
    schema.title = QStringLiteral("T");
    schema.sections.append({title, text});
    schema.sections.append({QStringLiteral("After"), QStringLiteral("Text.")});
    PortRange range;
    range.id = QStringLiteral("core");
    range.title = QStringLiteral("Core");
    range.first = 3000;
    range.last = 3009;
    range.purpose = purpose;
    schema.ranges.append(range);
    return schema;
}

// A section's text whose code fence is never closed (the file it came from
// closed it only after later headings) is written with the fence closed, so
// it cannot swallow the sections written after it.
void tst_MarkdownFormat::shouldCloseAFenceASectionLeavesOpen()
{
    const Schema schema = sectionsAndRange(QStringLiteral("Firewall"), QStringLiteral("Rules:\n\n````bash\nufw allow 22"),
                                           QStringLiteral("~~~\nopen"));
    const QByteArray markdown = exportMarkdown(schema);
    QVERIFY2(markdown.contains("ufw allow 22\n````\n\n## After"), markdown.constData());
    QVERIFY2(markdown.contains("open\n~~~\n\n"), markdown.constData());
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(markdown, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QCOMPARE(result->schema.sections.size(), 2);
    QCOMPARE(result->schema.sections.at(0).text, QStringLiteral("Rules:\n\n````bash\nufw allow 22\n````"));
    QCOMPARE(result->schema.sections.at(1).title, QStringLiteral("After"));
    QCOMPARE(result->schema.ranges.size(), 1);
    QCOMPARE(result->schema.ranges.first().purpose, QStringLiteral("~~~\nopen\n~~~"));
}

// What reads as structure in a section's or a range's text (a "## " line
// outside a fence; in a range's text also a table) is written escaped with a
// backslash and read back as it was, so the text neither starts sections nor
// adds services when the export is read again.
void tst_MarkdownFormat::shouldEscapeStructureInFreeText()
{
    const QString sectionText = QStringLiteral("Some text.\n\n## 5000-5059: Web\n\n| Port | Service |\n|------|------|\n"
                                               "| 5000 | |\n\n  \\## Escaped already\n##\n```\n## in a fence\n```");
    const QString purpose = QStringLiteral("Purpose.\n## 6000-6010: X\n| Port | Service |\n|-|-|\n| 6000 | |\n\\|-|-|");
    const Schema schema = sectionsAndRange(QStringLiteral("Notes"), sectionText, purpose);
    const QByteArray markdown = exportMarkdown(schema);
    QVERIFY2(markdown.contains("\n\\## 5000-5059: Web\n"), markdown.constData());
    QVERIFY2(markdown.contains("\n  \\\\## Escaped already\n\\##\n```\n## in a fence\n```"), markdown.constData());
    QVERIFY2(markdown.contains("Purpose.\n\\## 6000-6010: X\n| Port | Service |\n\\|-|-|\n| 6000 | |\n\\\\|-|-|"),
             markdown.constData());
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(markdown, &error);
    QVERIFY2(result, qPrintable(error.toString() + QLatin1Char('\n') + QString::fromUtf8(markdown)));
    QCOMPARE(result->schema.sections.size(), 2);
    QCOMPARE(result->schema.sections.at(0).text, sectionText);
    QCOMPARE(result->schema.sections.at(1).title, QStringLiteral("After"));
    QCOMPARE(result->schema.ranges.size(), 1);
    QCOMPARE(result->schema.ranges.first().purpose, purpose);
    QVERIFY(result->schema.services.isEmpty());
}

// A table row that starts with a backtick run opens a fence for the section
// split; it stays in the section's text, so the fence is written again
// (and closed at the text's end).
void tst_MarkdownFormat::shouldKeepAFenceThatEndsATable()
{
    const QByteArray doc("# T\n\n## Notes\n\n| A | B |\n|---|---|\n| 1 | 2 |\n```| `3` | x |\n"
                         "## 4000-4009: Not a range\n\n| Port | Service |\n|---|---|\n| 4000 | |\n");
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(doc, &error);
    QVERIFY2(result, qPrintable(error.toString()));
    QVERIFY(result->schema.ranges.isEmpty());
    QCOMPARE(result->schema.sections.size(), 1);
    QCOMPARE(result->schema.sections.first().text,
             QStringLiteral("| A | B |\n|---|---|\n| 1 | 2 |\n```| `3` | x |\n"
                            "## 4000-4009: Not a range\n\n| Port | Service |\n|---|---|\n| 4000 | |"));
    const std::optional<ReadResult> again = importMarkdown(exportMarkdown(result->schema), &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(again->schema.sections.size(), 1);
    QCOMPARE(again->schema.sections.first().text, result->schema.sections.first().text + QStringLiteral("\n```"));
    QVERIFY(again->schema.ranges.isEmpty());
}

// Every Markdown input fuzz_markdown ever stopped at, checked as the fuzz
// target checks it: read (or refused with a message), saved as a plan that
// opens again and saves to the same bytes, exported as Markdown that reads.
void tst_MarkdownFormat::shouldReplayEveryFuzzRegression_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir dir(QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/fuzz-regressions"));
    const QStringList files = dir.entryList({QStringLiteral("markdown-*.md")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void tst_MarkdownFormat::shouldReplayEveryFuzzRegression()
{
    QFETCH(QString, fileName);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParseError error;
    const std::optional<ReadResult> result = importMarkdown(file.readAll(), &error);
    if (!result) {
        QVERIFY(!error.message.isEmpty());
        return;
    }
    const QByteArray saved = JsonFormat::serialize(result->schema);
    const std::optional<Schema> opened = JsonFormat::parse(saved, QStringLiteral("saved.portolan.json"), &error);
    QVERIFY2(opened, qPrintable(error.toString()));
    QCOMPARE(JsonFormat::serialize(*opened), saved);
    const QByteArray markdown = exportMarkdown(result->schema);
    QVERIFY2(importMarkdown(markdown, &error), qPrintable(error.toString()));
}

#include "tst_markdownformat.moc"
