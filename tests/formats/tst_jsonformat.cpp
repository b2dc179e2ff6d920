#include "jsonformat.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Portolan;

class tst_JsonFormat : public QObject
{
    Q_OBJECT

private slots:
    void shouldRoundTripTheSample();
    void shouldNameUtf16_data();
    void shouldNameUtf16();
    void shouldRoundTripEveryField();
    void shouldWriteKeysInStableOrder();
    void shouldEscapeStringsAsQJsonDocumentDoes_data();
    void shouldEscapeStringsAsQJsonDocumentDoes();
    void shouldKeepAByteOrderMarkStartingAText();
    void shouldRejectMalformedInput_data();
    void shouldRejectMalformedInput();
    void shouldPointAtTheValueThatIsWrong_data();
    void shouldPointAtTheValueThatIsWrong();
    void aFleetShouldReportItsFirstErrorInFileOrder_data();
    void aFleetShouldReportItsFirstErrorInFileOrder();
    void shouldReportMissingAndBinaryFiles();
    void shouldSaveAtomically();
    void shippedJsonSchemaShouldDescribeEveryKeyWritten();
};

static Schema everyField()
{
    Schema s;
    s.title = QStringLiteral("Everything «set»");
    s.principles = {QStringLiteral("One"), QStringLiteral("Two | with pipe")};
    s.notes = QStringLiteral("Notes\nover lines");
    s.sections = {NoteSection{QStringLiteral("Extra"), QStringLiteral("Some `text`")}};
    s.dates.insert(QStringLiteral("Originally drafted"), QStringLiteral("2026-03-28"));
    s.hosts = {Host{QStringLiteral("h1"), QStringLiteral("Host 1"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("docker-compose"), QStringLiteral("note")},
               Host{QStringLiteral("h2"), QStringLiteral("Host 2"), {}, {}, {}}};
    PortRange outer;
    outer.id = QStringLiteral("outer");
    outer.first = 5000;
    outer.last = 5099;
    outer.title = QStringLiteral("Outer");
    outer.purpose = QStringLiteral("Purpose");
    outer.colour = QColor(0x12, 0x34, 0x56);
    PortRange inner = outer;
    inner.id = QStringLiteral("inner");
    inner.first = 5050;
    inner.last = 5059;
    inner.parentId = QStringLiteral("outer");
    inner.colour = QColor();
    s.ranges = {outer, inner};
    s.reservations = {Reservation{5030, 5049, QStringLiteral("outer"), QStringLiteral("later")}};
    Service a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("Ä service");
    a.aliases = {QStringLiteral("svc-a"), QStringLiteral("container-a")};
    a.rangeId = QStringLiteral("outer");
    a.plannedPort = 5001;
    a.actualPort = 5002;
    a.hostId = QStringLiteral("h1");
    a.plannedHostId = QStringLiteral("h2");
    a.protocol = Protocol::Udp;
    a.bindAddress = QStringLiteral("127.0.0.1");
    a.containerPort = 80;
    a.runtime = QStringLiteral("Go");
    a.description = QStringLiteral("A description");
    a.status = ServiceStatus::Deployed;
    a.exposure = Exposure::Public;
    a.publicHostname = QStringLiteral("a.example.org");
    a.deployment = QStringLiteral("Scheduled Task A");
    a.metrics = Metrics{true, QStringLiteral("/metrics"), QStringLiteral("30s"), 9100, QStringLiteral("job-a"),
                        SourceLocation{QStringLiteral("prometheus.yml"), 12, 7}};
    a.counterpartId = QStringLiteral("b");
    a.notes = QStringLiteral("notes");
    a.profiles = {QStringLiteral("gpu")};
    a.undocumented = true;
    a.origin = SourceLocation{QStringLiteral("compose.yml"), 40, 5};
    Service b = Test::service(QStringLiteral("b"), 3001);
    b.status = ServiceStatus::Retired;
    b.exposure = Exposure::Internal;
    s.services = {a, b};
    s.references = {Reference{QStringLiteral("a"), QStringLiteral("b"), 3001, true, QStringLiteral("environment"),
                              QStringLiteral("http://b:3001"), SourceLocation{QStringLiteral("compose.yml"), 44, 9}}};
    s.ruleSettings.rangeFullPercent = 70;
    s.ruleSettings.rules.insert(QStringLiteral("drift"), RuleSetting{false, false, Severity::Warning});
    s.ruleSettings.rules.insert(QStringLiteral("unranged"), RuleSetting{true, true, Severity::Error});
    return s;
}

void tst_JsonFormat::shouldRoundTripTheSample()
{
    const Schema sample = builtInSample();
    QVERIFY(!sample.services.isEmpty());
    const QByteArray bytes = JsonFormat::serialize(sample);
    ParseError error;
    const std::optional<Schema> back = JsonFormat::parse(bytes, QStringLiteral("x"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(*back, sample);
    QCOMPARE(JsonFormat::serialize(*back), bytes);
}

void tst_JsonFormat::shouldRoundTripEveryField()
{
    const Schema s = everyField();
    ParseError error;
    const std::optional<Schema> back = JsonFormat::parse(JsonFormat::serialize(s), QStringLiteral("x"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->services.at(0), s.services.at(0));
    QCOMPARE(back->services.at(1), s.services.at(1));
    QCOMPARE(back->ranges, s.ranges);
    QCOMPARE(back->references, s.references);
    QCOMPARE(back->ruleSettings, s.ruleSettings);
    QCOMPARE(*back, s);
}

void tst_JsonFormat::shouldWriteKeysInStableOrder()
{
    const QByteArray bytes = JsonFormat::serialize(everyField());
    QVERIFY(bytes.startsWith("{\n  \"format\": 1,\n"));
    // One service object per block; id and name lead it.
    const qsizetype services = bytes.indexOf("\"services\": [");
    QVERIFY(services > 0);
    QVERIFY(bytes.indexOf("\"id\": \"a\"", services) < bytes.indexOf("\"name\": \"Ä service\"", services));
    QVERIFY(bytes.indexOf("\"name\": \"Ä service\"", services) < bytes.indexOf("\"plannedPort\": 5001", services));
    QCOMPARE(JsonFormat::serialize(everyField()), bytes);
}

void tst_JsonFormat::shouldEscapeStringsAsQJsonDocumentDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("mana-auth");
    QTest::newRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ there");
    QTest::newRow("named escapes") << QStringLiteral("a\tb\nc\rd\be\ff");
    QTest::newRow("control characters") << QString::fromUtf16(u"\u0001\u001f\u007f");
    QTest::newRow("non-ASCII") << QString::fromUtf16(u"Geprüft am: 漢字 \u2028");
    QTest::newRow("outside the BMP") << QString::fromUtf16(u"emoji \U0001F600 end");
    QTest::newRow("slash and markup") << QStringLiteral("</script> & 'x'");
}

void tst_JsonFormat::shouldEscapeStringsAsQJsonDocumentDoes()
{
    QFETCH(QString, text);
    Schema schema;
    schema.title = text;
    Service s;
    s.id = QStringLiteral("svc");
    s.name = text;
    s.aliases = {text};
    schema.services.append(s);
    const QByteArray bytes = JsonFormat::serialize(schema);
    QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    quoted = quoted.mid(1, quoted.size() - 2);
    QVERIFY2(bytes.contains("\"title\": " + quoted + ",\n"), bytes.constData());
    QVERIFY2(bytes.contains("\"name\": " + quoted + ",\n"), bytes.constData());
    QVERIFY2(bytes.contains("\"aliases\": [" + quoted + "]"), bytes.constData());
    ParseError error;
    const std::optional<Schema> back = JsonFormat::parse(bytes, QStringLiteral("x"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->title, text);
    QCOMPARE(back->services.first().name, text);
}

// QJsonDocument writes U+FEFF raw and drops it again when it starts a
// string; the plan writes it escaped, so any JSON reader keeps it.
void tst_JsonFormat::shouldKeepAByteOrderMarkStartingAText()
{
    // (QString::fromUtf16 would drop the first one as a byte order mark.)
    const QString text = QChar(0xFEFF) + QString::fromUtf16(u"9 \u2192 monitoring \uFEFF");
    Schema schema;
    schema.title = text;
    Service s;
    s.id = QStringLiteral("svc");
    s.name = QStringLiteral("svc");
    s.description = text;
    schema.services.append(s);
    const QByteArray bytes = JsonFormat::serialize(schema);
    QVERIFY2(bytes.contains("\"title\": \"\\ufeff9 \xe2\x86\x92 monitoring \\ufeff\""), bytes.constData());
    QVERIFY(!bytes.contains("\xef\xbb\xbf"));
    ParseError error;
    const std::optional<Schema> back = JsonFormat::parse(bytes, QStringLiteral("x"), &error);
    QVERIFY2(back, qPrintable(error.toString()));
    QCOMPARE(back->title, text);
    QCOMPARE(back->services.first().description, text);
    QCOMPARE(QJsonDocument::fromJson(bytes).object().value(QStringLiteral("title")).toString(), text);
}

void tst_JsonFormat::shouldRejectMalformedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QByteArray good = JsonFormat::serialize(everyField());
    QTest::newRow("empty") << QByteArray() << 1 << QString() << "the file is empty";
    QTest::newRow("whitespace") << QByteArray("  \n\n ") << 1 << QString() << "the file is empty";
    QTest::newRow("truncated") << good.left(good.size() / 2) << -1 << QString() << "not valid JSON";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << 1 << QString() << "not valid JSON";
    QTest::newRow("array at top") << QByteArray("[1, 2]") << 1 << QString() << "expected a JSON object";
    QTest::newRow("no format") << QByteArray("{\"services\": []}") << 1 << "format" << "format version is missing";
    QTest::newRow("future format") << QByteArray("{\"format\": 7}") << 1 << "format" << "format version 7 is not supported";
    QTest::newRow("format as string") << QByteArray("{\"format\": \"1\"}") << 1 << "format" << "expected an integer";
    QTest::newRow("port 70000")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"plannedPort\": 70000}]}") << 1
        << "services[0].plannedPort" << "70000 is not a port number";
    QTest::newRow("port as string")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"actualPort\": \"3000\"}]}")
        << 1 << "services[0].actualPort" << "expected an integer, found a string";
    QTest::newRow("fractional port")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"actualPort\": 30.5}]}") << 1
        << "services[0].actualPort" << "expected an integer";
    QTest::newRow("port 1e300")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"actualPort\": 1e300}]}") << 1
        << "services[0].actualPort" << "expected an integer";
    QTest::newRow("format -1e300") << QByteArray("{\"format\": -1e300}") << 1 << "format" << "expected an integer";
    QTest::newRow("name as number")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": 5}]}") << 1 << "services[0].name"
        << "expected a string, found a number";
    QTest::newRow("service not an object") << QByteArray("{\"format\": 1, \"services\": [3]}") << 1 << "services[0]"
                                           << "expected an object";
    QTest::newRow("services not a list") << QByteArray("{\"format\": 1, \"services\": {}}") << 1 << "services"
                                         << "expected a list";
    QTest::newRow("duplicate service id")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\"}, {\"id\": \"x\", \"name\": \"y\"}]}")
        << 1 << "services[1].id" << "duplicate service id \"x\" (first used by services[0])";
    QTest::newRow("duplicate host id")
        << QByteArray("{\"format\": 1, \"hosts\": [{\"id\": \"h\"}, {\"id\": \"h\"}]}") << 1 << "hosts[1].id"
        << "duplicate host id";
    QTest::newRow("unknown host")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"host\": \"nowhere\"}]}") << 1
        << "services[0].host" << "no host has the id \"nowhere\"";
    QTest::newRow("range backwards")
        << QByteArray("{\"format\": 1, \"ranges\": [{\"id\": \"r\", \"first\": 3010, \"last\": 3000}]}") << 1
        << "ranges[0]" << "starts at 3010, after its end 3000";
    QTest::newRow("bad status")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"status\": \"running\"}]}")
        << 1 << "services[0].status" << "\"running\" is not a status";
    QTest::newRow("unknown key")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\", \"plannedPrt\": 3000}]}") << 1
        << "services[0].plannedPrt" << "unknown key";
    QTest::newRow("missing id") << QByteArray("{\"format\": 1, \"services\": [{\"name\": \"x\"}]}") << 1
                                << "services[0].id" << "required key is missing";
    QTest::newRow("dangling reference")
        << QByteArray("{\"format\": 1, \"services\": [{\"id\": \"x\", \"name\": \"x\"}], \"references\": "
                      "[{\"from\": \"x\", \"to\": \"ghost\", \"port\": 80}]}")
        << 1 << "references[0].to" << "no service has the id \"ghost\"";
    QTest::newRow("bad severity")
        << QByteArray("{\"format\": 1, \"rules\": {\"settings\": {\"drift\": {\"severity\": \"fatal\"}}}}") << 1
        << "rules.settings.drift.severity" << "\"fatal\" is not a severity";
}

