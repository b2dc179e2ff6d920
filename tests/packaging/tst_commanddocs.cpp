#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// The man page and the shell completions are written by hand; this keeps
// them current: every command, option and listed value of `portolan --help`
// and `portolan COMMAND --help` must appear in them.
class tst_CommandDocs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void manPageShouldRenderWithoutWarnings();
    void manPageShouldDescribeEveryCommand();
    void manPageShouldDescribeEveryOption_data();
    void manPageShouldDescribeEveryOption();
    void commandSummaryShouldMatchTheCommands();
    void bashShouldCompleteEveryCommandAndOption_data();
    void bashShouldCompleteEveryCommandAndOption();
    void bashShouldCompleteListedValues_data();
    void bashShouldCompleteListedValues();
    void zshShouldKnowEveryOption_data();
    void zshShouldKnowEveryOption();

private:
    struct Option
    {
        QStringList names;  // "-o", "--output"
        QString text;       // the description, lines joined
        QStringList values; // "Output format: a, b or c." → a, b, c
    };
    struct Help
    {
        QString text;
        QList<Option> options;
    };
    static QString run(const QStringList &arguments);
    static Help parseHelp(const QString &text);
    static QString manSection(const QString &man, const QString &heading);
    QStringList complete(const QStringList &words) const;
    QString zshSection(const QString &command) const;
    static bool containsWord(const QString &text, const QString &word);
    static void addCommands();

    QStringList mCommands;
    QHash<QString, Help> mHelp; // "" = portolan --help
    QString mMan;               // the man page source, escapes resolved
    QString mZsh;
};

QString tst_CommandDocs::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PORTOLAN_BINARY), arguments);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("portolan %s failed", qPrintable(arguments.join(QLatin1Char(' '))));
    return QString::fromUtf8(process.readAllStandardOutput());
}

tst_CommandDocs::Help tst_CommandDocs::parseHelp(const QString &text)
{
    // QCommandLineParser's layout: "  -o, --output <OUT>  Description" and
    // continuation lines indented to the description's column.
    static const QRegularExpression optionLine(QStringLiteral("^  ((?:-{1,2}[\\w-]+(?: <[^>]+>)?(?:, )?)+)  +(.*)$"));
    static const QRegularExpression name(QStringLiteral("-{1,2}[\\w-]+"));
    static const QRegularExpression valueList(QStringLiteral("(?:format|Output)[^:]*: ([^.]*)\\."));
    Help help;
    help.text = text;
    bool inOptions = false;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line == QLatin1String("Options:")) {
            inOptions = true;
            continue;
        }
        if (!line.startsWith(QLatin1Char(' ')))
            inOptions = false;
        if (!inOptions)
            continue;
        const QRegularExpressionMatch m = optionLine.match(line);
        if (m.hasMatch()) {
            Option option;
            for (auto it = name.globalMatch(m.captured(1).section(QLatin1Char('<'), 0, 0)); it.hasNext();)
                option.names.append(it.next().captured());
            option.text = m.captured(2);
            help.options.append(option);
        } else if (!help.options.isEmpty()) {
            help.options.last().text += QLatin1Char(' ') + line.trimmed();
        }
    }
    for (Option &option : help.options) {
        const QRegularExpressionMatch m = valueList.match(option.text);
        if (!m.hasMatch())
            continue;
        QString list = m.captured(1);
        list.replace(QLatin1String(" (default)"), QString()).replace(QLatin1String(" or "), QLatin1String(", "));
        option.values = list.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    }
    return help;
}

