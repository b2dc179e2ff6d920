#include "markdownshapes.h"

#include "uniqueids.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>

namespace Portolan {

namespace {

bool plainNamedPort(QStringView t, QString *name, QString *portsText, int *portsOffset, QString *rest);

// lupdate files Tr::tr() under the format's context, as in markdownformat.cpp.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::MarkdownFormat)
};

QRegularExpression caseless(const QByteArray &pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::CaseInsensitiveOption
                                                              | QRegularExpression::UseUnicodePropertiesOption);
}

// DefaultPort and AlternativePort: "default | alternative", the port a
// service uses where it cannot have its default one. NamedPort: a column named
// by the protocol its ports speak ("https | http"), one more port of the row.
enum class Column {
    Other, HostPort, ContainerPort, Service, Host, Description, Notes, Protocol, DefaultPort, AlternativePort, NamedPort
};

// Which of several service-like columns names the service: "Service" before
// "Name" before "Container".
int serviceRank(const QString &header)
{
    static const QRegularExpression first = caseless("^(?:services?|service name|dienste?|servizio|servicio)$");
    static const QRegularExpression second = caseless("^(?:name|app|apps|application|anwendung)$");
    if (first.match(header).hasMatch())
        return 0;
    if (second.match(header).hasMatch())
        return 1;
    return header.contains(QLatin1String("container"), Qt::CaseInsensitive) ? 3 : 2;
}

Column columnKind(const QString &header)
{
    static const QRegularExpression containerPort = caseless(
        "^(?:internal|intern|interner|container|docker|target|ziel|innerer?)[ -]?ports?(?:\\s*\\(s\\))?$|"
        "^(?:container|ziel)-?port$");
    static const QRegularExpression hostPort = caseless(
        "\\bports?\\b|\\bport\\(s\\)|^published$|^exposed$|^listen(?:ing)?$|^veröffentlicht$|^freigegeben$|"
        "^(?:host|external|public|extern|externer|öffentlicher)[ -]?ports?$|^port[aoe]s?$|^puertos?$");
    static const QRegularExpression service = caseless(
        "^(?:services?|service name|name|app|apps|application|anwendung|container|container name|dienst|"
        "dienste|programm|software|tool|component|komponente|stack|project|projekt|servizio|servicio)$");
    static const QRegularExpression weakService = caseless(
        "^(?:assigned|assigned to|used by|usage|purpose|what|verwendung|zweck|belegt durch|belegt von|"
        "description|beschreibung)$");
    static const QRegularExpression host = caseless(
        "^(?:host|server|machine|node|rechner|maschine|vm|device|gerät|forward(?:ed)? to|runs on|läuft auf)$");
    static const QRegularExpression defaultPort = caseless("^(?:default|standard)(?:[ -]?port)?$");
    static const QRegularExpression alternativePort = caseless("^(?:alternative?|alternate|alt|instead|stattdessen)(?:[ -]?port)?$");
    static const QRegularExpression namedPort = caseless("^(?:https?|grpc|wss?|tls|ssh|smtp|dns)$");
    static const QRegularExpression protocol = caseless("^(?:protocol|proto|protokoll|type|typ)$");
    static const QRegularExpression notes = caseless("^(?:notes?|notiz|notizen|hinweis|bemerkung|comment|comments|kommentar)$");
    if (containerPort.match(header).hasMatch())
        return Column::ContainerPort;
    if (defaultPort.match(header).hasMatch())
        return Column::DefaultPort;
    if (alternativePort.match(header).hasMatch())
        return Column::AlternativePort;
    if (namedPort.match(header).hasMatch())
        return Column::NamedPort;
    if (hostPort.match(header).hasMatch())
        return Column::HostPort;
    if (service.match(header).hasMatch())
        return Column::Service;
    if (host.match(header).hasMatch())
        return Column::Host;
    if (protocol.match(header).hasMatch())
        return Column::Protocol;
    if (notes.match(header).hasMatch())
        return Column::Notes;
    if (weakService.match(header).hasMatch())
        return Column::Description;
    return Column::Other;
}



class ShapeReader
{
public:
    explicit ShapeReader(const FormatOptions &options)
        : mOptions(options)
    {
    }

    ReadResult read(const QList<MdBlock> &blocks);

private:
    void warn(int line, int column, const QString &message)
    {
        Diagnostic d;
        d.file = mOptions.fileName;
        d.line = line;
        d.column = column;
        d.message = message;
        mWarnings.append(d);
    }
    void readHeading(const MdBlock &b);
    void readTable(const MdBlock &b);
    void readItem(const MdBlock &b);
    void readParagraph(const MdBlock &b);
    QString hostFor(const QString &name);
    // The host of a host section, else the one the doc's opening names.
    QString currentHost() const { return mHostId.isEmpty() ? mDocHostId : mHostId; }
    // Adds one service per port span; returns how many.
    // A service repeated with the same port, host and protocol ("Plex" listed
    // twice) is read once. at: the name, where a repeat is reported.
    int addServices(const QString &name, const QList<CellPort> &spans, const QString &hostId, bool internal,
                    const Service &base, const MdText &at);

