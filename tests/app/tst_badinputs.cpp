#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Portolan;

// Bad inputs for every reader (tests/data/bad-inputs/, and the big ones
// generated here), given to the portolan binary as users give them. Each is
// refused with exit 2 and a "file:line:column: sentence", or read as the
// tolerance of its row says; the child runs with its address space capped
// and is killed after a generous timeout. After a refusal the plan given
// with --into and an existing -o OUT are byte for byte what they were; what
// an import writes opens again.
class tst_BadInputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldRefuseOrReadAsDocumented_data();
    void shouldRefuseOrReadAsDocumented();
    void corpusShouldCoverEveryReader();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 ms = 0;
    };
    Result run(const QStringList &arguments, qint64 memoryLimit);
    void generate();

    QTemporaryDir mDir;
    QString mGenerated;
    QStringList mRows;   // the reader of each row
    QStringList mInputs; // the input of each row
};

// The address space a portolan process may take: the 50 MB inputs within
// 500 MB, as the limits in the README promise (libraries and all: about
// 100 MB of it are Qt's before a byte is read); a reader that grows past it
// fails its allocation and the row fails.
static constexpr qint64 MemoryLimit = 500LL << 20;
// Generous: a reader that loops or hangs is killed and the row fails; no
// row is timed more tightly than this.
static constexpr int KillAfterMs = 30000;

static QString corpus(const QString &name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/bad-inputs/") + name;
}

tst_BadInputs::Result tst_BadInputs::run(const QStringList &arguments, qint64 memoryLimit)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
#ifndef PORTOLAN_SANITIZE
    // AddressSanitizer maps terabytes of shadow memory: no cap under it.
    process.setChildProcessModifier([memoryLimit] {
        const rlimit limit{rlim_t(memoryLimit), rlim_t(memoryLimit)};
        setrlimit(RLIMIT_AS, &limit);
    });
#else
    Q_UNUSED(memoryLimit);
#endif
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
    Result r;
    if (!process.waitForFinished(KillAfterMs)) {
        process.kill();
        process.waitForFinished();
        r.err = QStringLiteral("killed after %1 ms").arg(KillAfterMs);
        return r;
    }
    r.ms = clock.elapsed();
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit)
        r.err += QStringLiteral("\n(crashed)");
    return r;
}

static void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

static QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

// The inputs too big to keep in git: 50 MB files (10 MB under the
// sanitizers, still over the YAML and env limit of 8 MB), nesting 100,000 deep.
#ifdef PORTOLAN_SANITIZE
static constexpr int Big = 10 << 20;
#else
static constexpr int Big = 50 << 20;
#endif

