#include "composeparse.h"

#include <QTest>

#include <algorithm>

using namespace Portolan;
using namespace Portolan::Compose;

Q_DECLARE_METATYPE(Portolan::Protocol)

// The value grammar of compose files: port specs and interpolation.
class TestComposeParse : public QObject
{
    Q_OBJECT

private slots:
    void shouldParsePortSpecs_data();
    void shouldParsePortSpecs();
    void shouldRejectBadPortSpecs_data();
    void shouldRejectBadPortSpecs();
    void shouldParseExposeSpecs();
    void shouldInterpolate_data();
    void shouldInterpolate();
    void shouldReadDotEnvFiles();
    void shouldRefuseNestingDeeperThanTheLimit();
};

void TestComposeParse::shouldParsePortSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QList<int>>("hostPorts");
    QTest::addColumn<QList<int>>("containerPorts");
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<QString>("bind");

    using L = QList<int>;
    QTest::newRow("container only") << "3000" << L{0} << L{3000} << Protocol::Tcp << "";
    QTest::newRow("container range") << "3000-3002" << L{0, 0, 0} << L{3000, 3001, 3002} << Protocol::Tcp << "";
    QTest::newRow("same port") << "8000:8000" << L{8000} << L{8000} << Protocol::Tcp << "";
    QTest::newRow("different ports") << "4400:80" << L{4400} << L{80} << Protocol::Tcp << "";
    QTest::newRow("ranges") << "9090-9091:8080-8081" << L{9090, 9091} << L{8080, 8081} << Protocol::Tcp << "";
    QTest::newRow("ipv4 bind") << "127.0.0.1:8001:8001" << L{8001} << L{8001} << Protocol::Tcp << "127.0.0.1";
    QTest::newRow("ipv4 bind, engine port") << "127.0.0.1::5000" << L{0} << L{5000} << Protocol::Tcp << "127.0.0.1";
    QTest::newRow("ipv6 bind") << "[::1]:6001:6001" << L{6001} << L{6001} << Protocol::Tcp << "::1";
    QTest::newRow("ipv6 unbracketed") << "::1:6002:6002" << L{6002} << L{6002} << Protocol::Tcp << "::1";
    QTest::newRow("udp") << "6060:6060/udp" << L{6060} << L{6060} << Protocol::Udp << "";
    QTest::newRow("explicit tcp") << "53:53/tcp" << L{53} << L{53} << Protocol::Tcp << "";
    QTest::newRow("udp range with ip") << "0.0.0.0:5000-5001:6000-6001/udp" << L{5000, 5001} << L{6000, 6001}
                                       << Protocol::Udp << "0.0.0.0";
    QTest::newRow("spaces around") << "  3001:3001 " << L{3001} << L{3001} << Protocol::Tcp << "";
    // What mailcow's generated compose file writes: an empty bind address.
    QTest::newRow("empty bind address") << ":443:443" << L{443} << L{443} << Protocol::Tcp << "";
    // The engine picks one port of the host range; the service holds all of it.
    QTest::newRow("host range to one port") << "6005-6007:80" << L{6005, 6006, 6007} << L{80, 80, 80}
                                            << Protocol::Tcp << "";
}

void TestComposeParse::shouldParsePortSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QList<int>, hostPorts);
    QFETCH(QList<int>, containerPorts);
    QFETCH(Protocol, protocol);
    QFETCH(QString, bind);

    QList<PortMapping> mappings;
    QString error;
    QVERIFY2(parsePortSpec(spec, &mappings, &error), qPrintable(error));
    QCOMPARE(mappings.size(), containerPorts.size());
    for (int i = 0; i < mappings.size(); ++i) {
        QCOMPARE(mappings.at(i).hostPort, hostPorts.at(i));
        QCOMPARE(mappings.at(i).containerPort, containerPorts.at(i));
        QCOMPARE(mappings.at(i).protocol, protocol);
        QCOMPARE(mappings.at(i).hostIp, bind);
    }
}

