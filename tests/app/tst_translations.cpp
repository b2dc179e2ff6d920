// Checks the shipped translations: the German file must be complete (no
// unfinished or empty message) and every translation must use the same
// placeholders (%1..%9, %n) as its source; the English file holds plural
// forms only, and those must be complete as well.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one per numerus form, or one
    qint64 line = 0;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Message();
                current.context = context;
                current.line = xml.lineNumber();
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                current.unfinished = type == QLatin1String("unfinished");
                if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                    inMessage = false; // not compiled into the .qm; -no-obsolete drops them anyway
                if (!current.numerus)
                    current.translations.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else if (name == QLatin1String("numerusform") && inMessage) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (inMessage)
                messages.append(current);
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%[1-9n]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

QString where(const QString &file, const Message &m)
{
    return QStringLiteral("%1:%2 [%3] \"%4\"").arg(file).arg(m.line).arg(m.context, m.source);
}

// Every problem of one file, one line each; empty when the file is fine.
QStringList problems(const QString &file, const QList<Message> &messages, int numerusForms)
{
    QStringList out;
    for (const Message &m : messages) {
        if (m.unfinished)
            out.append(where(file, m) + QStringLiteral(": unfinished"));
        if (m.numerus && m.translations.size() != numerusForms)
            out.append(where(file, m) + QStringLiteral(": %1 plural forms, expected %2")
                                            .arg(m.translations.size()).arg(numerusForms));
        const QStringList wanted = placeholders(m.source);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                out.append(where(file, m) + QStringLiteral(": empty translation"));
                continue;
            }
            QStringList got = placeholders(t);
            // A plural form may leave out %n ("one service" for %n == 1); nothing else may differ.
            if (m.numerus && !got.contains(QLatin1String("%n")) && wanted.contains(QLatin1String("%n")))
                got.append(QStringLiteral("%n")), got.sort();
            if (got != wanted)
                out.append(where(file, m) + QStringLiteral(": placeholders %1 in \"%2\", source has %3")
                                                .arg(got.join(QLatin1Char(' ')), t, wanted.join(QLatin1Char(' '))));
        }
    }
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsComplete();
    void englishHoldsPluralFormsOnly();
    void checkerCatchesMistakes();
};

void TestTranslations::germanIsComplete()
{
    const QString file = QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_de.ts");
    QString error;
    const QList<Message> messages = readTs(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 500, qPrintable(QStringLiteral("only %1 messages read").arg(messages.size())));
    const QStringList found = problems(file, messages, 2);
    QVERIFY2(found.isEmpty(), qPrintable(QLatin1Char('\n') + found.join(QLatin1Char('\n'))));
}

void TestTranslations::englishHoldsPluralFormsOnly()
{
    const QString file = QStringLiteral(PORTOLAN_SOURCE_DIR "/translations/portolan_en.ts");
    QString error;
    const QList<Message> messages = readTs(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList found = problems(file, messages, 2);
    for (const Message &m : messages) {
        if (!m.numerus)
            found.append(where(file, m) + QStringLiteral(": not a plural message"));
    }
    QVERIFY2(found.isEmpty(), qPrintable(QLatin1Char('\n') + found.join(QLatin1Char('\n'))));
}

void TestTranslations::checkerCatchesMistakes()
{
    Message m;
    m.source = QStringLiteral("%1 of %2");
    m.translations = {QStringLiteral("%1 von %3")};
    QCOMPARE(problems(QStringLiteral("x.ts"), {m}, 2).size(), 1);
    m.translations = {QString()};
    QCOMPARE(problems(QStringLiteral("x.ts"), {m}, 2).size(), 1);
    m.translations = {QStringLiteral("%2 von %1")};
    QVERIFY(problems(QStringLiteral("x.ts"), {m}, 2).isEmpty());
    m.unfinished = true;
    QCOMPARE(problems(QStringLiteral("x.ts"), {m}, 2).size(), 1);

    Message plural;
    plural.numerus = true;
    plural.source = QStringLiteral("%n service(s)");
    plural.translations = {QStringLiteral("ein Dienst"), QStringLiteral("%n Dienste")};
    QVERIFY(problems(QStringLiteral("x.ts"), {plural}, 2).isEmpty());
    plural.translations = {QStringLiteral("%n Dienst")};
    QCOMPARE(problems(QStringLiteral("x.ts"), {plural}, 2).size(), 1);
    plural.translations = {QStringLiteral("%n Dienst"), QStringLiteral("%1 Dienste")};
    QCOMPARE(problems(QStringLiteral("x.ts"), {plural}, 2).size(), 1);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
