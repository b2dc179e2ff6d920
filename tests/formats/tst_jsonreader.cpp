#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Portolan;

// The native format's own JSON reader accepts what RFC 8259 accepts and
// reads the same values as QJsonDocument. It is stricter than QJsonDocument
// where that is lenient (raw control characters, unknown escapes, "1." and
// ".5"), and, as the RFC, takes a scalar at the top.
class tst_JsonReader : public QObject
{
    Q_OBJECT

private slots:
    void shouldAgreeWithQJsonDocument_data();
    void shouldAgreeWithQJsonDocument();
    void shouldPointAtTheError_data();
    void shouldPointAtTheError();
    void shouldTakeTheLastOfARepeatedKey();
    void shouldKnowWhereEachValueStarts();
    void shouldKeepAByteOrderMarkInsideStrings();
};

static QJsonValue toQt(const Json::Value &v)
{
    switch (v.type()) {
    case Json::Type::Null: return QJsonValue(QJsonValue::Null);
    case Json::Type::Bool: return v.toBool();
    case Json::Type::Number: return v.toDouble();
    case Json::Type::String: return v.toString();
    case Json::Type::Array: {
        QJsonArray a;
        const Json::Array array = v.toArray();
        for (int i = 0; i < array.size(); ++i)
            a.append(toQt(array.at(i)));
        return a;
    }
    case Json::Type::Object: {
        QJsonObject o;
        const Json::Object object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            o.insert(it.key(), toQt(it.value()));
        return o;
    }
    case Json::Type::Undefined: break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

void tst_JsonReader::shouldAgreeWithQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})") << true;
    QTest::newRow("empty containers") << QByteArray(R"({"a": {}, "b": [], "c": [[], {}]})") << true;
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" :\n1 }\n ") << true;
    QTest::newRow("escapes") << QByteArray(R"({"a": "q\" b\\ s\/ \b\f\n\r\t u\u00e9 \u20ac"})") << true;
    QTest::newRow("surrogate pair") << QByteArray(R"({"a": "\ud83d\ude00"})") << true;
    QTest::newRow("raw UTF-8") << QByteArray("{\"gepr\xc3\xbc" "ft\": \"\xe6\xbc\xa2\xf0\x9f\x98\x80\"}") << true;
    QTest::newRow("numbers") << QByteArray(R"({"a": [0, -0, 12, -3.5, 1e5, 1.5E-3, 2e+2, 123456789012]})") << true;
    QTest::newRow("array at top") << QByteArray("[1, 2]") << true;
    QTest::newRow("string at top") << QByteArray("\"x\"") << true;
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a": 1,})") << false;
    QTest::newRow("trailing comma in array") << QByteArray(R"({"a": [1,]})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"a": 01})") << false;
    QTest::newRow("bare dot") << QByteArray(R"({"a": 1.})") << false;
    QTest::newRow("leading dot") << QByteArray(R"({"a": .5})") << false;
    QTest::newRow("plus sign") << QByteArray(R"({"a": +1})") << false;
    QTest::newRow("NaN") << QByteArray(R"({"a": NaN})") << false;
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << false;
    QTest::newRow("unterminated string") << QByteArray(R"({"a": "b)") << false;
    QTest::newRow("unterminated object") << QByteArray(R"({"a": 1)") << false;
    QTest::newRow("control character") << QByteArray("{\"a\": \"b\x01\"}") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\": \"\xc3\x28\"}") << false;
    QTest::newRow("bad escape") << QByteArray(R"({"a": "\x"})") << false;
    QTest::newRow("short unicode escape") << QByteArray(R"({"a": "\u12"})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"a": 1} x)") << false;
    QTest::newRow("comment") << QByteArray("{/* c */ \"a\": 1}") << false;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
    QTest::newRow("unquoted key") << QByteArray("{a: 1}") << false;
    QTest::newRow("misspelt literal") << QByteArray(R"({"a": tru})") << false;
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << false;
    QTest::newRow("nested 1000") << QByteArray(1000, '[') + QByteArray(1000, ']') << true;
    QTest::newRow("nested 100000") << QByteArray(100000, '[') + QByteArray(100000, ']') << false;
}

void tst_JsonReader::shouldAgreeWithQJsonDocument()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QJsonParseError qtError;
    const QJsonDocument qt = QJsonDocument::fromJson(text, &qtError);
    Json::Document ours;
    qsizetype offset = -1;
    QString reason;
    const bool ok = ours.parse(text, &offset, &reason);
    QCOMPARE(ok, valid);
    if (!ok) {
        QVERIFY(!reason.isEmpty());
        QVERIFY(offset >= 0 && offset <= text.size());
        return;
    }
    if (!qt.isObject() && !qt.isArray())
        return; // a scalar at the top: QJsonDocument refuses it
    const QJsonValue root = qt.isObject() ? QJsonValue(qt.object()) : QJsonValue(qt.array());
    QCOMPARE(toQt(ours.root()), root);
}