void tst_CommandDocs::initTestCase()
{
    mHelp.insert(QString(), parseHelp(run({QStringLiteral("--help")})));
    // The commands as the help lists them, under "Commands".
    static const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+) "), QRegularExpression::MultilineOption);
    const QString main = mHelp.value(QString()).text;
    const QString commands = main.section(QStringLiteral("Commands"), 1).section(QStringLiteral("\n\n"), 0, 0);
    for (auto it = commandLine.globalMatch(commands); it.hasNext();)
        mCommands.append(it.next().captured(1));
    QCOMPARE(mCommands, (QStringList{QStringLiteral("check"), QStringLiteral("import"), QStringLiteral("export"),
                                     QStringLiteral("diff"), QStringLiteral("probe"), QStringLiteral("moves"),
                                     QStringLiteral("apply")}));
    for (const QString &command : std::as_const(mCommands)) {
        mHelp.insert(command, parseHelp(run({command, QStringLiteral("--help")})));
        QVERIFY2(mHelp.value(command).options.size() >= 2, qPrintable(command));
    }
    QVERIFY(mHelp.value(QString()).options.size() >= 5);

    QFile man(QStringLiteral(PORTOLAN_MANPAGE));
    QVERIFY2(man.open(QIODevice::ReadOnly), PORTOLAN_MANPAGE);
    mMan = QString::fromUtf8(man.readAll());
    QVERIFY2(mMan.contains(QStringLiteral("\"Portolan " PORTOLAN_VERSION "\"")), "the man page names another version");
    static const QRegularExpression font(QStringLiteral("\\\\f[BIRP]"));
    mMan.replace(QLatin1String("\\-"), QLatin1String("-")).replace(font, QString()).replace(QLatin1String("\\e"), QLatin1String("\\"));

    QFile zsh(QStringLiteral(PORTOLAN_SOURCE_DIR "/data/completions/_portolan"));
    QVERIFY(zsh.open(QIODevice::ReadOnly));
    mZsh = QString::fromUtf8(zsh.readAll());
}

QString tst_CommandDocs::manSection(const QString &man, const QString &heading)
{
    // From the heading to the next heading of the same or a higher level.
    const qsizetype start = man.indexOf(heading + QLatin1Char('\n'));
    if (start < 0)
        return {};
    static const QRegularExpression next(QStringLiteral("^\\.S[HS] "), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = next.match(man, start + heading.size());
    return man.mid(start, m.hasMatch() ? m.capturedStart() - start : -1);
}

bool tst_CommandDocs::containsWord(const QString &text, const QString &word)
{
    const QRegularExpression re(QStringLiteral("(^|[^\\w-])%1($|[^\\w-])").arg(QRegularExpression::escape(word)));
    return re.match(text).hasMatch();
}

void tst_CommandDocs::manPageShouldRenderWithoutWarnings()
{
    // What lintian runs on every man page it finds.
    QProcess man;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    man.setProcessEnvironment(env);
    man.start(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
                                      QStringLiteral("-l"), QStringLiteral("-Tutf8"), QStringLiteral(PORTOLAN_MANPAGE)});
    QVERIFY2(man.waitForFinished(20000), "man (package man-db) did not run");
    QCOMPARE(man.exitCode(), 0);
    const QString warnings = QString::fromUtf8(man.readAllStandardError());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    // Bold and underline come as overstrikes ("N\bN"); the text without them:
    static const QRegularExpression overstrike(QStringLiteral(".\b"));
    const QString text = QString::fromUtf8(man.readAllStandardOutput()).remove(overstrike);
    for (const char *heading : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "EXAMPLES"})
        QVERIFY2(text.contains(QLatin1String("\n") + QLatin1String(heading) + QLatin1String("\n")), heading);
}

void tst_CommandDocs::manPageShouldDescribeEveryCommand()
{
    const QString synopsis = manSection(mMan, QStringLiteral(".SH SYNOPSIS"));
    for (const QString &command : std::as_const(mCommands)) {
        QVERIFY2(!manSection(mMan, QStringLiteral(".SS ") + command).isEmpty(), qPrintable(command));
        QVERIFY2(synopsis.contains(QStringLiteral(".B ") + command + QLatin1Char('\n')), qPrintable(command));
    }
    // The exit codes the help states.
    const QString exits = manSection(mMan, QStringLiteral(".SH EXIT STATUS"));
    for (const char *code : {".B 0\n", ".B 1\n", ".B 2\n"})
        QVERIFY2(exits.contains(QLatin1String(code)), code);
}

void tst_CommandDocs::addCommands()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("portolan") << QString();
    for (const char *command : {"check", "import", "export", "diff", "probe", "moves", "apply"})
        QTest::newRow(command) << QString::fromLatin1(command);
}

void tst_CommandDocs::manPageShouldDescribeEveryOption_data()
{
    addCommands();
}