    const FormatOptions &mOptions;
    Schema mSchema;
    QList<Diagnostic> mWarnings;
    UniqueIds mServiceIds;
    UniqueIds mRangeIds;
    UniqueIds mHostIds;
    QHash<QString, QString> mHostByName;
    // Name (lower case), host and port * 2 + (UDP ? 1 : 0) of every service read.
    struct Seen
    {
        QString name;
        QString hostId;
        int port;
        friend bool operator==(const Seen &, const Seen &) = default;
        friend size_t qHash(const Seen &s, size_t seed = 0) { return qHashMulti(seed, s.name, s.hostId, s.port); }
    };
    QSet<Seen> mSeen;
    QString mRangeId;
    int mRangeLevel = 0;
    QString mHostId;
    int mHostLevel = 0;
    QString mDocHostId;
    QSet<QString> mMachines; // host-like cells of every table, lower case
    bool mNotPorts = false;  // a section of ids or codes, not ports
    int mNotPortsLevel = 0;
    MdText mNotPortsHeading;
    bool mNotPortsNoted = false;
    bool mInternal = false;
    int mInternalLevel = 0;
    int mTables = 0;
    int mLists = 0;
    int mSkipped = 0;
    const MdBlock *mPreviousItem = nullptr;
};

QString ShapeReader::hostFor(const QString &name)
{
    const QString key = name.toLower();
    const auto it = mHostByName.constFind(key);
    if (it != mHostByName.cend())
        return *it;
    Host h;
    h.name = name;
    h.id = mHostIds.take(name, QStringLiteral("item"));
    mSchema.hosts.append(h);
    mHostByName.insert(key, h.id);
    return h.id;
}

int ShapeReader::addServices(const QString &name, const QList<CellPort> &spans, const QString &hostId,
                             bool internal, const Service &base, const MdText &at)
{
    const QList<CellPort> all = spans.isEmpty() ? QList<CellPort>{CellPort()} : spans;
    const QString lowerName = name.toLower();
    int added = 0;
    for (int i = 0; i < all.size(); ++i) {
        const CellPort &p = all.at(i);
        if (p.first) {
            const qsizetype before = mSeen.size();
            mSeen.insert({lowerName, hostId, p.first * 2 + (p.protocol == Protocol::Udp ? 1 : 0)});
            if (mSeen.size() == before) {
                warn(at.line, at.column, Tr::tr("\"%1\" on port %2 is listed again; read once.").arg(name).arg(p.first));
                continue;
            }
        }
        ++added;
        Service s = base;
        s.name = i == 0 ? name : name + QLatin1Char('-') + QString::number(p.first);
        s.id = mServiceIds.take(s.name, QStringLiteral("item"));
        s.plannedPort = p.first;
        if (p.target)
            s.containerPort = p.target;
        s.protocol = p.protocol;
        s.hostId = hostId;
        s.rangeId = mRangeId;
        if (internal)
            s.exposure = Exposure::Internal;
        if (p.last > p.first || !p.note.isEmpty()) {
            QStringList notes;
            if (!s.notes.isEmpty())
                notes.append(s.notes);
            if (p.last > p.first)
                notes.append(Tr::tr("ports %1-%2").arg(p.first).arg(p.last));
            if (!p.note.isEmpty())
                notes.append(p.note);
            s.notes = notes.join(QLatin1String("; "));
        }
        mSchema.services.append(std::move(s));
    }
    return added;
}

