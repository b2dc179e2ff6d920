#include "cliprogress.h"

#include <QtGlobal>

#include <algorithm>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace Portolan {

static constexpr qint64 QuietMs = 300;

CliProgress::CliProgress(const QString &command)
    : mCommand(command)
{
    const QByteArray forced = qgetenv("PORTOLAN_PROGRESS");
    mEnabled = forced.isEmpty() ? isatty(fileno(stderr)) == 1 : forced != "0";
    mQuietMs = forced == "1" ? 0 : QuietMs;
    mClock.start();
}

CliProgress::~CliProgress()
{
    clear();
}

void CliProgress::step(const QString &what)
{
    if (!mEnabled || mClock.elapsed() < mQuietMs)
        return;
    // \r to the line's start, the text, then erase what a longer one left.
    // A line wider than the terminal would wrap, and \r would not return to
    // its start: a long file name is cut in the middle.
    QString text = QStringLiteral("portolan %1: %2…").arg(mCommand, what);
    winsize size{};
    const int columns = ioctl(fileno(stderr), TIOCGWINSZ, &size) == 0 ? size.ws_col : 0; // 0: not a terminal
    if (columns > 0 && text.size() > columns - 1) {
        const qsizetype keep = std::max<qsizetype>(8, columns - 2);
        text = text.left(keep / 2) + QChar(0x2026) + text.right(keep - keep / 2);
    }
    const QByteArray line = "\r" + text.toLocal8Bit() + "\033[K";
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    mShown = true;
}

void CliProgress::clear()
{
    if (!mShown)
        return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    mShown = false;
}

} // namespace Portolan