void tst_JsonReader::shouldPointAtTheError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::newRow("unterminated string") << QByteArray("{\"a\": \"b") << 8;
    QTest::newRow("bad value") << QByteArray("{\"a\": x}") << 6;
    QTest::newRow("control character") << QByteArray("{\"a\": \"b\x01\"}") << 8;
}

void tst_JsonReader::shouldPointAtTheError()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    Json::Document document;
    qsizetype at = -1;
    QString reason;
    QVERIFY(!document.parse(text, &at, &reason));
    QCOMPARE(at, qsizetype(offset));
}

void tst_JsonReader::shouldTakeTheLastOfARepeatedKey()
{
    Json::Document document;
    qsizetype at = -1;
    QString reason;
    QVERIFY(document.parse(R"({"a": 1, "a": 2})", &at, &reason));
    QCOMPARE(document.root().toObject().value("a").toDouble(), 2.0);
    QCOMPARE(QJsonDocument::fromJson(R"({"a": 1, "a": 2})").object().value(QLatin1String("a")).toDouble(), 2.0);
}

// Error positions in a plan come from these offsets: every type, and
// strings with escapes or non-ASCII characters, which are kept elsewhere.
void tst_JsonReader::shouldKnowWhereEachValueStarts()
{
    const QByteArray text = R"({"plain": "a", "esc\u0061ped": "b\nc", "numbers": [1, -2.5e3], "b": true, "n": null, )"
                            "\"o\": {\"k\": {}}, \"gr\xC3\xBC\xC3\x9F\": \"\xC3\xBC\"}";
    Json::Document document;
    qsizetype at = -1;
    QString reason;
    QVERIFY2(document.parse(text, &at, &reason), qPrintable(reason));
    const Json::Object root = document.root().toObject();
    QCOMPARE(document.root().offset(), 0);
    QHash<QString, qsizetype> keys;
    QHash<QString, qsizetype> values;
    for (auto it = root.begin(); it != root.end(); ++it) {
        keys.insert(it.key(), it.keyOffset());
        values.insert(it.key(), it.value().offset());
    }
    auto where = [&text](const char *needle) { return text.indexOf(needle); };
    QCOMPARE(keys.value(QStringLiteral("plain")), where(R"("plain")"));
    QCOMPARE(values.value(QStringLiteral("plain")), where(R"("a")"));
    QCOMPARE(keys.value(QStringLiteral("escaped")), where(R"("esc)"));
    QCOMPARE(values.value(QStringLiteral("escaped")), where(R"("b\n)"));
    QCOMPARE(root.value("escaped").toString(), QStringLiteral("b\nc"));
    QCOMPARE(values.value(QStringLiteral("numbers")), where("[1"));
    const Json::Array numbers = root.value("numbers").toArray();
    QCOMPARE(numbers.at(0).offset(), where("1,"));
    QCOMPARE(numbers.at(1).offset(), where("-2.5e3"));
    QCOMPARE(numbers.at(1).toDouble(), -2500.0);
    QCOMPARE(values.value(QStringLiteral("b")), where("true"));
    QCOMPARE(values.value(QStringLiteral("n")), where("null"));
    QCOMPARE(values.value(QStringLiteral("o")), where(R"({"k")"));
    QCOMPARE(root.value("o").toObject().value("k").offset(), where("{}"));
    const QString gruss = QString::fromUtf8("gr\xC3\xBC\xC3\x9F");
    QCOMPARE(keys.value(gruss), where("\"gr\xC3"));
    QCOMPARE(values.value(gruss), where("\"\xC3\xBC\"}"));
    QCOMPARE(root.value("gr\xC3\xBC\xC3\x9F").toString(), QString::fromUtf8("\xC3\xBC"));
}

QTEST_MAIN(tst_JsonReader)
// U+FEFF starting a string is text, raw or escaped. QJsonDocument (and
// QString::fromUtf8) drop it when it is raw; this reader keeps it, so a
// description that starts with one survives a save and an open.
void tst_JsonReader::shouldKeepAByteOrderMarkInsideStrings()
{
    const QByteArray text("{\"\xef\xbb\xbfk\": \"\xef\xbb\xbf" "9 \xe2\x86\x92 x\", \"b\": \"\\ufeff\"}");
    Json::Document document;
    qsizetype offset = -1;
    QString reason;
    QVERIFY2(document.parse(text, &offset, &reason), qPrintable(reason));
    const Json::Object root = document.root().toObject();
    QCOMPARE(root.begin().key(), QChar(0xFEFF) + QStringLiteral("k"));
    QCOMPARE(root.value("\xef\xbb\xbfk").toString(), QChar(0xFEFF) + QString::fromUtf16(u"9 \u2192 x"));
    QCOMPARE(root.value("b").toString(), QString(QChar(0xFEFF)));
}

#include "tst_jsonreader.moc"