void ShapeReader::readHeading(const MdBlock &b)
{
    const QString &t = b.text.text;
    if (b.level == 1 && mSchema.title.isEmpty()) {
        mSchema.title = t;
        return;
    }
    if (mRangeLevel >= b.level) {
        mRangeId.clear();
        mRangeLevel = 0;
    }
    if (mHostLevel >= b.level) {
        mHostId.clear();
        mHostLevel = 0;
    }
    if (mInternalLevel >= b.level) {
        mInternal = false;
        mInternalLevel = 0;
    }
    if (mNotPortsLevel >= b.level) {
        mNotPorts = false;
        mNotPortsLevel = 0;
    }
    // "## Grafana Dashboard Id's", "### Error codes": numbers that are not ports.
    static const QRegularExpression ids = caseless(
        "\\b(?:ids?|id's|identifiers?|(?:error|status|exit|response) codes?|fehlercodes?)\\b");
    if (ids.match(t).hasMatch()) {
        mNotPorts = true;
        mNotPortsLevel = b.level;
        mNotPortsHeading = b.text;
        mNotPortsNoted = false;
    }

    static const QRegularExpression span = caseless(
        "(?<![\\d.])(\\d{1,6})\\s*(?:-|\u2013|\u2014|to|bis)\\s*(\\d{1,6})(?![\\d.])");
    static const QRegularExpression xx = caseless("(?<![\\d.])(\\d{1,4})(x{1,4})\\b");
    int first = 0;
    int last = 0;
    QRegularExpressionMatch m = span.match(t);
    if (m.hasMatch()) {
        first = m.capturedView(1).toInt();
        last = m.capturedView(2).toInt();
    } else if ((m = xx.match(t)).hasMatch() && m.capturedLength(1) + m.capturedLength(2) <= 5) {
        int scale = 1;
        for (int i = 0; i < m.capturedLength(2); ++i)
            scale *= 10;
        first = m.capturedView(1).toInt() * scale;
        last = first + scale - 1;
    }
    if (m.hasMatch()) {
        const int column = b.text.column + int(m.capturedStart(0));
        if (!isValidPort(first) || !isValidPort(last)) {
            warn(b.text.line, column,
                 Tr::tr("The heading's range %1 is not made of port numbers (1-65535); read as a plain heading.")
                     .arg(m.captured(0)));
        } else if (first > last) {
            warn(b.text.line, column,
                 Tr::tr("The heading's range %1 ends before it starts; read as a plain heading.").arg(m.captured(0)));
        } else {
            static const QRegularExpression trimEnds = caseless(
                "^[\\s:\\-\u2013\u2014()|]+|[\\s:\\-\u2013\u2014()|]+$");
            static const QRegularExpression portsWord = caseless("^(?:ports?|range|bereich|portbereich)\\b");
            QString title = t;
            title.remove(m.capturedStart(0), m.capturedLength(0));
            title.remove(trimEnds);
            title.remove(portsWord);
            title.remove(trimEnds);
            PortRange r;
            r.first = first;
            r.last = last;
            r.title = title.isEmpty() ? QStringLiteral("%1-%2").arg(first).arg(last) : title;
            r.id = mRangeIds.take(r.title, QStringLiteral("item"));
            mSchema.ranges.append(r);
            mRangeId = r.id;
            mRangeLevel = b.level;
        }
    }

    static const QRegularExpression onHost = caseless(
        "^(?:(?:on|auf)\\s+(?:host\\s+|server\\s+)?|(?:host|server|machine|node|rechner)\\s*:\\s*|(?:host|server)\\s+(?=`))"
        "`?([^`\\s:()]+)`?\\s*(?:\\((.*)\\))?:?$");
    const QRegularExpressionMatch h = onHost.match(t);
    // "### IBM Server" where a table lists "IBM Server" as a machine.
    static const QRegularExpression ends = caseless("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    const QString bare = QString(t).remove(ends);
    if (h.hasMatch() && !m.hasMatch()) {
        mHostId = hostFor(h.captured(1));
        mHostLevel = b.level;
    } else if (!m.hasMatch() && !bare.isEmpty() && mMachines.contains(bare.toLower())) {
        mHostId = hostFor(bare);
        mHostLevel = b.level;
    }
    if (isInternalTitle(t)) {
        mInternal = true;
        mInternalLevel = b.level;
    }
}

void ShapeReader::readTable(const MdBlock &b)
{
    QList<int> hostPorts;
    QList<int> containerPorts;
    int serviceCol = -1;
    int weakCol = -1;
    int hostCol = -1;
    int protocolCol = -1;
    int notesCol = -1;
    int defaultCol = -1;
    int alternativeCol = -1;
    QList<int> namedPorts;
    QList<Column> kinds;
    QList<int> serviceCols;
    for (int c = 0; c < b.header.size(); ++c) {
        const Column k = columnKind(b.header.at(c).text);
        kinds.append(k);
        switch (k) {
        case Column::HostPort: hostPorts.append(c); break;
        case Column::ContainerPort: containerPorts.append(c); break;
        case Column::Service:
            serviceCols.append(c);
            if (serviceCol < 0 || serviceRank(b.header.at(c).text) < serviceRank(b.header.at(serviceCol).text))
                serviceCol = c;
            break;
        case Column::Description: if (weakCol < 0) weakCol = c; break;
        case Column::Host: if (hostCol < 0) hostCol = c; break;
        case Column::Protocol: if (protocolCol < 0) protocolCol = c; break;
        case Column::Notes: if (notesCol < 0) notesCol = c; break;
        case Column::DefaultPort: if (defaultCol < 0) defaultCol = c; break;
        case Column::AlternativePort: if (alternativeCol < 0) alternativeCol = c; break;
        case Column::NamedPort: namedPorts.append(c); break;
        case Column::Other: break;
        }
    }
    // "default | alternative": the default is the port unless the row names
    // another; "https | http": the first is the port, the others more ports.
    if (hostPorts.isEmpty() && defaultCol >= 0)
        hostPorts.append(defaultCol);
    if (hostPorts.isEmpty() && containerPorts.isEmpty() && !namedPorts.isEmpty())
        hostPorts.append(namedPorts.takeFirst());
    if (hostPorts.isEmpty())
        alternativeCol = -1;
    const bool onlyContainer = hostPorts.isEmpty() && !containerPorts.isEmpty();
    const int portCol = !hostPorts.isEmpty() ? hostPorts.first() : containerPorts.value(0, -1);
    const int targetCol = !hostPorts.isEmpty() ? containerPorts.value(0, -1) : -1;
    if (portCol < 0) {
        // Only a table that looks like ports is worth a word.
        bool portish = serviceCol >= 0;
        for (const QList<MdText> &row : b.rows) {
            for (const MdText &cell : row) {
                QList<std::pair<QString, int>> bad;
                if (!cell.text.isEmpty() && !parsePortCell(cell.text, &bad).isEmpty() && bad.isEmpty())
                    portish = true;
            }
        }
        if (portish) {
            warn(b.line, b.column, Tr::tr("The table at %1:%2 has no port column; skipped.").arg(b.line).arg(b.column));
            ++mSkipped;
        }
        return;
    }
    ++mTables;
    if (serviceCol < 0)
        serviceCol = weakCol;
    if (serviceCol < 0) {
        for (int c = 0; c < kinds.size(); ++c) {
            if (kinds.at(c) == Column::Other) {
                serviceCol = c;
                break;
            }
        }
    }
    if (serviceCol < 0) {
        warn(b.line, b.column, Tr::tr("The table at %1:%2 has no service column; skipped.").arg(b.line).arg(b.column));
        ++mSkipped;
        return;
    }
    if (b.rows.isEmpty()) {
        warn(b.line, b.column, Tr::tr("The table at %1:%2 has no rows.").arg(b.line).arg(b.column));
        return;
    }
    for (const QList<MdText> &row : b.rows) {
        int rowLine = b.line;
        for (const MdText &cell : row) {
            if (cell.line > 0) {
                rowLine = cell.line;
                break;
            }
        }
        // "|||||": a blank row that only spaces the table out.
        if (std::all_of(row.cbegin(), row.cend(), [](const MdText &cell) { return cell.text.isEmpty(); }))
            continue;
        const MdText name = row.value(serviceCol);
        if (name.text.isEmpty()) {
            warn(rowLine, name.line ? name.column : 0, Tr::tr("The row has no service name; skipped."));
            ++mSkipped;
            continue;
        }
        auto ports = [&](int c, QList<CellPort> *spans) {
            const MdText cell = row.value(c);
            if (isEmptyMark(cell.text))
                return;
            QList<std::pair<QString, int>> bad;
            *spans = parsePortCell(cell.text, &bad);
            for (const auto &[text, offset] : std::as_const(bad)) {
                warn(cell.line, cell.column + offset,
                     Tr::tr("\"%1\" is not a port (1-65535); the row is kept without it.").arg(text));
                ++mSkipped;
            }
        };
        QList<CellPort> spans;
        ports(portCol, &spans);
        QStringList portNotes;
        if (alternativeCol >= 0) {
            QList<CellPort> alternative;
            ports(alternativeCol, &alternative);
            if (!alternative.isEmpty()) {
                if (!row.value(portCol).text.isEmpty())
                    portNotes.append(Tr::tr("default port %1").arg(row.value(portCol).text));
                spans = alternative;
            }
        }
        for (int c : std::as_const(namedPorts)) {
            QList<CellPort> more;
            ports(c, &more);
            spans.append(more);
        }
        QList<CellPort> targets;
        if (targetCol >= 0)
            ports(targetCol, &targets);
        for (int i = 0; i < spans.size() && i < targets.size(); ++i)
            spans[i].target = targets.at(i).first;
        Service base;
        // "- | 6379": only a container port, so nothing is published.
        const bool containerOnly = spans.isEmpty() && !targets.isEmpty();
        if (containerOnly)
            base.containerPort = targets.first().first;
        QString hostId = currentHost();
        if (hostCol >= 0 && !row.value(hostCol).text.isEmpty())
            hostId = hostFor(row.value(hostCol).text);
        const QString protocol = protocolCol >= 0 ? row.value(protocolCol).text : QString();
        if (protocol.contains(QLatin1String("udp"), Qt::CaseInsensitive)
            && !protocol.contains(QLatin1String("tcp"), Qt::CaseInsensitive)) {
            for (CellPort &p : spans)
                p.protocol = Protocol::Udp;
        }
        QStringList notes = portNotes;
        // "Type: DNS", "Protocol: HTTP/HTTPS": more than TCP or UDP is kept.
        static const QRegularExpression transport = caseless("^(?:tcp|udp|tcp\\s*[/+&,]\\s*udp|udp\\s*[/+&,]\\s*tcp|both)$");
        if (!protocol.isEmpty() && !transport.match(protocol).hasMatch())
            notes.append(QStringLiteral("%1: %2").arg(b.header.value(protocolCol).text, protocol));
        for (int c : std::as_const(serviceCols)) {
            // "Container Name" beside "Service": the container is an alias.
            const QString alias = row.value(c).text;
            if (c != serviceCol && !alias.isEmpty() && alias != name.text && !base.aliases.contains(alias))
                base.aliases.append(alias);
        }
        for (int c = 0; c < row.size(); ++c) {
            const QString &text = row.at(c).text;
            if (serviceCols.contains(c) || c == portCol || c == targetCol || c == hostCol || c == protocolCol
                || c == alternativeCol || namedPorts.contains(c) || text.isEmpty())
                continue;
            if (kinds.value(c) == Column::Description && base.description.isEmpty())
                base.description = text;
            else if (c == notesCol)
                notes.prepend(text);
            else
                notes.append(QStringLiteral("%1: %2").arg(b.header.value(c).text, text));
        }
        base.notes = notes.join(QLatin1String("; "));
        // "Wiki (intern)": the name says the service is internal; "Plex
        // (forwarded on router)" that it is published, whatever the section.
        static const QRegularExpression aside(QStringLiteral("^(.*\\S)\\s*\\(([^()]*)\\)$"));
        static const QRegularExpression publishedAside = caseless(
            "^(?:forwarded|published|exposed|public|öffentlich|extern|freigegeben)\\b");
        QString serviceName = name.text;
        bool internal = mInternal || onlyContainer || containerOnly;
        const QRegularExpressionMatch a =
            serviceName.endsWith(QLatin1Char(')')) ? aside.match(serviceName) : QRegularExpressionMatch();
        if (a.hasMatch() && isInternalTitle(a.captured(2))) {
            serviceName = a.captured(1);
            internal = true;
        } else if (a.hasMatch() && publishedAside.match(a.captured(2)).hasMatch() && !containerOnly) {
            serviceName = a.captured(1);
            internal = false;
        }
        // "Wiki.js, Homepage": a cell naming two services on the same ports.
        static const QRegularExpression comma(QStringLiteral(",\\s+"));
        const QStringList names = serviceName.contains(QLatin1Char(','))
            ? serviceName.split(comma, Qt::SkipEmptyParts)
            : QStringList{serviceName};
        for (const QString &one : names)
            addServices(one.trimmed(), spans, hostId, internal, base, name);
    }
}

void ShapeReader::readItem(const MdBlock &b)
{
    // One or more ports as in a cell, then the name; or the name, then them.
    static const QByteArray ports =
        "(\\d{1,6}(?:\\s*[-\u2013]\\s*\\d{1,6})?(?:\\s*:\\s*\\d{1,6})?(?:\\s*/\\s*(?:tcp|udp))?"
        "(?:\\s*(?:,|/|and|und)\\s*\\d{1,6}(?:\\s*[-\u2013]\\s*\\d{1,6})?(?:\\s*:\\s*\\d{1,6})?(?:\\s*/\\s*(?:tcp|udp))?)*"
        "(?:\\s*\\((?:tcp|udp)\\))?)(?![\\d.])";
    static const QRegularExpression nameFirst = caseless(
        "^\\**([^:=\u2013\u2014()]+?)\\**\\s*(?:[:=\u2192]|\\s[-\u2013\u2014]|\\bon\\b|\\bport\\b|\\bauf\\b|\\s)+\\s*(?:port\\s+)?"
        + ports + "\\s*(?:[(\u2013\u2014:-]\\s*(.*?))?\\)?$");
    static const QRegularExpression portFirst = caseless(
        "^(?:port\\s+)?" + ports
        + "\\s*(?:[:=\u2192]|[-\u2013\u2014]+|\\s)\\s*\\**([^\\s()*,;:][^()*,;:]*?)\\**\\s*(?:[(\u2013\u2014,;:]\\s*(.*?))?\\)?$");
    static const QRegularExpression portInParens = caseless(
        "^\\**([^()*]+?)\\**\\s*\\(\\s*(?:port\\s+)?" + ports + "\\s*\\)\\s*(?:[-\u2013\u2014:]\\s*(.*))?$");
    if (!mPreviousItem || mPreviousItem->line + 1 < b.line)
        ++mLists;
    mPreviousItem = &b;
    // "Jellyfin: http://localhost:4000 (media)": the URL's port is the port.
    static const QRegularExpression url = caseless("\\bhttps?://[^\\s/:]+:(\\d{1,5})[^\\s)]*");
    QString t = b.text.text;
    if (t.contains(QLatin1String("://")))
        t.replace(url, QStringLiteral("\\1"));
    QString name;
    QString portsText;
    QString rest;
    int portsOffset = 0;
    // Cheap tests first: portFirst needs a digit or "port" at the start,
    // portInParens a parenthesis (a list of 100k items runs them all).
    const bool digitFirst = !t.isEmpty() && t.at(0).isDigit();
    const bool portWordFirst = t.startsWith(QLatin1String("port"), Qt::CaseInsensitive);
    QRegularExpressionMatch m;
    if (digitFirst || portWordFirst)
        m = portFirst.match(t);
    if (m.hasMatch()) {
        portsText = m.captured(1);
        portsOffset = int(m.capturedStart(1));
        name = m.captured(2).trimmed();
        rest = m.captured(3).trimmed();
        // "`5432` - **PostgreSQL** DB", "`80` - used by **Nginx**": the bold
        // words name the service, the rest describes it.
        if (!b.strong.isEmpty() && name != b.strong && name.contains(b.strong)) {
            rest = rest.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, rest);
            name = b.strong;
        }
    } else if (plainNamedPort(t, &name, &portsText, &portsOffset, &rest)) {
        // "grafana: 3000 (dashboards)", read as nameFirst reads it.
    } else if ((t.contains(QLatin1Char('(')) && (m = portInParens.match(t)).hasMatch())
               || (m = nameFirst.match(t)).hasMatch()) {
        name = m.captured(1).trimmed();
        portsText = m.captured(2);
        portsOffset = int(m.capturedStart(2));
        rest = m.captured(3).trimmed();
    }
    if (name.isEmpty() || portsText.isEmpty()) {
        static const QRegularExpression number(QStringLiteral("(?<![\\d.])\\d{2,5}(?![\\d.])"));
        if (number.match(t).hasMatch()) {
            warn(b.text.line, b.text.column,
                 Tr::tr("The list item \"%1\" names no service and port; skipped.").arg(t));
            ++mSkipped;
        }
        return;
    }
    QList<std::pair<QString, int>> bad;
    const QList<CellPort> spans = parsePortCell(portsText, &bad);
    for (const auto &[text, offset] : std::as_const(bad)) {
        warn(b.text.line, b.text.column + portsOffset + offset,
             Tr::tr("\"%1\" is not a port (1-65535); the item is kept without it.").arg(text));
        ++mSkipped;
    }
    if (bad.isEmpty() && spans.size() == 1 && spans.first().last > spans.first().first) {
        // "- 4000-4999: Development servers" defines a range.
        PortRange r;
        r.first = spans.first().first;
        r.last = spans.first().last;
        r.title = rest.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, rest);
        r.id = mRangeIds.take(r.title, QStringLiteral("item"));
        mSchema.ranges.append(r);
        return;
    }
    Service base;
    base.description = rest;
    addServices(name, spans, currentHost(), mInternal, base, b.text);
}