void tst_JsonFormat::shouldRejectMalformedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, path);
    QFETCH(QString, message);

    ParseError error;
    const std::optional<Schema> schema = JsonFormat::parse(input, QStringLiteral("plan.portolan.json"), &error);
    QVERIFY(!schema);
    QCOMPARE(error.file, QStringLiteral("plan.portolan.json"));
    if (line >= 0)
        QCOMPARE(error.line, line);
    else
        QVERIFY2(error.line > 1, qPrintable(error.toString()));
    QCOMPARE(error.path, path);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QVERIFY(error.toString().startsWith(QStringLiteral("plan.portolan.json")));
}

void tst_JsonFormat::shouldPointAtTheValueThatIsWrong_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");

    const QByteArray head("{\n  \"format\": 1,\n  \"hosts\": [{\"id\": \"h\"}],\n  \"services\": [\n");
    const QByteArray good("    {\"id\": \"a\", \"name\": \"a\"},\n");
    QTest::newRow("a value of the wrong type")
        << head + good + "    {\"id\": \"b\", \"name\": \"b\",\n     \"plannedPort\": \"3000\"}\n  ]\n}\n" << 7 << 21
        << "services[1].plannedPort";
    QTest::newRow("a missing key: the object without it")
        << head + good + "    {\"name\": \"b\"}\n  ]\n}\n" << 6 << 5 << "services[1].id";
    QTest::newRow("a duplicate id") << head + good + good.chopped(2) + "\n  ]\n}\n" << 6 << 12 << "services[1].id";
    QTest::newRow("after a non-ASCII string: columns count characters")
        << head + "    {\"id\": \"ä\", \"name\": \"Ä\", \"host\": \"nowhere\"}\n  ]\n}\n" << 5 << 38
        << "services[0].host";
    QTest::newRow("an unknown key") << QByteArray("{\"format\": 1,\n \"colour\": \"red\"}") << 2 << 12 << "colour";
}

