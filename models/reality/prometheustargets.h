#pragma once

#include "observation.h"
#include "schema.h"

#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Portolan {

// Reads a Prometheus server's /api/v1/targets and ties each target to the
// service it scrapes.
class PrometheusClient : public QObject
{
    Q_OBJECT

public:
    explicit PrometheusClient(QObject *parent = nullptr);
    ~PrometheusClient() override;

    // The whole answer is due within the timeout (not only the next byte).
    void setTimeout(int milliseconds) { mTimeoutMs = milliseconds; }
    // A larger answer is refused: the targets of a big server are a few MB.
    static constexpr qint64 DefaultMaxBodyBytes = 64LL << 20;
    void setMaxBodySize(qint64 bytes) { mMaxBodyBytes = bytes; }

    // The targets endpoint of a server's base URL ("http://127.0.0.1:9090",
    // also below a path prefix); invalid with a reason for anything but http(s).
    static QUrl targetsUrl(const QUrl &baseUrl, QString *error);

    // Starts one GET; false with a reason when the URL is unusable.
    bool fetch(const QUrl &baseUrl, QString *error);
    void cancel();
    bool isRunning() const { return mReply != nullptr; }

    static std::optional<QList<PrometheusTarget>> parseTargets(const QByteArray &json, QString *error);
    // Sets serviceId of every target that scrapes a service of the schema:
    // by the service's metrics job, else its name or alias and one of its
    // ports, else its host's address and one of its ports.
    static void matchTargets(const Schema &schema, QList<PrometheusTarget> &targets);

signals:
    void finished(const QList<Portolan::PrometheusTarget> &targets, const QString &error);

private:
    void onFinished();
    void onData();
    void fail(const QString &reason);

    QNetworkAccessManager *mNetwork;
    QNetworkReply *mReply = nullptr;
    int mTimeoutMs = 5000;
    qint64 mMaxBodyBytes = DefaultMaxBodyBytes;
    QByteArray mBody;
    QTimer *mDeadline;
};

} // namespace Portolan