void tst_BadInputs::generate()
{
    constexpr int Deep = 100000;
    const QByteArray open(Deep, '[');
    const QByteArray close(Deep, ']');
    auto file = [this](const char *name) { return mGenerated + QLatin1Char('/') + QLatin1String(name); };

    // A plan of 50 MB whose very last service has a port out of range.
    QByteArray plan("{\n  \"format\": 1,\n  \"hosts\": [{\"id\": \"box\", \"name\": \"Box\"}],\n  \"services\": [\n");
    plan.reserve(Big + (1 << 20));
    for (int i = 0; plan.size() < Big; ++i)
        plan += "    {\"id\": \"service-" + QByteArray::number(i) + "\", \"name\": \"Service " + QByteArray::number(i)
            + "\", \"plannedPort\": " + QByteArray::number(20000 + i % 40000)
            + ", \"host\": \"box\", \"notes\": \"generated to make the file large\"},\n";
    plan += "    {\"id\": \"last\", \"name\": \"last\", \"plannedPort\": 70000}\n  ]\n}\n";
    writeBytes(file("plan-50mb.portolan.json"), plan);
    writeBytes(file("plan-nested-100k.portolan.json"), "{\"format\": 1, \"notes\": " + open + close + "}\n");

    // 50 MB of Markdown: a long document with one port table.
    QByteArray md("# Ports\n\n| Service | Port |\n|---|---|\n| api | 3001 |\n| web | 3002 |\n\n");
    md.reserve(Big + (1 << 20));
    for (int i = 0; md.size() < Big; ++i)
        md += "Paragraph " + QByteArray::number(i)
            + " of a long document: words that name no port at all, written again and again.\n\n";
    writeBytes(file("md-50mb.md"), md);
    writeBytes(file("md-quotes-100k.md"), "# Ports\n\n" + QByteArray(Deep, '>') + " api 3000\n");
    QByteArray list("# Ports\n\n");
    for (int i = 0; i < Deep; ++i)
        list += "- ";
    writeBytes(file("md-lists-100k.md"), list + "api (3000)\n");

    // YAML: 50 MB (over the 8 MB limit), flow nesting 100,000 deep.
    QByteArray compose("services:\n  api:\n    image: example/api\n    environment:\n");
    compose.reserve(Big + (1 << 20));
    for (int i = 0; compose.size() < Big; ++i)
        compose += "      VARIABLE_" + QByteArray::number(i) + ": \"a value to make the file large\"\n";
    writeBytes(file("compose-50mb.yml"), compose);
    writeBytes(file("compose-nested-100k.yml"), "services:\n  api:\n    image: " + open + close + "\n");
    QByteArray interpolation;
    for (int i = 0; i < Deep; ++i)
        interpolation += "${A:-";
    interpolation += "3001" + QByteArray(Deep, '}');
    writeBytes(file("compose-interpolation-100k.yml"),
               "services:\n  api:\n    image: x\n    ports:\n      - \"" + interpolation + ":80\"\n");
    writeBytes(file("dotenv-interpolation-100k.env"), "API_PORT=" + interpolation + "\n");
    writeBytes(file("prom-nested-100k.yml"), "scrape_configs:\n  - job_name: " + open + close + "\n");
    writeBytes(file("cfd-nested-100k.yml"), "ingress:\n  - service: " + open + close + "\n");
    QByteArray env;
    env.reserve(Big + (1 << 20));
    for (int i = 0; env.size() < Big; ++i)
        env += "URL_" + QByteArray::number(i) + "=http://localhost:" + QByteArray::number(20000 + i % 40000) + "\n";
    writeBytes(file("env-50mb.env"), env);
    // Many lines under the 8 MB limit: each is read once, not per line before it.
    writeBytes(file("dotenv-400k-lines.env"), env.left(7 << 20) + "API_PORT=3001\n");
}

void tst_BadInputs::initTestCase()
{
    QVERIFY(mDir.isValid());
    mGenerated = mDir.filePath(QStringLiteral("generated"));
    QVERIFY(QDir().mkpath(mGenerated));
    generate();
}

