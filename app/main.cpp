#include "commandline.h"
#include "gridpicture.h"
#include "heap.h"
#include "jsonformat.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cerrno>
#include <cstdio>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace Portolan;

namespace {

// The desktop entry, AppStream id and icon share this name (data/).
const char desktopId[] = "io.github.portolan.Portolan";

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
    // Compiled into the binary, so an installed portolan finds them wherever its prefix is.
    // English, the messages' own language, has a file too: its plural forms
    // ("1 error", "2 errors"). It is also what the C locale of CI and
    // containers gets, instead of "2 error(s)".
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("portolan"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("portolan_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

void setApplicationMetadata()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
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

bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

// The options of the editor itself (not of the subcommands). Texts are
// translated when this is built, so build it once the translators are in.
struct WindowOptions
{
    explicit WindowOptions(QCommandLineParser &parser);

    QCommandLineOption version;
    QCommandLineOption screenshot;
    QCommandLineOption gridLayer;
    QCommandLineOption lang;
};

WindowOptions::WindowOptions(QCommandLineParser &parser)
    : version({QStringLiteral("v"), QStringLiteral("version")},
              QCoreApplication::translate("Portolan::CommandLine", "Show the version and exit."))
    , screenshot(QStringLiteral("screenshot"),
                 QCoreApplication::translate("Portolan::CommandLine",
                                             "Render the main window (1400×900) to a PNG and exit."),
                 QCoreApplication::translate("Portolan::CommandLine", "OUT.png"))
    , gridLayer(QStringLiteral("grid-layer"),
                QCoreApplication::translate("Portolan::CommandLine",
                                            "Show the range grid with this layer: \"plan\" or a host id."),
                QCoreApplication::translate("Portolan::CommandLine", "LAYER"))
    , lang(QStringLiteral("lang"),
           QCoreApplication::translate("Portolan::CommandLine", "Use this language instead of the system's (e.g. de, en)."),
           QCoreApplication::translate("Portolan::CommandLine", "LANG"))
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "Portolan::CommandLine",
        "Portolan, an editor for port schemas.\n\n"
        "Commands (run without a window; \"portolan COMMAND --help\" for their options):\n"
        "  check FILE... [--format text|json|github|sarif] [--host ID] [--no-refresh]\n"
        "  import INPUT --from markdown|compose|prometheus [--host ID] [--into FILE] -o OUT\n"
        "  export FILE --to markdown|compose|prometheus|file-sd|env|png|svg [--host ID] [-o OUT] [--set KEY=VALUE]\n"
        "  diff OLD NEW [--format text|json|markdown]\n"
        "  probe FILE [--host ID] [--range FIRST-LAST] [--timeout MS] [--concurrency N] [--health PATH]\n"
        "        [--prometheus URL] [--format text|json]\n"
        "  moves FILE [--format text|json]\n"
        "  apply FILE [--move ID...|--all] [--patch OUT|--write]\n\n"
        "Exit status: 0 fine, 1 check or probe found a problem or apply left a manual step, 2 bad usage or\n"
        "unreadable input."));
    addHelpOption(parser);
    parser.addOption(version);
    parser.addOption(screenshot);
    parser.addOption(gridLayer);
    parser.addOption(lang);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("Portolan::CommandLine",
                                                             "The schema to open (default: the built-in sample)."),
                                 QStringLiteral("[FILE]"));
}

bool wantsWindow(const QCommandLineParser &parser)
{
    return !parser.isSet(QStringLiteral("help")) && !parser.isSet(QStringLiteral("version"))
        && parser.positionalArguments().size() <= 1;
}

// --help, --version and bad usage: answered without a window or a display.
int answerWithoutWindow(const QStringList &arguments)
{
    QCommandLineParser parser;
    WindowOptions options(parser);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << QStringLiteral("portolan: %1").arg(parser.errorText()) << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("portolan"));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QStringLiteral("portolan %1").arg(QCoreApplication::applicationVersion()) << Qt::endl;
        return 0;
    }
    err << QCoreApplication::translate("Portolan::CommandLine", "portolan: unknown command \"%1\" (try --help)")
               .arg(parser.positionalArguments().first())
        << Qt::endl;
    return 2;
}

int runCommand(int argc, char *argv[], const QStringList &arguments, const QString &language)
{
    const QString name = arguments.at(1);
    const QStringList rest = arguments.mid(2);
    // Only pictures need fonts and a paint device, hence a GUI application;
    // the offscreen platform keeps them independent of any display (a
    // QT_QPA_PLATFORM=xcb left in a CI environment included).
    std::unique_ptr<QCoreApplication> app;
    if (subcommandPaints(name, rest)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    setApplicationMetadata();
    installTranslators(*app, language);
    // Without a GUI application the picture formats are still listed, for
    // --help and error messages.
    registerGridPictureFormats();
    return runSubcommand(name, rest);
}

} // namespace

int main(int argc, char *argv[])
{
    tuneHeapForLargeDocuments();
    ensureRuntimeDirectory();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const QString language = languageFromArguments(&arguments);

    if (arguments.size() > 1 && isSubcommand(arguments.at(1))) {
        allowHugePages(true);
        return runCommand(argc, argv, arguments, language);
    }

    // Decide on the application object before creating it: only the window
    // and --screenshot need widgets.
    bool screenshot = false;
    {
        QCommandLineParser parser;
        const WindowOptions options(parser);
        const bool parsed = parser.parse(arguments);
        if (!parsed || !wantsWindow(parser)) {
            QCoreApplication app(argc, argv);
            setApplicationMetadata();
            installTranslators(app, language);
            return answerWithoutWindow(arguments);
        }
        screenshot = parser.isSet(options.screenshot);
    }
    // A screenshot is rendered offscreen unless a platform is asked for.
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!hasDisplay()) {
        QCoreApplication app(argc, argv);
        setApplicationMetadata();
        installTranslators(app, language);
        QTextStream(stderr) << QCoreApplication::translate(
            "Portolan::CommandLine",
            "portolan: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Commands such as \"portolan check FILE\" and --screenshot need none; see \"portolan --help\".")
                            << Qt::endl;
        return 2;
    }

    QApplication app(argc, argv);
    setApplicationMetadata();
    QGuiApplication::setDesktopFileName(QLatin1String(desktopId));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QLatin1String(desktopId), QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(desktopId)))));
    // --lang wins over Tools > Language, which wins over the system's locale.
    installTranslators(app, language.isEmpty() ? QSettings().value(QStringLiteral("language")).toString() : language);
    registerGridPictureFormats();

    QCommandLineParser parser;
    const WindowOptions options(parser);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << QStringLiteral("portolan: %1").arg(parser.errorText()) << Qt::endl;
        return 2;
    }
    const QStringList positional = parser.positionalArguments();

    MainWindow window;
    if (positional.isEmpty()) {
        window.openUntitled(builtInLinkedSample());
    } else {
        QString error;
        if (!window.openFile(positional.first(), &error)) {
            err << QStringLiteral("portolan: %1").arg(error) << Qt::endl;
            return 2;
        }
    }

    if (parser.isSet(options.gridLayer)) {
        const QString layer = parser.value(options.gridLayer);
        if (!window.showGrid(layer == QLatin1String("plan") ? QString() : layer)) {
            err << QCoreApplication::translate("Portolan::CommandLine", "portolan: the schema has no host \"%1\"")
                       .arg(layer)
                << Qt::endl;
            return 2;
        }
    }

    if (parser.isSet(options.screenshot)) {
        window.resize(1400, 900);
        window.show();
        QCoreApplication::processEvents();
        const QString out = parser.value(options.screenshot);
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
