#include "commandline.h"
#include "gridpicture.h"
#include "jsonformat.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cerrno>
#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

using namespace Portolan;

namespace {

// --lang applies to every mode, so it is read before any parser runs.
QString languageFromArguments(QStringList *arguments)
{
    for (int i = 1; i < arguments->size(); ++i) {
        const QString &a = arguments->at(i);
        if (a.startsWith(QLatin1String("--lang="))) {
            const QString lang = a.mid(7);
            arguments->removeAt(i);
            return lang;
        }
        if (a == QLatin1String("--lang") && i + 1 < arguments->size()) {
            const QString lang = arguments->at(i + 1);
            arguments->remove(i, 2);
            return lang;
        }
    }
    return {};
}

void installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("portolan"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

// Without a session (CI, ssh, a container) Qt falls back to a runtime
// directory of its own and says so on stderr, in the middle of `check` output;
// make the same fallback quietly.
void ensureRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(uint(::getuid()));
    if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
        qputenv("XDG_RUNTIME_DIR", dir);
}

} // namespace

int main(int argc, char *argv[])
{
    ensureRuntimeDirectory();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString language = languageFromArguments(&arguments);

    if (arguments.size() > 1 && isSubcommand(arguments.at(1))) {
        // Pictures are rendered with QPainter, which needs a GUI application;
        // offscreen keeps the command line usable without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("Portolan"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
        installTranslators(app, language);
        registerGridPictureFormats();
        return runSubcommand(arguments.at(1), arguments.mid(2));
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("portolan"));
    // --lang wins over Tools > Language, which wins over the system's locale.
    installTranslators(app, language.isEmpty() ? QSettings().value(QStringLiteral("language")).toString() : language);
    registerGridPictureFormats();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Portolan::CommandLine",
        "Portolan, an editor for port schemas.\n\n"
        "Commands (run without a window):\n"
        "  check FILE [--format text|json|github]\n"
        "  import INPUT --from markdown|compose|prometheus [--host ID] [--into FILE] -o OUT\n"
        "  export FILE --to markdown|compose|prometheus|file-sd|env|png|svg [--host ID] [-o OUT]\n"
        "  diff OLD NEW [--format text|json|markdown]\n"
        "  probe FILE [--host ID] [--range FIRST-LAST] [--timeout MS] [--concurrency N] [--health PATH]\n"
        "        [--prometheus URL] [--format text|json]"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("Portolan::CommandLine", "Render the main window (1400×900) to a PNG and exit."),
        QCoreApplication::translate("Portolan::CommandLine", "OUT.png"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("Portolan::CommandLine", "Use this language instead of the system's (e.g. de, en)."),
        QCoreApplication::translate("Portolan::CommandLine", "LANG"));
    const QCommandLineOption gridOption(
        QStringLiteral("grid-layer"),
        QCoreApplication::translate("Portolan::CommandLine",
                                    "Show the range grid with this layer: \"plan\" or a host id."),
        QCoreApplication::translate("Portolan::CommandLine", "LAYER"));
    parser.addOption(screenshotOption);
    parser.addOption(gridOption);
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("Portolan::CommandLine",
                                                             "The schema to open (default: the built-in sample)."),
                                 QStringLiteral("[FILE]"));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << QStringLiteral("portolan: %1").arg(parser.errorText()) << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QStringLiteral("portolan %1").arg(QCoreApplication::applicationVersion()) << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        err << QCoreApplication::translate("Portolan::CommandLine",
                                           "portolan: unknown command \"%1\" (try --help)")
                   .arg(positional.first())
            << Qt::endl;
        return 2;
    }

    MainWindow window;
    if (positional.isEmpty()) {
        window.openUntitled(builtInSample());
    } else {
        QString error;
        if (!window.openFile(positional.first(), &error)) {
            err << QStringLiteral("portolan: %1").arg(error) << Qt::endl;
            return 2;
        }
    }

    if (parser.isSet(gridOption)) {
        const QString layer = parser.value(gridOption);
        if (!window.showGrid(layer == QLatin1String("plan") ? QString() : layer)) {
            err << QCoreApplication::translate("Portolan::CommandLine", "portolan: the schema has no host \"%1\"")
                       .arg(layer)
                << Qt::endl;
            return 2;
        }
    }

    if (parser.isSet(screenshotOption)) {
        window.resize(1400, 900);
        window.show();
        QCoreApplication::processEvents();
        const QString out = parser.value(screenshotOption);
        if (!window.grab().save(out, "PNG")) {
            err << QCoreApplication::translate("Portolan::CommandLine", "portolan: cannot write %1").arg(out)
                << Qt::endl;
            return 2;
        }
        return 0;
    }

    window.show();
    // Once the window is up: what a crash left behind is offered first.
    QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
    return app.exec();
}
