#include "prober.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <limits>
#include <utility>

namespace Portolan {

// One target in flight: its socket, its timer, then perhaps its HTTP reply.
class ProbeAttempt : public QObject
{
public:
    ProbeAttempt(Prober *prober, const ProbeTarget &target)
        : QObject(prober)
        , mProber(prober)
        , mSocket(new QTcpSocket(this))
        , mTimer(new QTimer(this))
    {
        mResult.target = target;
        mSocket->setProxy(QNetworkProxy::NoProxy);
        mTimer->setSingleShot(true);
        // Coarse timers may fire 5 % late; the time bound of a sweep is a promise.
        mTimer->setTimerType(Qt::PreciseTimer);
        connect(mTimer, &QTimer::timeout, this, &ProbeAttempt::onTimeout);
        connect(mSocket, &QAbstractSocket::connected, this, &ProbeAttempt::onConnected);
        connect(mSocket, &QAbstractSocket::errorOccurred, this, &ProbeAttempt::onSocketError);
    }

    void start()
    {
        mClock.start();
        if (!Prober::isValidAddress(mResult.target.address)) {
            // Never hand a malformed name to the resolver.
            finish(ProbeState::HostNotFound, Prober::tr("\"%1\" is not a valid address").arg(mResult.target.address));
            return;
        }
        mTimer->start(mProber->timeout());
        mSocket->connectToHost(mResult.target.address, quint16(mResult.target.port));
    }

    // Ends now as timed out by the run's deadline, with a result.
    void expire(int runDeadlineMs)
    {
        if (mDone)
            return;
        const QString message = Prober::tr("the run's deadline of %1 ms passed").arg(runDeadlineMs);
        if (mReply) {
            mReply->disconnect(this);
            mReply->abort();
            mReply->deleteLater();
            mReply = nullptr;
            mResult.health.error = message;
            finish();
            return;
        }
        mSocket->disconnect(this);
        mSocket->abort();
        finish(ProbeState::TimedOut, message);
    }

    // Stops without a result (cancel); safe to call at any point.
    void abort()
    {
        if (mDone)
            return;
        mDone = true;
        mTimer->stop();
        mSocket->disconnect(this);
        mSocket->abort();
        if (mReply) {
            mReply->disconnect(this);
            mReply->abort();
        }
    }

private:
    void onConnected()
    {
        if (mDone)
            return;
        mTimer->stop();
        mResult.state = ProbeState::Listening;
        mResult.latencyMs = int(mClock.elapsed());
        mSocket->disconnect(this);
        mSocket->abort();
        if (mResult.target.healthPath.isEmpty())
            finish();
        else
            startHealthCheck();
    }

    void onSocketError(QAbstractSocket::SocketError error)
    {
        if (mDone)
            return;
        ProbeState state = ProbeState::Failed;
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError: state = ProbeState::Refused; break;
        case QAbstractSocket::HostNotFoundError: state = ProbeState::HostNotFound; break;
        case QAbstractSocket::SocketTimeoutError: state = ProbeState::TimedOut; break;
        case QAbstractSocket::NetworkError: state = ProbeState::Unreachable; break;
        default: break;
        }
        finish(state, mSocket->errorString());
    }

    void onTimeout()
    {
        if (mDone)
            return;
        if (mReply) {
            // The whole answer is due within the timeout, not just some byte:
            // a server trickling one byte at a time never trips an inactivity timeout.
            failHealth(Prober::tr("no complete HTTP answer within %1 ms").arg(mProber->timeout()));
            return;
        }
        mSocket->disconnect(this);
        mSocket->abort();
        finish(ProbeState::TimedOut, Prober::tr("no answer within %1 ms").arg(mProber->timeout()));
    }

    void startHealthCheck()
    {
        QString path = mResult.target.healthPath;
        if (!path.startsWith(QLatin1Char('/')))
            path.prepend(QLatin1Char('/'));
        const QUrl relative(path);
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(mResult.target.address);
        url.setPort(mResult.target.port);
        url.setPath(relative.path());
        url.setQuery(relative.query());
        QNetworkRequest request(url);
        // A redirect could lead anywhere; only the document's hosts are probed.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setTransferTimeout(mProber->timeout());
        mResult.health.checked = true;
        mHealthClock.start();
        mReply = mProber->network()->get(request);
        mReply->setReadBufferSize(64 * 1024);
        connect(mReply, &QNetworkReply::finished, this, &ProbeAttempt::onReplyFinished);
        connect(mReply, &QIODevice::readyRead, this, &ProbeAttempt::onReplyData);
        mTimer->start(mProber->timeout());
    }

    // The body is not needed, only its size: read and dropped as it comes.
    void onReplyData()
    {
        if (mDone || !mReply)
            return;
        char buffer[16 * 1024];
        qint64 n = 0;
        while ((n = mReply->read(buffer, sizeof buffer)) > 0)
            mBodyBytes += n;
        if (mBodyBytes > Prober::MaxHealthBodyBytes)
            failHealth(Prober::tr("the answer is larger than %1 KB").arg(Prober::MaxHealthBodyBytes / 1024));
    }

    void failHealth(const QString &error)
    {
        HealthResult &health = mResult.health;
        health.latencyMs = int(mHealthClock.elapsed());
        health.httpStatus = 0;
        health.error = error;
        mReply->disconnect(this);
        mReply->abort();
        mReply->deleteLater();
        mReply = nullptr;
        finish();
    }