void TestComposeParse::shouldRejectBadPortSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("port too large") << "99999:80" << "99999";
    QTest::newRow("container port too large") << "80:70000" << "70000";
    QTest::newRow("zero") << "0:80" << "0";
    QTest::newRow("ranges of different length") << "80-81:90-92" << "differ";
    QTest::newRow("too wide host range to one port") << "8000-9100:80" << "more than";
    QTest::newRow("letters") << "abc" << "abc";
    QTest::newRow("empty published port") << ":8080" << "empty";
    QTest::newRow("reversed range") << "90-80:90-80" << "ends before";
    QTest::newRow("unknown protocol") << "80:80/sctp" << "sctp";
    QTest::newRow("not an ip") << "example.com:80:80" << "example.com";
    QTest::newRow("ipv4 part too large") << "256.0.0.1:80:80" << "256.0.0.1";
    QTest::newRow("ipv4 too short") << "10.0.1:80:80" << "10.0.1";
    QTest::newRow("sign in port") << "+80:80" << "+80";
    QTest::newRow("blank inside port") << "8 0:80" << "8 0";
    QTest::newRow("unclosed bracket") << "[::1:80:80" << "bracket";
    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("negative") << "-80:80" << "-80";
    QTest::newRow("huge range") << "10000-20000:10000-20000" << "more than";
}

void TestComposeParse::shouldRejectBadPortSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, mentions);
    QList<PortMapping> mappings;
    QString error;
    QVERIFY(!parsePortSpec(spec, &mappings, &error));
    QVERIFY(mappings.isEmpty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestComposeParse::shouldParseExposeSpecs()
{
    QList<PortMapping> mappings;
    QString error;
    QVERIFY(parseExposeSpec(QStringLiteral("3000"), &mappings, &error));
    QVERIFY(parseExposeSpec(QStringLiteral("4000-4001/udp"), &mappings, &error));
    QCOMPARE(mappings.size(), 3);
    QCOMPARE(mappings.at(0), (PortMapping{0, 3000, Protocol::Tcp, {}}));
    QCOMPARE(mappings.at(2), (PortMapping{0, 4001, Protocol::Udp, {}}));
    QVERIFY(!parseExposeSpec(QStringLiteral("80:80"), &mappings, &error));
}

void TestComposeParse::shouldInterpolate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("unresolved");

    // SET=value, EMPTY="" ; UNSET is not defined.
    QTest::newRow("plain") << "no variables" << "no variables" << QStringList();
    QTest::newRow("braced") << "${SET}:80" << "value:80" << QStringList();
    QTest::newRow("bare") << "$SET-x" << "value-x" << QStringList();
    QTest::newRow("unset") << "a${UNSET}b" << "ab" << QStringList{"UNSET"};
    QTest::newRow("bare unset") << "$UNSET" << "" << QStringList{"UNSET"};
    QTest::newRow(":- unset") << "${UNSET:-3000}" << "3000" << QStringList();
    QTest::newRow(":- empty") << "${EMPTY:-3000}" << "3000" << QStringList();
    QTest::newRow(":- set") << "${SET:-3000}" << "value" << QStringList();
    QTest::newRow("- unset") << "${UNSET-d}" << "d" << QStringList();
    QTest::newRow("- empty") << "${EMPTY-d}" << "" << QStringList();
    QTest::newRow(":? set") << "${SET:?needed}" << "value" << QStringList();
    QTest::newRow(":? empty") << "${EMPTY:?needed}" << "" << QStringList{"EMPTY"};
    QTest::newRow("? empty is fine") << "${EMPTY?needed}" << "" << QStringList();
    QTest::newRow("? unset") << "${UNSET?needed}" << "" << QStringList{"UNSET"};
    QTest::newRow(":+ set") << "${SET:+yes}" << "yes" << QStringList();
    QTest::newRow(":+ empty") << "${EMPTY:+yes}" << "" << QStringList();
    QTest::newRow("+ empty") << "${EMPTY+yes}" << "yes" << QStringList();
    QTest::newRow("nested default") << "${UNSET:-${SET:-x}}" << "value" << QStringList();
    QTest::newRow("nested twice") << "${UNSET:-${UNSET2:-d}}:80" << "d:80" << QStringList();
    QTest::newRow("unused default not reported") << "${SET:-${UNSET}}" << "value" << QStringList();
    QTest::newRow("used default reported") << "${UNSET:-${UNSET2}}" << "" << QStringList{"UNSET2"};
    QTest::newRow("dollar dollar") << "$$HOME and $${SET}" << "$HOME and ${SET}" << QStringList();
    QTest::newRow("lone dollar") << "cost $ 5" << "cost $ 5" << QStringList();
    QTest::newRow("url with default") << "http://${HOST:-mana-credits}:${PORT:-3002}"
                                      << "http://mana-credits:3002" << QStringList();
    QTest::newRow("unclosed") << "${SET" << "${SET" << QStringList{"SET"};
}