// Columns: the reader, the input (in tests/data/bad-inputs/, or generated/),
// the exit code, what the message (or, read, its warning) says, and for an
// input that is read rather than refused, why that is right.
void tst_BadInputs::shouldRefuseOrReadAsDocumented_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expect");
    QTest::addColumn<QString>("tolerance");

    auto refused = [this](const char *reader, const char *input, const char *expect) {
        mRows.append(QLatin1String(reader));
        mInputs.append(QLatin1String(input));
        QTest::addRow("%s %s", reader, input) << QString::fromLatin1(reader) << QString::fromLatin1(input) << 2
                                              << QString::fromUtf8(expect) << QString();
    };
    auto read = [this](const char *reader, const char *input, int exitCode, const char *warning, const char *why) {
        mRows.append(QLatin1String(reader));
        mInputs.append(QLatin1String(input));
        QTest::addRow("%s %s", reader, input) << QString::fromLatin1(reader) << QString::fromLatin1(input) << exitCode
                                              << QString::fromUtf8(warning) << QString::fromUtf8(why);
    };

    // The native format (check, and import --from json -o OUT).
    refused("plan", "plan-empty.portolan.json", "the file is empty");
    refused("plan", "plan-whitespace.portolan.json", "the file is empty");
    refused("plan", "plan-truncated-mid-token.portolan.json", "unterminated string");
    refused("plan", "plan-binary.portolan.json", "not valid JSON");
    refused("plan", "plan-nul-in-string.portolan.json", "control character in a string");
    refused("plan", "plan-control-character.portolan.json", "control character in a string");
    refused("plan", "plan-latin1.portolan.json", "invalid UTF-8");
    refused("plan", "plan-utf16.portolan.json", "UTF-16 text; Portolan reads UTF-8");
    refused("plan", "plan-crlf.portolan.json", "no host has the id \"nowhere\"");
    refused("plan", "plan-cr-only.portolan.json", "no host has the id \"nowhere\"");
    refused("plan", "plan-port-0.portolan.json", "0 is not a port number");
    refused("plan", "plan-port-65536.portolan.json", "65536 is not a port number");
    refused("plan", "plan-port-negative.portolan.json", "-1 is not a port number");
    refused("plan", "plan-port-1e10.portolan.json", "expected an integer");
    refused("plan", "plan-port-1e308.portolan.json", "expected an integer");
    refused("plan", "plan-port-1e400.portolan.json", "number out of range");
    refused("plan", "plan-port-huge-digits.portolan.json", "number out of range");
    refused("plan", "plan-port-string.portolan.json", "expected an integer, found a string");
    refused("plan", "plan-wrong-type-services.portolan.json", "expected a list, found an object");
    refused("plan", "plan-duplicate-service-id.portolan.json", "duplicate service id \"api\"");
    refused("plan", "plan-duplicate-host-id.portolan.json", "duplicate host id \"box\"");
    refused("plan", "plan-duplicate-key.portolan.json", "the key \"title\" appears twice");
    refused("plan", "plan-dangling-host.portolan.json", "no host has the id \"nowhere\"");
    refused("plan", "plan-dangling-reference.portolan.json", "no service has the id \"ghost\"");
    refused("plan", "plan-dangling-counterpart.portolan.json", "no service has the id \"ghost\"");
    refused("plan", "plan-unknown-version.portolan.json", "format version 2 is not supported");
    refused("plan", "plan-trailing-garbage.portolan.json", "garbage at the end");
    refused("plan", "generated/plan-50mb.portolan.json", "70000 is not a port number");
    refused("plan", "generated/plan-nested-100k.portolan.json", "too deeply nested");
    read("plan", "plan-bom.portolan.json", 0, "", "RFC 8259 lets a reader ignore a UTF-8 byte order mark");
    read("plan", "plan-lone-surrogate.portolan.json", 0, "",
         "an escaped lone surrogate (\\ud800) has no UTF-8 form and reads as U+FFFD, as QJsonDocument reads it");

    // Markdown (import --from markdown -o OUT).
    refused("markdown", "md-empty.md", "The file is empty");
    refused("markdown", "md-whitespace.md", "The file is empty");
    refused("markdown", "md-binary.md", "binary data (a NUL byte)");
    refused("markdown", "md-nul.md", "binary data (a NUL byte)");
    refused("markdown", "md-utf16.md", "UTF-16 text; Portolan reads UTF-8");
    refused("markdown", "md-latin1.md", "not valid UTF-8");
    refused("markdown", "md-compose-yaml.md", "does not look like a port schema");
    refused("markdown", "md-no-ports.md", "Nothing in the file reads as a port schema");
    read("markdown", "md-bom.md", 0, "", "a UTF-8 byte order mark is skipped");
    read("markdown", "md-crlf.md", 0, "", "CRLF line ends are line ends");
    read("markdown", "md-cr-only.md", 0, "",
         "Markdown (CommonMark) ends lines at a lone CR too; the table is read by md4c");
    read("markdown", "md-truncated-mid-token.md", 0, "", "a port cut short (\"30\") is still a port number");
    read("markdown", "md-duplicate-names.md", 0, "", "two rows of one name are two services with unique ids");
    read("markdown", "md-port-0.md", 0, "md-port-0.md:14:", "a row whose port is not 1-65535 is skipped with a warning");
    read("markdown", "md-port-65536.md", 0, "md-port-65536.md:14:", "the row is skipped with a warning");
    read("markdown", "md-port-negative.md", 0, "md-port-negative.md:14:", "the row is skipped with a warning");
    read("markdown", "md-port-1e10.md", 0, "md-port-1e10.md:14:", "the row is skipped with a warning");
    read("markdown", "md-port-huge-digits.md", 0, "md-port-huge-digits.md:14:", "the row is skipped with a warning");
    read("markdown", "generated/md-50mb.md", 0, "", "50 MB of prose around one port table: the table is read");
    refused("markdown", "generated/md-quotes-100k.md", "Nothing in the file reads as a port schema");
    read("markdown", "generated/md-lists-100k.md", 0, "", "lists nested 100,000 deep: md4c keeps no recursion");

    // Compose (import --from compose --host box --into PLAN -o OUT).
    refused("compose", "compose-empty.yml", "A compose file is a mapping");
    refused("compose", "compose-whitespace.yml", "Invalid YAML");
    refused("compose", "compose-truncated-mid-token.yml", "never closed");
    refused("compose", "compose-binary.yml", "binary data (a NUL byte)");
    refused("compose", "compose-nul.yml", "binary data (a NUL byte)");
    refused("compose", "compose-utf16.yml", "UTF-16 text; Portolan reads UTF-8");
    refused("compose", "compose-latin1.yml", "not valid UTF-8");
    refused("compose", "compose-crlf.yml", "Port 99999 is outside 1–65535");
    refused("compose", "compose-cr-only.yml", "Port 99999 is outside 1–65535");
    refused("compose", "compose-alias-bomb.yml", "the aliases expand to more than 100,000 nodes");
    refused("compose", "compose-alias-environment.yml", "the aliases expand to more than 100,000 nodes");
    refused("compose", "compose-alias-port-ranges.yml", "more than 262,144 port mappings");
    refused("compose", "compose-self-anchor.yml", "refers to the node that contains it");
    refused("compose", "compose-merge-self.yml", "refers to the node that contains it");
    refused("compose", "compose-undefined-alias.yml", "names no anchor");
    refused("compose", "compose-wrong-type-services.yml", "no \"services\" mapping");
    refused("compose", "compose-wrong-type-ports.yml", "ports must be a list");
    refused("compose", "compose-port-0.yml", "Port 0 is outside 1–65535");
    refused("compose", "compose-port-65536.yml", "Port 65536 is outside 1–65535");
    refused("compose", "compose-port-negative.yml", "is not a port or a port range");
    refused("compose", "compose-port-1e10.yml", "is not a port or a port range");
    refused("compose", "compose-port-1e308.yml", "is not a port or a port range");
    refused("compose", "compose-port-huge-digits.yml", "invalid port");
    refused("compose", "compose-port-range-huge.yml", "more than 1024 ports");
    refused("compose", "compose-duplicate-keys.yml", "appears twice");
    refused("compose", "compose-version-1.yml", "version 1 compose file");
    refused("compose", "generated/compose-50mb.yml", "too large");
    refused("compose", "generated/compose-nested-100k.yml", "nested more than 200 levels deep");
    refused("compose", "generated/compose-interpolation-100k.yml", "more than 32 levels deep");
    read("compose", "compose-bom.yml", 0, "", "YAML allows a byte order mark");
    read("compose", "compose-invalid-reference-ports.yml", 0, "is outside 1–65535",
         "a URL or Traefik label with a port outside 1-65535 is not a reference: a warning, the rest is read");

    // The .env beside a compose file.
    refused("dotenv", "dotenv-binary.env", "binary data (a NUL byte)");
    refused("dotenv", "dotenv-nul.env", "binary data (a NUL byte)");
    refused("dotenv", "dotenv-utf16.env", "UTF-16 text; Portolan reads UTF-8");
    refused("dotenv", "dotenv-port-65536.env", "Port 65536 is outside 1–65535");
    refused("dotenv", "dotenv-nested-unterminated.env", "invalid port");
    refused("dotenv", "generated/dotenv-interpolation-100k.env", "more than 32 levels deep");
    read("dotenv", "dotenv-unterminated-quote.env", 0, "",
         "an unterminated double quote runs to the end of the line, as docker compose reads it");
    read("dotenv", "generated/dotenv-400k-lines.env", 0, "", "7 MB of variables, each line read once");

    // Prometheus (import --from prometheus --host box --into PLAN -o OUT).
    refused("prometheus", "prom-empty.yml", "A Prometheus configuration is a mapping");
    refused("prometheus", "prom-whitespace.yml", "A Prometheus configuration is a mapping");
    refused("prometheus", "prom-truncated-mid-token.yml", "never closed");
    refused("prometheus", "prom-binary.yml", "binary data (a NUL byte)");
    refused("prometheus", "prom-nul.yml", "binary data (a NUL byte)");
    refused("prometheus", "prom-utf16.yml", "UTF-16 text; Portolan reads UTF-8");
    refused("prometheus", "prom-scrape-configs-mapping.yml", "scrape_configs must be a list");
    refused("prometheus", "prom-alias-bomb.yml", "the aliases expand to more than 100,000 nodes");
    refused("prometheus", "prom-self-anchor.yml", "refers to the node that contains it");
    refused("prometheus", "generated/prom-nested-100k.yml", "nested more than 200 levels deep");
    read("prometheus", "prom-crlf.yml", 0, "prom-crlf.yml:10:", "a target whose port is not 1-65535 is skipped with a warning");
    read("prometheus", "prom-port-0.yml", 0, "prom-port-0.yml:10:", "the target is skipped with a warning");
    read("prometheus", "prom-port-65536.yml", 0, "prom-port-65536.yml:10:", "the target is skipped with a warning");
    read("prometheus", "prom-port-huge-digits.yml", 0, "prom-port-huge-digits.yml:10:",
         "the target is skipped with a warning");
    read("prometheus", "prom-wrong-type.yml", 0, "targets must be a list",
         "targets that are not a list are skipped with a warning, as other jobs are read");
    read("prometheus", "prom-duplicate-jobs.yml", 0, "used twice", "a job name used twice is a warning");
    read("prometheus", "prom-file-sd-missing.yml", 0, "missing-targets.json",
         "a file_sd file that is not there is a warning: Prometheus itself waits for it");

    // cloudflared, linked to a host of the plan as a source (read by the
    // import --into and by check).
    refused("cloudflared", "cfd-empty.yml", "A cloudflared configuration is a mapping");
    refused("cloudflared", "cfd-binary.yml", "binary data (a NUL byte)");
    refused("cloudflared", "cfd-utf16.yml", "UTF-16 text; Portolan reads UTF-8");
    refused("cloudflared", "cfd-truncated-mid-token.yml", "An ingress rule must be a mapping");
    refused("cloudflared", "cfd-no-ingress.yml", "no \"ingress\" list");
    refused("cloudflared", "cfd-ingress-mapping.yml", "no \"ingress\" list");
    refused("cloudflared", "cfd-rule-without-service.yml", "An ingress rule needs a service");
    refused("cloudflared", "cfd-alias-bomb.yml", "the aliases expand to more than 100,000 nodes");
    refused("cloudflared", "generated/cfd-nested-100k.yml", "nested more than 200 levels deep");
    read("cloudflared", "cfd-port-0.yml", 0, "",
         "a rule without a usable port is skipped with a warning (which check shows; import shows errors only)");
    read("cloudflared", "cfd-port-65536.yml", 0, "", "the rule is skipped with a warning, as above");

    // An env file linked to a host as a source.
    refused("env", "env-binary.env", "binary data (a NUL byte)");
    refused("env", "env-nul.env", "binary data (a NUL byte)");
    refused("env", "generated/env-50mb.env", "too large");
    read("env", "env-latin1.env", 0, "", "an env file is read for URLs, which are ASCII; other bytes are kept out");
    read("env", "env-crlf.env", 0, "", "CRLF line ends are line ends");
    read("env", "env-port-65536.env", 0, "",
         "a value that is no URL with a port 1-65535 is not a reference, as any other value");
    read("env", "env-port-huge-digits.env", 0, "", "a value that is no URL with a valid port is not a reference");
}

