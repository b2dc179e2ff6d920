#pragma once

#include <QElapsedTimer>
#include <QString>

namespace Portolan {

// What a long command is doing, for a person at a terminal: one line on
// standard error, rewritten in place at each step and erased when the
// command ends. Standard output stays the command's result alone. A step
// that starts within the first 300 ms is not shown, so a quick run prints
// nothing; neither does a run whose standard error is not a terminal.
// PORTOLAN_PROGRESS=1 shows every step, from the first, wherever standard
// error goes; PORTOLAN_PROGRESS=0 shows none.
class CliProgress
{
public:
    explicit CliProgress(const QString &command);
    ~CliProgress();
    CliProgress(const CliProgress &) = delete;
    CliProgress &operator=(const CliProgress &) = delete;

    // "reading plan.portolan.json": shown as "portolan check: reading plan.portolan.json…".
    void step(const QString &what);
    // Erases the line, before the command writes to standard error itself.
    void clear();

private:
    QString mCommand;
    QElapsedTimer mClock;
    qint64 mQuietMs = 0;
    bool mEnabled = false;
    bool mShown = false;
};

} // namespace Portolan