void TestComposeParse::shouldInterpolate()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, unresolved);
    const Interpolator interpolator({{QStringLiteral("SET"), QStringLiteral("value")}, {QStringLiteral("EMPTY"), QString()}});
    QList<Interpolator::Problem> problems;
    QCOMPARE(interpolator.interpolate(text, &problems), expected);
    QStringList names;
    for (const auto &p : problems) {
        names.append(p.variable);
        QVERIFY(!p.message.isEmpty());
    }
    QCOMPARE(names, unresolved);
}

void TestComposeParse::shouldReadDotEnvFiles()
{
    const QString text = QStringLiteral("# comment\n"
                                        "WEB_PORT=8080\n"
                                        "export API_PORT = 3001 # trailing comment\n"
                                        "QUOTED=\"a b\\n\"\n"
                                        "SINGLE='${WEB_PORT} literal'\n"
                                        "DERIVED=${WEB_PORT}1\n"
                                        "FROM_ENV=${SHELL_VAR:-none}\n"
                                        "not a line\n");
    const QHash<QString, QString> values = parseDotEnv(text, {{QStringLiteral("SHELL_VAR"), QStringLiteral("sh")}});
    QCOMPARE(values.value(QStringLiteral("WEB_PORT")), QStringLiteral("8080"));
    QCOMPARE(values.value(QStringLiteral("API_PORT")), QStringLiteral("3001"));
    QCOMPARE(values.value(QStringLiteral("QUOTED")), QStringLiteral("a b\n"));
    QCOMPARE(values.value(QStringLiteral("SINGLE")), QStringLiteral("${WEB_PORT} literal"));
    QCOMPARE(values.value(QStringLiteral("DERIVED")), QStringLiteral("80801"));
    QCOMPARE(values.value(QStringLiteral("FROM_ENV")), QStringLiteral("sh"));
    QCOMPARE(values.size(), 6);
}

static QString nested(int depth)
{
    return QStringLiteral("${A:-").repeated(depth) + QLatin1Char('x') + QStringLiteral("}").repeated(depth);
}

void TestComposeParse::shouldRefuseNestingDeeperThanTheLimit()
{
    const Interpolator interpolator;
    QList<Interpolator::Problem> problems;
    QCOMPARE(interpolator.interpolate(nested(Interpolator::MaxDepth), &problems), QStringLiteral("x"));
    QVERIFY(std::none_of(problems.cbegin(), problems.cend(), [](const auto &p) { return p.fatal; }));

    // 20,000 levels overflowed the stack; now one fatal problem, at once.
    problems.clear();
    interpolator.interpolate(nested(20000), &problems);
    QCOMPARE(std::count_if(problems.cbegin(), problems.cend(), [](const auto &p) { return p.fatal; }), 1);

    problems.clear();
    parseDotEnv(QStringLiteral("A=1\n\nDEEP=") + nested(20000) + QStringLiteral("\n"), {}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().fatal);
    QCOMPARE(problems.first().line, 3);
}

QTEST_GUILESS_MAIN(TestComposeParse)
#include "tst_composeparse.moc"