void ShapeReader::readParagraph(const MdBlock &b)
{
    // Before the first table or list: "Hostname: nas01.lan", "deployments
    // on `main-server`." name the one host of the whole doc.
    if (mTables > 0 || mLists > 0 || !mDocHostId.isEmpty())
        return;
    static const QRegularExpression named = caseless(
        "^(?:host(?:name)?|server|machine|rechner|maschine)\\s*:\\s*([\\p{L}\\p{N}][\\w.-]*)");
    static const QRegularExpression on = caseless("\\b(?:on|auf)\\s+([\\p{L}\\p{N}][\\w.-]*[\\w])\\s*[.:]?$");
    QRegularExpressionMatch m = named.match(b.text.text);
    if (!m.hasMatch()) {
        m = on.match(b.text.text);
        // Only a name that looks like a host's: "main-server", "nas01", not "Linux".
        static const QRegularExpression hostLike(QStringLiteral("[-.\\d]"));
        if (m.hasMatch() && !hostLike.match(m.captured(1)).hasMatch())
            return;
    }
    if (m.hasMatch())
        mDocHostId = hostFor(m.captured(1));
}

ReadResult ShapeReader::read(const QList<MdBlock> &blocks)
{
    // Machines the doc's tables name (a "Machine" or "Forward To" column),
    // even tables without ports: a heading naming one is a host section.
    qsizetype rows = 0;
    for (const MdBlock &b : blocks) {
        rows += b.kind == MdBlock::Table ? b.rows.size() : 1;
        if (b.kind != MdBlock::Table)
            continue;
        for (int c = 0; c < b.header.size(); ++c) {
            if (columnKind(b.header.at(c).text) != Column::Host)
                continue;
            for (const QList<MdText> &row : b.rows) {
                if (!row.value(c).text.isEmpty())
                    mMachines.insert(row.value(c).text.toLower());
            }
        }
    }
    mSeen.reserve(rows);
    for (const MdBlock &b : blocks) {
        switch (b.kind) {
        case MdBlock::Heading:
            readHeading(b);
            break;
        case MdBlock::Table:
            readTable(b);
            break;
        case MdBlock::ListItem:
            if (!mNotPorts) {
                readItem(b);
            } else if (!mNotPortsNoted) {
                mNotPortsNoted = true;
                warn(mNotPortsHeading.line, mNotPortsHeading.column,
                     Tr::tr("The section \"%1\" lists ids, not ports; its list was skipped.").arg(mNotPortsHeading.text));
                ++mSkipped;
            }
            break;
        case MdBlock::Paragraph:
            readParagraph(b);
            break;
        }
    }
    Diagnostic summary;
    summary.file = mOptions.fileName;
    summary.message = Tr::tr("Summary: %n service(s) read; tables read: %1, lists read: %2, parts skipped: %3.", nullptr,
                             int(mSchema.services.size()))
                          .arg(mTables)
                          .arg(mLists)
                          .arg(mSkipped);
    mWarnings.append(summary);
    return ReadResult{mSchema, mWarnings};
}

} // namespace

