#include "composeformat.h"
#include "prometheusformat.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Portolan;

// Real compose files and Prometheus configs of public repositories
// (tests/data/realcompose, tests/data/realprometheus; origins in their
// READMEs). Each compose file reads, and its published ports equal what
// Debian's docker-compose 1.29.2 `config` resolved (expected.tsv); files that
// docker-compose refuses still read or fail with a positioned sentence.
class TestRealCorpus : public QObject
{
    Q_OBJECT

private slots:
    void composeShouldPublishWhatDockerComposeResolves_data();
    void composeShouldPublishWhatDockerComposeResolves();
    void prometheusShouldReadOrSayWhy_data();
    void prometheusShouldReadOrSayWhy();
};

static QString composeDir()
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/realcompose/");
}

struct Expected
{
    QStringList ports; // "service host:container/protocol@ip", sorted
    QVariantMap environment;
    bool refused = false;
};

static QHash<QString, Expected> readExpected()
{
    QHash<QString, Expected> result;
    QFile file(composeDir() + QStringLiteral("expected.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return result;
    static const QRegularExpression needs(QStringLiteral("^# (\\S+) needs ([A-Z_]+)=(\\S+)"));
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('#'))) {
            const QRegularExpressionMatch m = needs.match(line);
            if (m.hasMatch() && !m.captured(3).startsWith(QLatin1Char('<')))
                result[m.captured(1)].environment.insert(m.captured(2), m.captured(3));
            continue;
        }
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() >= 2 && f.at(1) == QLatin1String("REFUSED")) {
            result[f.first()].refused = true;
            continue;
        }
        if (f.size() < 6)
            continue;
        const QString ip = f.at(5);
        result[f.first()].ports.append(
            QStringLiteral("%1 %2:%3/%4@%5").arg(f.at(1), f.at(2), f.at(3), f.at(4), ip));
    }
    return result;
}

void TestRealCorpus::composeShouldPublishWhatDockerComposeResolves_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QVariantMap>("environment");
    QTest::addColumn<bool>("refusedByDockerCompose");
    const QHash<QString, Expected> expected = readExpected();
    const QStringList files = QDir(composeDir()).entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 30, qPrintable(QString::number(files.size())));
    for (const QString &f : files) {
        Expected e = expected.value(f);
        e.ports.sort();
        QTest::newRow(qPrintable(f)) << f << e.ports << e.environment << e.refused;
    }
}

void TestRealCorpus::composeShouldPublishWhatDockerComposeResolves()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QFETCH(QVariantMap, environment);
    QFETCH(bool, refusedByDockerCompose);
    QFile in(composeDir() + file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    FormatOptions options;
    options.fileName = file;
    options.hostId = QStringLiteral("box");
    options.baseDir = composeDir();
    options.extra.insert(QStringLiteral("environment"), environment);
    ParseError error;
    const std::optional<ReadResult> result = ComposeFormat().read(in.readAll(), options, &error);
    if (!result) {
        // Only what docker-compose refuses too may be refused, and with a position.
        QVERIFY2(refusedByDockerCompose, qPrintable(error.toString()));
        QVERIFY2(error.line > 0 && !error.message.isEmpty(), qPrintable(error.toString()));
        return;
    }
    if (refusedByDockerCompose)
        return; // Portolan reads more of the spec than docker-compose 1.29 (":443:443", name:, host_ip)
    QStringList actual;
    for (const Service &s : result->schema.services) {
        if (s.actualPort <= 0 || s.undocumented)
            continue;
        actual.append(QStringLiteral("%1 %2:%3/%4@%5")
                          .arg(s.aliases.value(0), QString::number(s.actualPort),
                               QString::number(s.containerPort > 0 ? s.containerPort : s.actualPort),
                               protocolToString(s.protocol), s.bindAddress));
    }
    actual.sort();
    QCOMPARE(actual, expected);
}

void TestRealCorpus::prometheusShouldReadOrSayWhy_data()
{
    QTest::addColumn<QString>("file");
    const QString dir = QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/data/realprometheus/");
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir + f;
}

void TestRealCorpus::prometheusShouldReadOrSayWhy()
{
    QFETCH(QString, file);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    FormatOptions options;
    options.fileName = QFileInfo(file).fileName();
    options.hostId = QStringLiteral("box");
    options.baseDir = QFileInfo(file).path();
    ParseError error;
    const std::optional<ReadResult> result = PrometheusFormat().read(in.readAll(), options, &error);
    if (!result) {
        QVERIFY2(error.line > 0 && !error.message.isEmpty(), qPrintable(error.toString()));
        return;
    }
    // Every job is read: either targets, or a finding that says why none are known offline.
    QVERIFY2(!result->schema.services.isEmpty() || !result->findings.isEmpty() || !result->warnings.isEmpty(),
             qPrintable(file));
}

QTEST_GUILESS_MAIN(TestRealCorpus)
#include "tst_realcorpus.moc"