void tst_JsonFormat::shouldPointAtTheValueThatIsWrong()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    ParseError error;
    QVERIFY(!JsonFormat::parse(input, QStringLiteral("plan.portolan.json"), &error));
    QCOMPARE(error.path, path);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.toString().startsWith(QStringLiteral("plan.portolan.json:%1:%2: %3: ").arg(line).arg(column).arg(path)),
             qPrintable(error.toString()));
}

// A plan of 20,000 services and more is read in two halves at once; the
// error reported is still the first in the file, whichever half has it.
void tst_JsonFormat::aFleetShouldReportItsFirstErrorInFileOrder_data()
{
    QTest::addColumn<QList<int>>("duplicates");     // services whose id repeats service 3's
    QTest::addColumn<QList<int>>("unknownHosts");   // services on a host the plan lacks
    QTest::addColumn<QList<int>>("badPorts");       // services whose port is no port
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString unknown = QStringLiteral("no host has the id \"nowhere\"");
    const QString repeated = QStringLiteral("duplicate service id \"s3\" (first used by services[3])");
    const QString badPort = QStringLiteral("70000 is not a port number (1-65535)");
    QTest::newRow("none") << QList<int>() << QList<int>() << QList<int>() << QString() << QString();
    QTest::newRow("host in the first half, repeat in the second")
        << QList<int>{15000} << QList<int>{5} << QList<int>() << QStringLiteral("services[5].host") << unknown;
    QTest::newRow("repeat in the second half before its host error")
        << QList<int>{12000} << QList<int>{15000} << QList<int>() << QStringLiteral("services[12000].id") << repeated;
    QTest::newRow("repeat first in the second half")
        << QList<int>{10001} << QList<int>{20001} << QList<int>() << QStringLiteral("services[10001].id") << repeated;
    QTest::newRow("repeat and host error on one service: the repeat")
        << QList<int>{14000} << QList<int>{14000} << QList<int>() << QStringLiteral("services[14000].id") << repeated;
    QTest::newRow("bad port before a repeat on one service: the port")
        << QList<int>{14000} << QList<int>() << QList<int>{14000} << QStringLiteral("services[14000].plannedPort") << badPort;
    QTest::newRow("bad port last in the first half")
        << QList<int>{20001} << QList<int>{10001} << QList<int>{10000} << QStringLiteral("services[10000].plannedPort")
        << badPort;
}