bool isEmptyMark(const QString &text)
{
    return text.isEmpty() || text == QLatin1String("-") || text == QLatin1String("/") || text == QStringLiteral("\u2014")
        || text == QStringLiteral("\u2013") || text.compare(QLatin1String("n/a"), Qt::CaseInsensitive) == 0;
}

bool isInternalTitle(const QString &title)
{
    static const QRegularExpression re = caseless(
        "\\b(?:internal|interne?[rsnm]?|not exposed|not published|unpublished|container[- ]only|"
        "docker[- ]only|nicht veröffentlicht|nicht freigegeben|nicht öffentlich)\\b");
    return re.match(title).hasMatch();
}

namespace {

// ASCII only, as the patterns' \d and the spaces a cell holds.
bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// Reads a cell of plain numbers between ",", ";" and "/" (a "/" before a
// number), as the patterns of parsePortCell() read it, without them. Returns
// false, leaving spans and bad alone, for any other cell.
bool plainPortList(QStringView text, QList<CellPort> *spans, QList<std::pair<QString, int>> *bad)
{
    struct Part
    {
        qsizetype from;
        qsizetype to;
    };
    QVarLengthArray<Part, 8> parts;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && isSpace(text[i]))
            ++i;
        const qsizetype from = i;
        while (i < n && isDigit(text[i]))
            ++i;
        if (i > from)
            parts.append({from, i});
        while (i < n && isSpace(text[i]))
            ++i;
        if (i == n)
            break;
        const QChar c = text[i];
        if (c == QLatin1Char('/')) {
            // A separator only before a number ("53/udp" is not this shape).
            qsizetype j = i + 1;
            while (j < n && isSpace(text[j]))
                ++j;
            if (j == n || !isDigit(text[j]))
                return false;
        } else if (c != QLatin1Char(',') && c != QLatin1Char(';')) {
            return false;
        }
        ++i;
    }
    if (parts.isEmpty())
        return false;
    for (const Part &part : parts) {
        const QStringView digits = text.sliced(part.from, part.to - part.from);
        CellPort p;
        p.first = p.last = digits.size() <= 6 ? digits.toInt() : 0;
        if (isValidPort(p.first))
            spans->append(p);
        else
            bad->append({digits.toString(), int(part.from)});
    }
    return true;
}

