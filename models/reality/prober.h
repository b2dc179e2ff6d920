#pragma once

#include "observation.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QTimer;

namespace Portolan {

class ProbeAttempt;

// TCP connects to a list of targets, a bounded number at a time, each with its
// own timeout (QTcpSocket has none), then an optional HTTP GET of a health path.
// Entirely asynchronous: results arrive through signals on the caller's thread.
class Prober : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 1500;
    static constexpr int DefaultConcurrency = 32;
    static constexpr int MaxConcurrency = 256;   // each attempt holds a file descriptor
    static constexpr int MaxAttempts = 70000;    // one run never sweeps more than a host's ports
    static constexpr int MinTimeoutMs = 10;
    static constexpr int MaxTimeoutMs = 60000;
    // A health answer is read and dropped; one larger than this is not a health check.
    static constexpr qint64 MaxHealthBodyBytes = 1 << 20;

    explicit Prober(QObject *parent = nullptr);
    ~Prober() override;

    int timeout() const { return mTimeoutMs; }
    void setTimeout(int milliseconds); // clamped to MinTimeoutMs..MaxTimeoutMs
    // Every attempt ends within two timeouts (connect, then the whole health
    // answer); a run ends within its deadline, by default the time its
    // attempts can take at the concurrency, plus one timeout.
    int runDeadline() const;
    void setRunDeadline(int milliseconds); // 0: the default
    int concurrency() const { return mConcurrency; }
    void setConcurrency(int attempts); // clamped to 1..MaxConcurrency

    // Starts probing; false with a reason (too many targets, already running).
    bool start(const QList<ProbeTarget> &targets, QString *error = nullptr);
    // Stops at once: open attempts are aborted, queued ones never start.
    void cancel();

    bool isRunning() const { return mRunning; }
    int totalCount() const { return int(mTargets.size()); }
    int finishedCount() const { return mFinished; }
    int listeningCount() const { return mListening; }

    // True for an IP literal or a syntactically valid DNS name.
    static bool isValidAddress(const QString &address);

signals:
    void resultReady(const Portolan::ProbeResult &result);
    void progress(int finished, int total);
    void finished(bool cancelled);

private:
    friend class ProbeAttempt;
    void fill();
    void startAttempt(int index);
    void complete(ProbeAttempt *attempt, const ProbeResult &result);
    void onRunDeadline();
    QNetworkAccessManager *network();

    QList<ProbeTarget> mTargets;
    QList<ProbeAttempt *> mActive;
    QNetworkAccessManager *mNetwork = nullptr;
    QTimer *mRunTimer = nullptr;
    int mRunDeadlineMs = 0;
    int mTimeoutMs = DefaultTimeoutMs;
    int mConcurrency = DefaultConcurrency;
    int mNext = 0;
    int mFinished = 0;
    int mListening = 0;
    bool mRunning = false;
    bool mFilling = false; // an attempt may fail inside connectToHost(); no recursion then
};

} // namespace Portolan