void tst_JsonFormat::aFleetShouldReportItsFirstErrorInFileOrder()
{
    QFETCH(QList<int>, duplicates);
    QFETCH(QList<int>, unknownHosts);
    QFETCH(QList<int>, badPorts);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Schema schema;
    schema.hosts = {Host{QStringLiteral("h"), QStringLiteral("Host"), {}, {}, {}}};
    for (int i = 0; i < 20002; ++i) {
        Service s;
        s.id = duplicates.contains(i) ? QStringLiteral("s3") : QStringLiteral("s%1").arg(i);
        s.name = s.id;
        s.hostId = unknownHosts.contains(i) ? QStringLiteral("nowhere") : QStringLiteral("h");
        s.plannedPort = badPorts.contains(i) ? 70000 : 1 + i % 60000;
        schema.services.append(s);
    }
    ParseError error;
    const std::optional<Schema> read = JsonFormat::parse(JsonFormat::serialize(schema), QStringLiteral("fleet.json"), &error);
    if (path.isEmpty()) {
        QVERIFY2(read, qPrintable(error.toString()));
        QCOMPARE(read->services.size(), 20002);
        QCOMPARE(read->services.at(10001).id, QStringLiteral("s10001"));
        QCOMPARE(*read, schema);
        return;
    }
    QVERIFY(!read);
    QCOMPARE(error.path, path);
    QCOMPARE(error.message, message);
    QCOMPARE(error.file, QStringLiteral("fleet.json"));
    QVERIFY(error.line > 1);
}