// The most common list item, "name: 3000" with an optional "(note)" or
// "- note", read by hand where the patterns of readItem() would read it the
// same way: a name of letters, digits, ".", "_" and "-" without the words
// "on", "port" or "auf"; one port; no range, mapping, list or protocol after
// it; a note that does not start with a port. Anything else returns false.
bool plainNamedPort(QStringView t, QString *name, QString *portsText, int *portsOffset, QString *rest)
{
    auto isWord = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
    };
    const qsizetype n = t.size();
    qsizetype i = 0;
    while (i < n && (isWord(t[i]) || t[i] == QLatin1Char('-') || t[i] == QLatin1Char('.')))
        ++i;
    if (i == 0 || i == n || t[i] != QLatin1Char(':'))
        return false;
    const QStringView nameView = t.first(i);
    // The words the patterns take as a separator between name and port.
    for (qsizetype w = 0; w < nameView.size();) {
        qsizetype e = w;
        while (e < nameView.size() && isWord(nameView[e]))
            ++e;
        const QStringView word = nameView.sliced(w, e - w);
        if (word.compare(QLatin1String("on"), Qt::CaseInsensitive) == 0
            || word.compare(QLatin1String("port"), Qt::CaseInsensitive) == 0
            || word.compare(QLatin1String("auf"), Qt::CaseInsensitive) == 0)
            return false;
        w = e + 1;
    }
    ++i; // the colon
    while (i < n && isSpace(t[i]))
        ++i;
    const qsizetype digits = i;
    while (i < n && isDigit(t[i]))
        ++i;
    if (i == digits || i - digits > 6 || (i < n && t[i] == QLatin1Char('.')))
        return false;
    const qsizetype digitsEnd = i;
    while (i < n && isSpace(t[i]))
        ++i;
    QStringView after;
    if (i < n) {
        const QChar c = t[i];
        const bool paren = c == QLatin1Char('(');
        if (!paren && c != QLatin1Char('-') && c != QChar(0x2013) && c != QChar(0x2014) && c != QLatin1Char(':'))
            return false;
        qsizetype j = i + 1;
        while (j < n && isSpace(t[j]))
            ++j;
        after = t.sliced(j);
        // A second port ("3000 - 3010", "3000: 80", "(3001)") or a protocol
        // ("(tcp)") belongs to the ports: the patterns read those.
        if (!after.isEmpty() && isDigit(after.front()))
            return false;
        if (paren
            && (after.startsWith(QLatin1String("port"), Qt::CaseInsensitive)
                || after.startsWith(QLatin1String("tcp"), Qt::CaseInsensitive)
                || after.startsWith(QLatin1String("udp"), Qt::CaseInsensitive)))
            return false;
        if (after.endsWith(QLatin1Char(')')))
            after.chop(1);
    }
    *name = nameView.toString();
    *portsText = t.sliced(digits, digitsEnd - digits).toString();
    *portsOffset = int(digits);
    *rest = after.trimmed().toString();
    return true;
}

} // namespace