void tst_CommandDocs::manPageShouldDescribeEveryOption()
{
    QFETCH(QString, command);
    const QString options = manSection(mMan, QStringLiteral(".SH OPTIONS"));
    const QString section = command.isEmpty() ? options : manSection(mMan, QStringLiteral(".SS ") + command);
    QVERIFY(!section.isEmpty());
    for (const Option &option : mHelp.value(command).options) {
        for (const QString &name : option.names) {
            // -h and --help are described once, for the program and its commands.
            const QString &where = name == QLatin1String("-h") || name == QLatin1String("--help") ? options : section;
            QVERIFY2(containsWord(where, name), qPrintable(QStringLiteral("%1 %2").arg(command, name)));
        }
        for (const QString &value : option.values)
            QVERIFY2(containsWord(section, value),
                     qPrintable(QStringLiteral("%1 %2 %3").arg(command, option.names.last(), value)));
    }
    // And the synopsis lists the same values (".BR text | json" in troff).
    const QString synopsis = manSection(mMan, QStringLiteral(".SH SYNOPSIS")).remove(QLatin1Char(' '));
    for (const Option &option : mHelp.value(command).options) {
        if (!option.values.isEmpty())
            QVERIFY2(synopsis.contains(option.values.join(QLatin1Char('|'))),
                     qPrintable(QStringLiteral("%1 %2").arg(command, option.values.join(QLatin1Char('|')))));
    }
}

void tst_CommandDocs::commandSummaryShouldMatchTheCommands()
{
    // The summary under "Commands" in `portolan --help` is written by hand too:
    // each option and value it names must be one the command accepts.
    const QString main = mHelp.value(QString()).text;
    static const QRegularExpression option(QStringLiteral("(-{1,2}[a-z][\\w-]*)(?: ([a-z-]+(?:\\|[a-z-]+)+))?"));
    for (const QString &command : std::as_const(mCommands)) {
        QString summary = main.section(QStringLiteral("\n  ") + command + QLatin1Char(' '), 1, 1);
        summary = summary.section(QStringLiteral("\n\n"), 0, 0);
        summary = summary.section(QRegularExpression(QStringLiteral("\n  [a-z]")), 0, 0);
        QVERIFY(!summary.isEmpty());
        const QList<Option> options = mHelp.value(command).options;
        for (auto it = option.globalMatch(summary); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const auto found = std::find_if(options.begin(), options.end(),
                                            [&](const Option &o) { return o.names.contains(m.captured(1)); });
            QVERIFY2(found != options.end(), qPrintable(command + QLatin1Char(' ') + m.captured(1)));
            for (const QString &value : m.captured(2).split(QLatin1Char('|'), Qt::SkipEmptyParts))
                QVERIFY2(found->values.contains(value), qPrintable(command + QLatin1Char(' ') + value));
        }
    }
}

