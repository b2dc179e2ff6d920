#include "formatregistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Portolan;

// Real port docs from public repositories, stored whole in
// tests/data/markdown/ (README.md there names each one's repository, path,
// commit and licence). Each is imported as `portolan import DOC --from
// markdown` imports it, and the services are compared field by field with
// DOC.expected.tsv: what a reader of the doc sees, written by reading it
// (name, port, host, range, internal or published; the README says how).
//
// Every row the import does not get right, as "doc: expected row: what was
// read instead"; the test fails when this list and the import part ways,
// so it stays the true list of misses.
static const char *const knownMisses[] = {
    // "- `3000`, `4000` – default for many Node-based apps (document usage)"
    // under "Reserved Ports": a note on two ports, read as a service.
    "Guillaume-Reboullet-my-server-PORTS.md: -: read default for many Node-based apps 3000 - - published, "
    "which the doc does not name",
    "Guillaume-Reboullet-my-server-PORTS.md: -: read default for many Node-based apps-4000 4000 - - published, "
    "which the doc does not name",
    // "Der Frontend Service ... läuft auf dem Port **3000**.": a port named in
    // a sentence; prose is not read for ports.
    "msi-cad-vw-github-ports.md: Frontend 3000 - - published: not read",
    nullptr,
};

namespace {

struct Row
{
    QString name;
    int port = 0;
    QString host;
    QString range;
    QString exposure;

    QString toString() const
    {
        auto orDash = [](const QString &text) { return text.isEmpty() ? QStringLiteral("-") : text; };
        return QStringLiteral("%1 %2 %3 %4 %5")
            .arg(name, port ? QString::number(port) : QStringLiteral("-"), orDash(host), orDash(range), exposure);
    }
};

QString dataDir()
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/markdown");
}

QList<Row> readExpected(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Row> rows;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 1: the header
        const QString line = QString::fromUtf8(lines.at(i));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        Row r;
        r.name = f.value(0);
        r.port = f.value(1).toInt();
        r.host = f.value(2);
        r.range = f.value(3);
        r.exposure = f.value(4);
        rows.append(r);
    }
    return rows;
}

// The import's services in the same terms: the port is the host port, or the
// container port of a service that publishes none.
QList<Row> describe(const Schema &schema)
{
    QList<Row> rows;
    for (const Service &s : schema.services) {
        Row r;
        r.name = s.name;
        r.port = s.plannedPort ? s.plannedPort : s.containerPort;
        const int host = schema.hostIndex(s.hostId);
        if (host >= 0)
            r.host = schema.hosts.at(host).name;
        for (const PortRange &range : schema.ranges) {
            if (range.id == s.rangeId)
                r.range = QStringLiteral("%1-%2").arg(range.first).arg(range.last);
        }
        r.exposure = s.exposure == Exposure::Internal ? QStringLiteral("internal") : QStringLiteral("published");
        rows.append(r);
    }
    return rows;
}

// "grafana" of the doc is "grafana" of the import, and so is "grafana-3001",
// the name the import gives a service's second port.
bool sameName(const Row &expected, const Row &read)
{
    return read.name == expected.name
        || (expected.port && read.name == QStringLiteral("%1-%2").arg(expected.name).arg(expected.port));
}

bool sameFields(const Row &expected, const Row &read)
{
    return read.port == expected.port && read.host == expected.host && read.range == expected.range
        && read.exposure == expected.exposure;
}

} // namespace

class tst_RealMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void shouldReadRealPortDocs();
};

void tst_RealMarkdown::shouldReadRealPortDocs()
{
    const Format *markdown = FormatRegistry::instance().format(QStringLiteral("markdown"));
    QVERIFY(markdown && markdown->canRead());
    const QStringList docs = QDir(dataDir()).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    QStringList misses;
    int right = 0;
    int total = 0;
    int docCount = 0;
    for (const QString &doc : docs) {
        const QString path = dataDir() + QLatin1Char('/') + doc;
        const QString expectedPath = path.chopped(3) + QStringLiteral(".expected.tsv");
        if (!QFileInfo::exists(expectedPath))
            continue; // README.md
        ++docCount;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        FormatOptions options;
        options.fileName = path;
        options.baseDir = dataDir();
        ParseError error;
        const std::optional<ReadResult> result = markdown->read(f.readAll(), options, &error);
        QVERIFY2(result, qPrintable(QStringLiteral("%1 refused: %2").arg(doc, error.toString())));

        const QList<Row> expected = readExpected(expectedPath);
        QVERIFY2(!expected.isEmpty(), qPrintable(expectedPath));
        const QList<Row> read = describe(result->schema);
        QList<bool> used(read.size(), false);
        QList<int> match(expected.size(), -1);
        // Exact rows first, so that a doc's repeated names pair up right.
        for (int e = 0; e < expected.size(); ++e) {
            for (int r = 0; r < read.size() && match[e] < 0; ++r) {
                if (!used[r] && sameName(expected[e], read[r]) && sameFields(expected[e], read[r])) {
                    match[e] = r;
                    used[r] = true;
                }
            }
        }
        int docRight = 0;
        QStringList docMisses;
        for (int e = 0; e < expected.size(); ++e) {
            if (match[e] >= 0) {
                ++docRight;
                continue;
            }
            int best = -1;
            for (int r = 0; r < read.size() && best < 0; ++r) {
                if (!used[r] && sameName(expected[e], read[r]) && read[r].port == expected[e].port)
                    best = r;
            }
            for (int r = 0; r < read.size() && best < 0; ++r) {
                if (!used[r] && sameName(expected[e], read[r]))
                    best = r;
            }
            if (best >= 0)
                used[best] = true;
            docMisses.append(QStringLiteral("%1: %2: %3")
                                 .arg(doc, expected[e].toString(),
                                      best >= 0 ? QStringLiteral("read as ") + read[best].toString()
                                                : QStringLiteral("not read")));
        }
        int extra = 0;
        for (int r = 0; r < read.size(); ++r) {
            if (used[r])
                continue;
            ++extra;
            docMisses.append(QStringLiteral("%1: -: read %2, which the doc does not name").arg(doc, read[r].toString()));
        }
        const int docTotal = int(expected.size()) + extra;
        qInfo("%s: %d/%d rows right", qPrintable(doc), docRight, docTotal);
        right += docRight;
        total += docTotal;
        misses.append(docMisses);
    }
    QVERIFY2(docCount >= 10, qPrintable(QStringLiteral("%1 docs").arg(docCount)));
    qInfo("all %d docs: %d/%d rows right (%.1f %%)", docCount, right, total, 100.0 * right / total);
    for (const QString &m : std::as_const(misses))
        qInfo("miss: %s", qPrintable(m));

    QStringList known;
    for (const char *const *m = knownMisses; *m; ++m)
        known.append(QString::fromUtf8(*m));
    QCOMPARE(misses, known);
    QVERIFY2(right * 10 >= total * 9, qPrintable(QStringLiteral("%1/%2 rows right").arg(right).arg(total)));
}

QTEST_GUILESS_MAIN(tst_RealMarkdown)
#include "tst_realmarkdown.moc"
