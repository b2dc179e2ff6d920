#pragma once

#include "schema.h"

#include <QHash>
#include <QList>
#include <QString>

// The value-level grammar of docker-compose files: port specs and ${VAR}
// interpolation. Kept apart from the YAML walking so each can be tested alone.
namespace Portolan::Compose {

// One container port and where (if anywhere) it is published on the host.
struct PortMapping
{
    int hostPort = 0;        // 0: not published, or the engine picks one
    int containerPort = 0;
    Protocol protocol = Protocol::Tcp;
    QString hostIp;          // bind address without brackets; empty = all addresses
    int poolFirst = 0;       // "6005-6015:80": the engine picks one port of this host range;
    int poolLast = 0;        // every port of it is held (0: a plain mapping)

    bool isPublished() const { return hostPort > 0; }
    friend bool operator==(const PortMapping &, const PortMapping &) = default;
};

// Ranges are expanded port by port; more than this per spec is refused.
constexpr int MaxPortsPerSpec = 1024;

// Short syntax: [[IP:](port|range):](port|range)[/tcp|/udp]. A host range
// for one container port ("8000-8010:80") gives one mapping per host port of
// the range with the pool set: the engine picks one, so the service holds
// them all. An empty bind address (":443:443") means all addresses. On failure
// returns false and sets *error to a sentence (no position: the caller has it).
bool parsePortSpec(const QString &spec, QList<PortMapping> *mappings, QString *error);
// `expose:` entries: "3000", "3000-3005/udp"; container-only.
bool parseExposeSpec(const QString &spec, QList<PortMapping> *mappings, QString *error);
// One port or "a-b" range; false when not numbers in 1..65535 or reversed.
bool parsePortRange(QStringView text, int *first, int *last, QString *error);

// Compose's variable interpolation: $VAR, ${VAR}, ${VAR:-d}, ${VAR-d},
// ${VAR:?e}, ${VAR?e}, ${VAR:+r}, ${VAR+r}, nesting and $$.
class Interpolator
{
public:
    struct Problem
    {
        QString variable;
        QString message;
        bool fatal = false; // the value cannot be read at all (nested too deep)
        int line = 0;       // 1-based line of a .env file; 0 elsewhere
    };

    // ${A:-${B:-…}} nests at most this deep; real files nest two or three
    // levels, and each level is a recursion.
    static constexpr int MaxDepth = 32;

    Interpolator() = default;
    explicit Interpolator(const QHash<QString, QString> &variables) : mVariables(variables) { }

    void setVariables(const QHash<QString, QString> &variables) { mVariables = variables; }
    const QHash<QString, QString> &variables() const { return mVariables; }

    // Returns the interpolated text; unset variables without a default become
    // empty and are listed in *problems (never guessed). Nesting deeper than
    // MaxDepth gives a fatal problem.
    QString interpolate(const QString &text, QList<Problem> *problems) const;

private:
    QString expand(const QString &text, qsizetype *pos, int depth, QList<Problem> *problems) const;

    QHash<QString, QString> mVariables;
};

// A `.env` file: KEY=VALUE lines, `#` comments, optional `export `, single
// quotes literal, double quotes with escapes; unquoted and double-quoted
// values may refer to earlier keys and to `environment`.
QHash<QString, QString> parseDotEnv(const QString &text, const QHash<QString, QString> &environment,
                                    QList<Interpolator::Problem> *problems = nullptr);

} // namespace Portolan::Compose