QStringList tst_CommandDocs::complete(const QStringList &words) const
{
    // As bash calls it on Tab: COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT;
    // with bash-completion's helpers loaded when they are installed.
    QStringList quoted;
    for (const QString &w : words)
        quoted.append(QLatin1Char('\'') + w + QLatin1Char('\''));
    const QString line = words.join(QLatin1Char(' '));
    const QString script =
        QStringLiteral("[ -r /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion\n"
                       ". '" PORTOLAN_SOURCE_DIR "/data/completions/portolan.bash'\n"
                       "COMP_WORDS=(%1); COMP_CWORD=%2; COMP_LINE='%3'; COMP_POINT=%4\n"
                       "_portolan portolan '%5' '%6'\n"
                       "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
            .arg(quoted.join(QLatin1Char(' ')))
            .arg(words.size() - 1)
            .arg(line)
            .arg(line.size())
            .arg(words.last(), words.value(words.size() - 2));
    QProcess bash;
    bash.setWorkingDirectory(QStringLiteral(PORTOLAN_SOURCE_DIR));
    bash.start(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("--noprofile"), QStringLiteral("-c"), script});
    if (!bash.waitForFinished(20000))
        return {QStringLiteral("bash did not finish")};
    const QString err = QString::fromUtf8(bash.readAllStandardError());
    if (!err.isEmpty())
        qWarning("bash: %s", qPrintable(err));
    return QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void tst_CommandDocs::bashShouldCompleteEveryCommandAndOption_data()
{
    addCommands();
}

void tst_CommandDocs::bashShouldCompleteEveryCommandAndOption()
{
    QFETCH(QString, command);
    if (command.isEmpty()) {
        QStringList commands = complete({QStringLiteral("portolan"), QString()});
        QCOMPARE(commands.removeDuplicates(), 0);
        for (const QString &c : std::as_const(mCommands))
            QVERIFY2(commands.contains(c), qPrintable(c + QLatin1String(" not in ") + commands.join(QLatin1Char(' '))));
    }
    QStringList words{QStringLiteral("portolan")};
    if (!command.isEmpty())
        words.append(command);
    words.append(QStringLiteral("-"));
    QStringList offered = complete(words);
    QCOMPARE(offered.removeDuplicates(), 0);
    for (const Option &option : mHelp.value(command).options) {
        for (const QString &name : option.names)
            QVERIFY2(offered.contains(name), qPrintable(QStringLiteral("%1 %2 not in %3").arg(command, name, offered.join(QLatin1Char(' ')))));
    }
    QVERIFY(offered.contains(QStringLiteral("--lang")));
}

void tst_CommandDocs::bashShouldCompleteListedValues_data()
{
    addCommands();
}

void tst_CommandDocs::bashShouldCompleteListedValues()
{
    QFETCH(QString, command);
    int lists = 0;
    for (const Option &option : mHelp.value(command).options) {
        if (option.values.isEmpty())
            continue;
        ++lists;
        const QStringList offered = complete({QStringLiteral("portolan"), command, QStringLiteral("plan.portolan.json"),
                                              option.names.last(), QString()});
        QCOMPARE(offered, option.values);
    }
    // Every command but apply has one option with listed values (--format, --from or --to).
    QCOMPARE(lists, command.isEmpty() || command == QLatin1String("apply") ? 0 : 1);
}

QString tst_CommandDocs::zshSection(const QString &command) const
{
    const QString head = QStringLiteral("\n  %1)\n").arg(command.isEmpty() ? QStringLiteral("*") : command);
    const qsizetype start = mZsh.indexOf(head);
    return start < 0 ? QString() : mZsh.mid(start, mZsh.indexOf(QLatin1String(";;"), start) - start);
}

void tst_CommandDocs::zshShouldKnowEveryOption_data()
{
    addCommands();
}

void tst_CommandDocs::zshShouldKnowEveryOption()
{
    QFETCH(QString, command);
    QProcess zsh;
    zsh.start(QStringLiteral("zsh"), {QStringLiteral("-n"), QStringLiteral(PORTOLAN_SOURCE_DIR "/data/completions/_portolan")});
    QVERIFY2(zsh.waitForFinished(20000), "zsh did not run");
    QCOMPARE(zsh.exitCode(), 0);

    const QString section = zshSection(command);
    QVERIFY2(!section.isEmpty(), qPrintable(command));
    for (const Option &option : mHelp.value(command).options) {
        if (option.names.contains(QLatin1String("--lang")))
            continue; // below
        for (const QString &name : option.names) {
            // '--format=[…]', '*--host=[…]' (repeatable), {-o+,--output=}, {-h,--help}
            const QRegularExpression spelled(QStringLiteral("[{,'\"*]%1[=+\\[,}]").arg(QRegularExpression::escape(name)));
            QVERIFY2(spelled.match(section).hasMatch(), qPrintable(QStringLiteral("%1 %2").arg(command, name)));
        }
        if (!option.values.isEmpty())
            QVERIFY2(section.contains(QLatin1Char('(') + option.values.join(QLatin1Char(' ')) + QLatin1Char(')')),
                     qPrintable(QStringLiteral("%1 %2").arg(command, option.values.join(QLatin1Char(' ')))));
    }
    // --lang, for the program and every command, is spelled once.
    QVERIFY(mZsh.contains(QStringLiteral("local lang='--lang=[")));
    QVERIFY2(section.contains(QStringLiteral("\"$lang\"")), qPrintable(command));
    if (command.isEmpty()) {
        for (const QString &c : std::as_const(mCommands))
            QVERIFY2(mZsh.contains(QStringLiteral("'%1:").arg(c)), qPrintable(c));
    }
}

QTEST_GUILESS_MAIN(tst_CommandDocs)
#include "tst_commanddocs.moc"
