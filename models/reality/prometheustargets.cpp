#include "prometheustargets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

namespace Portolan {

PrometheusClient::PrometheusClient(QObject *parent)
    : QObject(parent)
    , mNetwork(new QNetworkAccessManager(this))
    , mDeadline(new QTimer(this))
{
    mNetwork->setProxy(QNetworkProxy::NoProxy);
    mDeadline->setSingleShot(true);
    mDeadline->setTimerType(Qt::PreciseTimer);
    connect(mDeadline, &QTimer::timeout, this, [this] {
        if (mReply)
            fail(tr("no complete answer within %1 ms").arg(mTimeoutMs));
    });
}

PrometheusClient::~PrometheusClient()
{
    cancel();
}

QUrl PrometheusClient::targetsUrl(const QUrl &baseUrl, QString *error)
{
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (baseUrl.scheme() != QLatin1String("http") && baseUrl.scheme() != QLatin1String("https"))) {
        *error = tr("\"%1\" is not an http(s) URL of a Prometheus server.").arg(baseUrl.toString());
        return {};
    }
    QUrl url = baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1String("/api/v1/targets"))) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        path += QLatin1String("/api/v1/targets");
    }
    url.setPath(path);
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("state")))
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("active"));
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

bool PrometheusClient::fetch(const QUrl &baseUrl, QString *error)
{
    cancel();
    const QUrl url = targetsUrl(baseUrl, error);
    if (!url.isValid())
        return false;
    QNetworkRequest request(url);
    // Stay on the server the user named.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(mTimeoutMs);
    mBody.clear();
    mReply = mNetwork->get(request);
    mReply->setReadBufferSize(256 * 1024);
    connect(mReply, &QNetworkReply::finished, this, &PrometheusClient::onFinished);
    connect(mReply, &QIODevice::readyRead, this, &PrometheusClient::onData);
    mDeadline->start(mTimeoutMs);
    return true;
}

// Collects the answer as it comes, so its size is known before it is all in memory.
void PrometheusClient::onData()
{
    if (!mReply)
        return;
    mBody += mReply->readAll();
    if (mBody.size() > mMaxBodyBytes)
        fail(tr("the answer is larger than %1 MB").arg(mMaxBodyBytes >> 20));
}

void PrometheusClient::fail(const QString &reason)
{
    const QString url = mReply->url().toDisplayString();
    cancel();
    mBody.clear();
    emit finished({}, tr("Prometheus at %1: %2").arg(url, reason));
}

void PrometheusClient::cancel()
{
    if (!mReply)
        return;
    mDeadline->stop();
    QNetworkReply *reply = std::exchange(mReply, nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void PrometheusClient::onFinished()
{
    onData();
    if (!mReply)
        return; // too large: already reported
    mDeadline->stop();
    QNetworkReply *reply = std::exchange(mReply, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError && status == 0) {
        // The transfer timeout, which fires with the same deadline.
        emit finished({}, tr("Prometheus at %1: %2")
                              .arg(reply->url().toDisplayString(), tr("no complete answer within %1 ms").arg(mTimeoutMs)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        emit finished({}, tr("Prometheus at %1: %2").arg(reply->url().toDisplayString(), reply->errorString()));
        return;
    }
    if (status != 200) {
        emit finished({}, tr("Prometheus at %1 answered HTTP %2.").arg(reply->url().toDisplayString()).arg(status));
        return;
    }
    QString error;
    const std::optional<QList<PrometheusTarget>> targets = parseTargets(std::exchange(mBody, {}), &error);
    if (!targets) {
        emit finished({}, tr("Prometheus at %1: %2").arg(reply->url().toDisplayString(), error));
        return;
    }
    emit finished(*targets, QString());
}

std::optional<QList<PrometheusTarget>> PrometheusClient::parseTargets(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? tr("the answer is not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset)
            : tr("the answer is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success")) {
        const QString reason = root.value(QLatin1String("error")).toString();
        *error = reason.isEmpty() ? tr("the answer does not report success") : reason;
        return std::nullopt;
    }
    const QJsonValue active = root.value(QLatin1String("data")).toObject().value(QLatin1String("activeTargets"));
    if (!active.isArray()) {
        *error = tr("the answer has no data.activeTargets list");
        return std::nullopt;
    }
    QList<PrometheusTarget> targets;
    for (const QJsonValue &value : active.toArray()) {
        const QJsonObject o = value.toObject();
        const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
        PrometheusTarget t;
        t.job = labels.value(QLatin1String("job")).toString(o.value(QLatin1String("scrapePool")).toString());
        t.instance = labels.value(QLatin1String("instance")).toString();
        t.scrapeUrl = o.value(QLatin1String("scrapeUrl")).toString();
        if (!targetHealthFromString(o.value(QLatin1String("health")).toString(), &t.health))
            t.health = TargetHealth::Unknown;
        t.lastError = o.value(QLatin1String("lastError")).toString();
        const QDateTime scraped = QDateTime::fromString(o.value(QLatin1String("lastScrape")).toString(), Qt::ISODateWithMs);
        // Prometheus reports 0001-01-01 for a target it has not scraped yet.
        if (scraped.isValid() && scraped.date().year() > 1)
            t.lastScrape = scraped;
        targets.append(t);
    }
    return targets;
}

namespace {

struct Endpoint
{
    QString host;
    int port = 0;
};

Endpoint endpointOf(const PrometheusTarget &t)
{
    // The scrape URL is where Prometheus really connects; the instance label
    // may have been relabelled (e.g. to a host name without a port).
    const QUrl url(t.scrapeUrl);
    if (url.isValid() && !url.host().isEmpty() && url.port() > 0)
        return {url.host().toLower(), url.port()};
    const QUrl instance(QStringLiteral("//") + t.instance);
    return {instance.host().toLower(), instance.port()};
}

bool hasPort(const Service &s, int port)
{
    return port > 0
        && (s.metrics.port == port || s.containerPort == port || s.actualPort == port || s.plannedPort == port);
}

bool namesService(const Service &s, const QString &host)
{
    if (host.compare(s.name, Qt::CaseInsensitive) == 0 || host.compare(s.id, Qt::CaseInsensitive) == 0)
        return true;
    for (const QString &alias : s.aliases) {
        if (host.compare(alias, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool namesHost(const Host *h, const QString &host)
{
    if (!h)
        return false;
    return (!h->address.isEmpty() && host.compare(h->address, Qt::CaseInsensitive) == 0)
        || host.compare(h->id, Qt::CaseInsensitive) == 0;
}

} // namespace

void PrometheusClient::matchTargets(const Schema &schema, QList<PrometheusTarget> &targets)
{
    for (PrometheusTarget &t : targets) {
        const Endpoint e = endpointOf(t);
        int bestScore = 0;
        const Service *best = nullptr;
        for (const Service &s : schema.services) {
            int score = 0;
            if (!s.metrics.job.isEmpty() && s.metrics.job == t.job)
                score = 3;
            else if (namesService(s, e.host) && hasPort(s, e.port))
                score = 2;
            else if (namesHost(schema.host(s.hostId), e.host) && hasPort(s, e.port))
                score = 1;
            if (score == 0)
                continue;
            // Prefer services that declare metrics when two match equally.
            if (score > bestScore || (score == bestScore && best && !best->metrics.enabled && s.metrics.enabled)) {
                bestScore = score;
                best = &s;
            }
        }
        t.serviceId = best ? best->id : QString();
    }
}

} // namespace Portolan