// The sentence after "file:line:column: ": words, not a code.
static bool isSentence(const QString &text)
{
    return text.size() >= 10 && text.count(QLatin1Char(' ')) >= 2;
}

void tst_BadInputs::shouldRefuseOrReadAsDocumented()
{
    QFETCH(QString, reader);
    QFETCH(QString, input);
    QFETCH(int, exitCode);
    QFETCH(QString, expect);
    QFETCH(QString, tolerance);

    QString file = input.startsWith(QLatin1String("generated/")) ? mDir.filePath(input) : corpus(input);
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QTemporaryDir work(mDir.filePath(QStringLiteral("row-XXXXXX")));
    QVERIFY(work.isValid());
    const QString plan = work.filePath(QStringLiteral("plan.portolan.json"));
    const QString out = work.filePath(QStringLiteral("out.portolan.json"));
    Schema schema = Test::twoHosts();
    schema.hosts[0].id = QStringLiteral("box");
    schema.services = {Test::service(QStringLiteral("db"), 3050, 0, QStringLiteral("box"))};
    if (reader == QLatin1String("cloudflared") || reader == QLatin1String("env")) {
        RealitySource source;
        source.kind = reader == QLatin1String("env") ? SourceKind::Env : SourceKind::Cloudflared;
        source.files = {file};
        schema.hosts[0].sources = {source};
    }
    QString error;
    QVERIFY(saveSchemaFile(plan, schema, &error));
    const QByteArray planBefore = readBytes(plan);
    const QByteArray outBefore("{\"an existing file\": \"that a failed command leaves alone\"}\n");
    writeBytes(out, outBefore);

    // What each reader's input is given to.
    QString shown = file; // the file an error names
    QStringList arguments;
    if (reader == QLatin1String("plan")) {
        arguments = {QStringLiteral("import"), file, QStringLiteral("--from"), QStringLiteral("json"),
                     QStringLiteral("-o"), out};
    } else if (reader == QLatin1String("markdown")) {
        arguments = {QStringLiteral("import"), file, QStringLiteral("--from"), QStringLiteral("markdown"),
                     QStringLiteral("-o"), out};
    } else if (reader == QLatin1String("compose") || reader == QLatin1String("prometheus")) {
        arguments = {QStringLiteral("import"), file, QStringLiteral("--from"), reader, QStringLiteral("--host"),
                     QStringLiteral("box"), QStringLiteral("--into"), plan, QStringLiteral("-o"), out};
    } else {
        // A valid compose project linked into the plan: the import re-reads
        // the host's other sources, the bad one among them.
        const QString project = work.filePath(QStringLiteral("project"));
        QVERIFY(Test::writeTestFile(project, QStringLiteral("docker-compose.yml"),
                                    "services:\n  api:\n    image: example/api\n    ports:\n"
                                    "      - \"${API_PORT:-3001}:80\"\n"));
        if (reader == QLatin1String("dotenv")) {
            QVERIFY(QFile::copy(file, project + QStringLiteral("/.env")));
            shown = project + QStringLiteral("/.env");
        }
        arguments = {QStringLiteral("import"), project + QStringLiteral("/docker-compose.yml"),
                     QStringLiteral("--from"), QStringLiteral("compose"), QStringLiteral("--host"),
                     QStringLiteral("box"), QStringLiteral("--into"), plan, QStringLiteral("-o"), out};
    }

    const Result r = run(arguments, MemoryLimit);
    qInfo("%s: exit %d in %lld ms", qPrintable(input), r.exitCode, r.ms);
    QVERIFY2(r.exitCode == exitCode,
             qPrintable(QStringLiteral("exit %1, expected %2 (%3)\n%4").arg(r.exitCode).arg(exitCode).arg(tolerance, r.err)));
    QCOMPARE(readBytes(plan), planBefore);

    // Errors and warnings name the file, the line and the column, then say
    // what is wrong in a sentence.
    static const QRegularExpression positioned(QStringLiteral("^(?:portolan \\w+|warning): (.+?):(\\d+):(\\d+): (.+)$"),
                                               QRegularExpression::MultilineOption);
    bool found = expect.isEmpty();
    QStringList seen;
    for (auto it = positioned.globalMatch(r.err); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        seen.append(m.captured(0));
        const bool ours = QFileInfo(m.captured(1)).fileName() == QFileInfo(shown).fileName()
            || QFileInfo(m.captured(1)).fileName() == QLatin1String("docker-compose.yml");
        if (ours && m.captured(2).toInt() >= 1 && m.captured(3).toInt() >= 1 && isSentence(m.captured(4))
            && m.captured(0).contains(expect))
            found = true;
    }
    if (exitCode == 2)
        found = found && !seen.isEmpty();
    QVERIFY2(found, qPrintable(QStringLiteral("no positioned message saying \"%1\" about %2 in:\n%3")
                                   .arg(expect, QFileInfo(shown).fileName(), r.err)));

    if (exitCode == 2) {
        QCOMPARE(readBytes(out), outBefore);
        if (reader == QLatin1String("cloudflared") || reader == QLatin1String("env")) {
            // check reports the unreadable source as an error at its place.
            const Result check = run({QStringLiteral("check"), plan, QStringLiteral("--format"), QStringLiteral("json")},
                                     MemoryLimit);
            QCOMPARE(check.exitCode, 1);
            const QJsonArray findings =
                QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("findings")).toArray();
            QVERIFY2(std::any_of(findings.cbegin(), findings.cend(),
                                 [&](const QJsonValue &f) {
                                     return f[QStringLiteral("rule")] == QStringLiteral("source-error")
                                         && f[QStringLiteral("file")].toString().endsWith(QFileInfo(file).fileName())
                                         && f[QStringLiteral("line")].toInt() >= 1;
                                 }),
                     qPrintable(check.out));
        }
    } else {
        QVERIFY2(!tolerance.isEmpty(), "a row that is read says why");
        // What was written opens again.
        const Result check = run({QStringLiteral("check"), out}, MemoryLimit);
        QVERIFY2(check.exitCode == 0 || check.exitCode == 1, qPrintable(check.err));
    }
}

// At least 60 inputs, and every reader has its own.
void tst_BadInputs::corpusShouldCoverEveryReader()
{
    QVERIFY2(mRows.size() >= 60, qPrintable(QString::number(mRows.size())));
    for (const char *reader : {"plan", "markdown", "compose", "dotenv", "prometheus", "cloudflared", "env"})
        QVERIFY2(mRows.count(QLatin1String(reader)) >= 4, reader);
    // Every committed input has its row.
    const QStringList files = QDir(corpus(QString())).entryList(QDir::Files);
    for (const QString &f : files) {
        if (f != QLatin1String("README.md"))
            QVERIFY2(mInputs.contains(f), qPrintable(f));
    }
}

QTEST_GUILESS_MAIN(tst_BadInputs)
#include "tst_badinputs.moc"
