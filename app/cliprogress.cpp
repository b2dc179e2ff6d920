#include "cliprogress.h"

#include <QtGlobal>

#include <cstdio>
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
    const QByteArray line = "\r" + QStringLiteral("portolan %1: %2…").arg(mCommand, what).toLocal8Bit() + "\033[K";
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