QList<CellPort> parsePortCell(const QString &text, QList<std::pair<QString, int>> *bad)
{
    static const QRegularExpression separator = caseless(
        "\\s*(?:,|;|\\s/\\s|/(?=\\s*\\d)|\\band\\b|\\bund\\b|\\bor\\b|\\boder\\b|&|\\+|<br\\s*/?>)\\s*");
    static const QRegularExpression part = caseless(
        "^(\\d{1,6})(?:\\s*[-\u2013\u2014]\\s*(\\d{1,6}))?(?:\\s*:\\s*(\\d{1,6}))?\\s*"
        "(?:/\\s*(tcp|udp)|\\((tcp|udp)\\))?\\s*(?:\\((.*)\\))?$");
    QList<CellPort> spans;
    // Most cells are one plain number.
    if (!text.isEmpty() && text.size() <= 5
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit() && c.unicode() < 128; })) {
        CellPort p;
        p.first = p.last = text.toInt();
        if (isValidPort(p.first))
            spans.append(p);
        else
            bad->append({text, 0});
        return spans;
    }
    // Many more are numbers and separators only: "80 / 443", "80, 443".
    if (plainPortList(text, &spans, bad))
        return spans;
    int start = 0;
    auto take = [&](int from, int to) {
        const QString raw = text.mid(from, to - from);
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            return;
        const int offset = from + int(raw.indexOf(trimmed.at(0)));
        const QRegularExpressionMatch m = part.match(trimmed);
        CellPort p;
        if (m.hasMatch()) {
            p.first = m.capturedView(1).toInt();
            p.last = m.hasCaptured(2) ? m.capturedView(2).toInt() : p.first;
            p.target = m.hasCaptured(3) ? m.capturedView(3).toInt() : 0;
            const QStringView proto = m.hasCaptured(4) ? m.capturedView(4) : m.capturedView(5);
            p.protocol = proto.compare(QLatin1String("udp"), Qt::CaseInsensitive) == 0 ? Protocol::Udp : Protocol::Tcp;
            p.note = m.captured(6).trimmed();
        }
        if (!m.hasMatch() || !isValidPort(p.first) || !isValidPort(p.last) || p.first > p.last
            || (p.target && !isValidPort(p.target)))
            bad->append({trimmed, offset});
        else
            spans.append(p);
    };
    QRegularExpressionMatchIterator it = separator.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // A separator inside parentheses ("3000 (web, api)") does not split.
        if (text.left(m.capturedStart()).count(QLatin1Char('(')) > text.left(m.capturedStart()).count(QLatin1Char(')')))
            continue;
        take(start, int(m.capturedStart()));
        start = int(m.capturedEnd());
    }
    take(start, int(text.size()));
    return spans;
}

bool isKnownColumn(const QString &header)
{
    return columnKind(header) != Column::Other;
}

bool looksLikePortTable(const MdBlock &table)
{
    if (table.kind != MdBlock::Table || table.rows.isEmpty())
        return false;
    return std::any_of(table.header.cbegin(), table.header.cend(), [](const MdText &h) {
        const Column k = columnKind(h.text);
        return k == Column::HostPort || k == Column::ContainerPort;
    });
}

ReadResult readPortShapes(const QList<MdBlock> &blocks, const FormatOptions &options)
{
    return ShapeReader(options).read(blocks);
}

} // namespace Portolan
