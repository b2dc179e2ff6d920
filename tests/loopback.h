#pragma once

// Loopback-only network fixtures for the reality-check tests: nothing here
// ever sends a packet beyond 127.0.0.1 or ::1.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Portolan::Test {

// A port nothing listens on: bound once to learn a free number, then closed.
inline int closedPort(const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    const int port = server.serverPort();
    server.close();
    return port;
}

// A listener whose accept queue is full: further SYNs are dropped, so a
// connect neither succeeds nor is refused — it times out, on loopback.
class BlackHole
{
public:
    BlackHole() = default;
    BlackHole(const BlackHole &) = delete;
    BlackHole &operator=(const BlackHole &) = delete;
    ~BlackHole()
    {
        for (int fd : mClients)
            ::close(fd);
        if (mListener >= 0)
            ::close(mListener);
    }

    // True once a connect to the port has been seen to hang.
    bool open()
    {
        mListener = ::socket(AF_INET, SOCK_STREAM, 0);
        if (mListener < 0)
            return false;
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(mListener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(mListener, 1) != 0)
            return false;
        socklen_t len = sizeof addr;
        ::getsockname(mListener, reinterpret_cast<sockaddr *>(&addr), &len);
        mPort = ntohs(addr.sin_port);
        // Fill the queue: connections that complete are held open and never accepted.
        for (int i = 0; i < 16; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            ::fcntl(fd, F_SETFL, O_NONBLOCK);
            ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
            pollfd p {fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, 300);
            int error = 0;
            socklen_t errorLen = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &errorLen);
            if (ready == 1 && error == 0) {
                mClients.append(fd);
                continue;
            }
            ::close(fd);
            return ready == 0; // hung: the hole is ready
        }
        return false;
    }

    int port() const { return mPort; }

private:
    int mListener = -1;
    int mPort = 0;
    QList<int> mClients;
};

// A tiny HTTP/1.0 responder: /ok → 200, /fail → 500, /slow → 200 after
// slowMs, /metrics → a valid Prometheus exposition, anything else → 404.
class HttpResponder : public QTcpServer
{
public:
    int slowMs = 3000;
    int requests = 0;

    explicit HttpResponder(QObject *parent = nullptr)
        : QTcpServer(parent)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = mBuffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        ++requests;
        const QByteArray path = buffer.split(' ').value(1);
        mBuffers.remove(socket);
        if (path.startsWith("/slow")) {
            QTimer::singleShot(slowMs, socket, [socket] { reply(socket, 200, "slow but fine\n"); });
            return;
        }
        if (path.startsWith("/ok") || path.startsWith("/health"))
            reply(socket, 200, "ok\n");
        else if (path.startsWith("/fail"))
            reply(socket, 500, "broken\n");
        else if (path.startsWith("/metrics"))
            reply(socket, 200, "# HELP portolan_test_up A test gauge.\n# TYPE portolan_test_up gauge\nportolan_test_up 1\n",
                  "text/plain; version=0.0.4");
        else
            reply(socket, 404, "not found\n");
    }

    static void reply(QTcpSocket *socket, int status, const QByteArray &body,
                      const QByteArray &type = "text/plain")
    {
        const QByteArray reason = status == 200 ? "OK" : status == 500 ? "Internal Server Error" : "Not Found";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                      + body);
        socket->disconnectFromHost();
    }

    QHash<QTcpSocket *, QByteArray> mBuffers;
};

// A hostile HTTP server: after the request it either trickles a complete
// 200 answer one byte every 300 ms (never idle long enough for an inactivity
// timeout), or floods an endless body as fast as the client reads.
class HostileResponder : public QTcpServer
{
public:
    enum class Mode { Trickle, Flood };

    explicit HostileResponder(Mode mode, QObject *parent = nullptr)
        : QTcpServer(parent)
        , mMode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    qint64 bytesSent = 0;

private:
    void onReadyRead(QTcpSocket *socket)
    {
        if (socket->property("answering").toBool() || !socket->readAll().contains("\r\n"))
            return;
        socket->setProperty("answering", true);
        if (mMode == Mode::Trickle) {
            const QByteArray answer("HTTP/1.1 200 OK\r\nContent-Length: 40\r\nConnection: close\r\n\r\n"
                                    "{\"status\": \"success\", \"data\": {}}     ");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [this, socket, answer, timer] {
                const qint64 at = socket->property("at").toLongLong();
                if (at >= answer.size()) {
                    timer->stop();
                    return;
                }
                socket->write(answer.mid(at, 1));
                ++bytesSent;
                socket->setProperty("at", at + 1);
            });
            timer->start(300);
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        const QByteArray chunk(64 * 1024, ' ');
        auto more = [this, socket, chunk] {
            while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 4 * chunk.size()) {
                socket->write(chunk);
                bytesSent += chunk.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
    }

    Mode mMode;
};

} // namespace Portolan::Test