    void onReplyFinished()
    {
        if (mDone)
            return;
        HealthResult &health = mResult.health;
        health.latencyMs = int(mHealthClock.elapsed());
        health.httpStatus = mReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (health.httpStatus == 0) {
            health.error = mReply->error() == QNetworkReply::OperationCanceledError
                ? Prober::tr("no complete HTTP answer within %1 ms").arg(mProber->timeout())
                : mReply->errorString();
        }
        mReply->disconnect(this);
        mReply->deleteLater();
        mReply = nullptr;
        finish();
    }

    void finish(ProbeState state, const QString &error)
    {
        mResult.state = state;
        mResult.latencyMs = int(mClock.elapsed());
        mResult.error = error;
        finish();
    }

    void finish()
    {
        mDone = true;
        mTimer->stop();
        mProber->complete(this, mResult);
    }

    Prober *mProber;
    QTcpSocket *mSocket;
    QTimer *mTimer;
    QNetworkReply *mReply = nullptr;
    qint64 mBodyBytes = 0;
    QElapsedTimer mClock;
    QElapsedTimer mHealthClock;
    ProbeResult mResult;
    bool mDone = false;
};

Prober::Prober(QObject *parent)
    : QObject(parent)
    , mRunTimer(new QTimer(this))
{
    qRegisterMetaType<Portolan::ProbeResult>();
    mRunTimer->setSingleShot(true);
    mRunTimer->setTimerType(Qt::PreciseTimer);
    connect(mRunTimer, &QTimer::timeout, this, &Prober::onRunDeadline);
}

int Prober::runDeadline() const
{
    if (mRunDeadlineMs > 0)
        return mRunDeadlineMs;
    const qint64 rounds = (qMax<qint64>(1, mTargets.size()) + mConcurrency - 1) / mConcurrency;
    return int(qMin<qint64>((2 * rounds + 1) * mTimeoutMs, std::numeric_limits<int>::max()));
}

void Prober::setRunDeadline(int milliseconds)
{
    mRunDeadlineMs = qMax(0, milliseconds);
}

void Prober::onRunDeadline()
{
    if (!mRunning)
        return;
    const int deadline = runDeadline();
    // Queued targets end unprobed; attempts in flight end as timed out.
    mFilling = true; // complete() must not start queued attempts now
    const QList<ProbeAttempt *> active = mActive;
    for (ProbeAttempt *attempt : active) {
        if (!mRunning)
            break;
        attempt->expire(deadline);
    }
    while (mRunning && mNext < mTargets.size()) {
        ProbeResult result;
        result.target = mTargets.at(mNext++);
        result.state = ProbeState::NotProbed;
        result.error = tr("not probed: the run's deadline of %1 ms passed").arg(deadline);
        ++mFinished;
        emit resultReady(result);
    }
    mFilling = false;
    if (mRunning) {
        emit progress(mFinished, totalCount());
        mRunning = false;
        emit finished(false);
    }
}

Prober::~Prober()
{
    for (ProbeAttempt *attempt : std::as_const(mActive))
        attempt->abort();
}

void Prober::setTimeout(int milliseconds)
{
    mTimeoutMs = qBound(MinTimeoutMs, milliseconds, MaxTimeoutMs);
}

void Prober::setConcurrency(int attempts)
{
    mConcurrency = qBound(1, attempts, MaxConcurrency);
}

bool Prober::isValidAddress(const QString &address)
{
    if (QHostAddress(address).protocol() != QAbstractSocket::UnknownNetworkLayerProtocol)
        return true;
    static const QRegularExpression name(QStringLiteral(
        "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    return name.match(address).hasMatch();
}

QNetworkAccessManager *Prober::network()
{
    if (!mNetwork) {
        mNetwork = new QNetworkAccessManager(this);
        mNetwork->setProxy(QNetworkProxy::NoProxy);
    }
    return mNetwork;
}

bool Prober::start(const QList<ProbeTarget> &targets, QString *error)
{
    if (mRunning) {
        if (error)
            *error = tr("A probe is already running.");
        return false;
    }
    if (targets.size() > MaxAttempts) {
        if (error)
            *error = tr("%1 connection attempts requested; at most %2 are allowed per run.")
                         .arg(targets.size())
                         .arg(MaxAttempts);
        return false;
    }
    mTargets = targets;
    mNext = 0;
    mFinished = 0;
    mListening = 0;
    mRunning = true;
    mRunTimer->start(runDeadline());
    emit progress(0, totalCount());
    // Start from the event loop, so that callers can connect and show progress first.
    QMetaObject::invokeMethod(this, &Prober::fill, Qt::QueuedConnection);
    return true;
}

void Prober::cancel()
{
    if (!mRunning)
        return;
    mRunning = false;
    mRunTimer->stop();
    const QList<ProbeAttempt *> active = std::exchange(mActive, {});
    for (ProbeAttempt *attempt : active) {
        attempt->abort();
        attempt->deleteLater();
    }
    emit finished(true);
}

void Prober::fill()
{
    if (mFilling || !mRunning)
        return;
    mFilling = true;
    while (mRunning && mActive.size() < mConcurrency && mNext < mTargets.size())
        startAttempt(mNext++);
    mFilling = false;
    if (mRunning && mFinished == mTargets.size()) {
        mRunning = false;
        mRunTimer->stop();
        emit finished(false);
    }
}

void Prober::startAttempt(int index)
{
    auto *attempt = new ProbeAttempt(this, mTargets.at(index));
    mActive.append(attempt);
    attempt->start();
}

void Prober::complete(ProbeAttempt *attempt, const ProbeResult &result)
{
    mActive.removeOne(attempt);
    attempt->deleteLater();
    ++mFinished;
    if (result.state == ProbeState::Listening)
        ++mListening;
    emit resultReady(result);
    if (!mRunning) // a slot cancelled
        return;
    emit progress(mFinished, totalCount());
    fill();
}

} // namespace Portolan