void tst_JsonFormat::shouldReportMissingAndBinaryFiles()
{
    ParseError error;
    QVERIFY(!loadSchemaFile(QStringLiteral("/nonexistent/plan.portolan.json"), &error));
    QVERIFY(error.toString().contains(QStringLiteral("does not exist")));

    QTemporaryDir dir;
    QVERIFY(!loadSchemaFile(dir.path(), &error));
    QVERIFY(error.toString().contains(QStringLiteral("not a regular file")));
}

void tst_JsonFormat::shouldSaveAtomically()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plan.portolan.json"));
    QString error;
    QVERIFY(saveSchemaFile(file, everyField(), &error));
    ParseError parseError;
    const std::optional<Schema> back = loadSchemaFile(file, &parseError);
    QVERIFY(back);
    QCOMPARE(*back, everyField());
    // A directory that cannot be written leaves the old file untouched.
    QVERIFY(!saveSchemaFile(dir.filePath(QStringLiteral("missing/dir/x.json")), everyField(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(loadSchemaFile(file, &parseError));

    // A write cancelled halfway (File > Save's Cancel) leaves the old file
    // as it was and no temporary file behind; progress reaches the total.
    QFile original(file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();
    const QByteArray big(9 * 1024 * 1024, 'x');
    QList<qint64> seen;
    QVERIFY(!writeFileCancellably(file, big, &error, [&seen](qint64 written, qint64 total) {
        seen.append(written);
        return written < total / 2;
    }));
    QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    original.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("plan.portolan.json")});
    seen.clear();
    QVERIFY(writeFileCancellably(file, big, &error, [&seen](qint64 written, qint64) {
        seen.append(written);
        return true;
    }));
    QCOMPARE(seen.last(), big.size());
    QVERIFY(seen.size() >= 3);
    QCOMPARE(QFileInfo(file).size(), big.size());
}

// Walks a written document next to the JSON Schema in resources/: every key
// the writer emits must be declared there, with the JSON type it has.
static void checkAgainstSchema(const QJsonValue &value, const QJsonObject &schemaNode, const QJsonObject &root,
                               const QString &path, QStringList *problems)
{
    QJsonObject node = schemaNode;
    while (node.contains(QStringLiteral("$ref"))) {
        const QString ref = node.value(QStringLiteral("$ref")).toString();
        node = root.value(QStringLiteral("$defs")).toObject().value(ref.section(QLatin1Char('/'), -1)).toObject();
    }
    const QString type = node.value(QStringLiteral("type")).toString();
    if (value.isObject()) {
        if (!type.isEmpty() && type != QLatin1String("object"))
            problems->append(QStringLiteral("%1: an object, the schema says %2").arg(path, type));
        const QJsonObject object = value.toObject();
        const QJsonObject properties = node.value(QStringLiteral("properties")).toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonObject child = properties.value(it.key()).toObject();
            if (!properties.contains(it.key())) {
                if (!node.value(QStringLiteral("additionalProperties")).isObject()) {
                    problems->append(QStringLiteral("%1.%2: not in the schema").arg(path, it.key()));
                    continue;
                }
                child = node.value(QStringLiteral("additionalProperties")).toObject();
            }
            checkAgainstSchema(it.value(), child, root, path + QLatin1Char('.') + it.key(), problems);
        }
        for (const QJsonValue &required : node.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString()))
                problems->append(QStringLiteral("%1: lacks required %2").arg(path, required.toString()));
        }
    } else if (value.isArray()) {
        if (type != QLatin1String("array"))
            problems->append(QStringLiteral("%1: a list, the schema says %2").arg(path, type));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            checkAgainstSchema(array.at(i), node.value(QStringLiteral("items")).toObject(), root,
                               QStringLiteral("%1[%2]").arg(path).arg(i), problems);
    } else if (value.isString() && !type.isEmpty() && type != QLatin1String("string")) {
        problems->append(QStringLiteral("%1: a string, the schema says %2").arg(path, type));
    } else if (value.isDouble() && !type.isEmpty() && type != QLatin1String("integer")) {
        problems->append(QStringLiteral("%1: a number, the schema says %2").arg(path, type));
    } else if (value.isBool() && !type.isEmpty() && type != QLatin1String("boolean")) {
        problems->append(QStringLiteral("%1: a boolean, the schema says %2").arg(path, type));
    }
    const QJsonArray allowed = node.value(QStringLiteral("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value))
        problems->append(QStringLiteral("%1: %2 is not among the schema's values").arg(path, value.toVariant().toString()));
}

void tst_JsonFormat::shippedJsonSchemaShouldDescribeEveryKeyWritten()
{
    QFile file(QStringLiteral(":/portolan.schema.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject schema = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(schema.contains(QStringLiteral("$defs")));
    for (const Schema &document : {everyField(), builtInSample()}) {
        QStringList problems;
        checkAgainstSchema(QJsonDocument::fromJson(JsonFormat::serialize(document)).object(), schema, schema,
                           QStringLiteral("$"), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
    // And it would notice a key it does not know.
    QStringList problems;
    checkAgainstSchema(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("servces"), QJsonArray()}}, schema,
                       schema, QStringLiteral("$"), &problems);
    QCOMPARE(problems.size(), 1);
}

static QByteArray utf16(const QString &text, bool bigEndian, bool mark)
{
    QByteArray out;
    if (mark)
        out += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (QChar c : text) {
        const char high = char(c.unicode() >> 8), low = char(c.unicode() & 0xff);
        out += bigEndian ? QByteArray(&high, 1) + QByteArray(&low, 1) : QByteArray(&low, 1) + QByteArray(&high, 1);
    }
    return out;
}

void tst_JsonFormat::shouldNameUtf16_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("isUtf16");
    const QString plan = QStringLiteral("{\"format\": 1, \"title\": \"Ports\"}\n");
    QTest::newRow("little endian with a mark") << utf16(plan, false, true) << true;
    QTest::newRow("big endian with a mark") << utf16(plan, true, true) << true;
    QTest::newRow("little endian without a mark") << utf16(plan, false, false) << true;
    QTest::newRow("big endian without a mark") << utf16(plan, true, false) << true;
    QTest::newRow("UTF-8") << plan.toUtf8() << false;
    QTest::newRow("UTF-8 with a mark") << QByteArray("\xEF\xBB\xBF") + plan.toUtf8() << false;
    QTest::newRow("binary with NUL bytes") << QByteArray("\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00", 12) << false;
    QTest::newRow("one byte") << QByteArray("{") << false;
}

// A UTF-16 file is named as such (at 1:1), not as binary data or bad JSON.
void tst_JsonFormat::shouldNameUtf16()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, isUtf16);
    QCOMPARE(looksLikeUtf16(input), isUtf16);
    ParseError error;
    const std::optional<Schema> schema = JsonFormat::parse(input, QStringLiteral("plan.portolan.json"), &error);
    if (isUtf16) {
        QVERIFY(!schema);
        QCOMPARE(error.toString(), QStringLiteral("plan.portolan.json:1:1: ") + utf16Message());
    } else if (schema) {
        QCOMPARE(schema->title, QStringLiteral("Ports"));
    } else {
        QVERIFY(!error.message.contains(QStringLiteral("UTF-16")));
    }
}

QTEST_GUILESS_MAIN(tst_JsonFormat)
#include "tst_jsonformat.moc"
