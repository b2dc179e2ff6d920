#include "movereport.h"

#include "analyzer.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <future>
#include <utility>

namespace Portolan {

// Tr::tr() is what lupdate files under this context; a free Tr::tr() helper
// would land under the enclosing namespace and never be found.
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Portolan::MoveReport)
};
} // namespace

DiffReport makeDiffReport(Schema oldSchema, const Schema &newSchema, const QString &oldName, const QString &newName)
{
    DiffReport report;
    report.oldName = oldName;
    report.newName = newName;
    report.oldSchema.hosts = oldSchema.hosts;
    report.oldSchema.ranges = oldSchema.ranges;
    // The new schema's analysis runs on another thread while the moves'
    // impacts are computed here; the old one's is where those start from.
    auto analysis = std::async(std::launch::async, [&] { return Analyzer::analyze(newSchema); });
    report.moves = diffSchemas(oldSchema, newSchema, Move::Origin::Proposal, newName);
    computeImpacts(std::move(oldSchema), report.moves, true, -1, &report.oldFindings);
    report.newFindings = analysis.get();
    compareFindings(report.oldFindings, report.newFindings, &report.resolved, &report.introduced);
    return report;
}

QString impactSummary(const MoveImpact &impact)
{
    if (!impact.computed)
        return Tr::tr("…", "impact not computed yet");
    QStringList parts;
    parts.append(Tr::tr("✓ resolves %n", nullptr, int(impact.resolved.size())));
    parts.append(Tr::tr("✗ introduces %n", nullptr, int(impact.introduced.size())));
    if (!impact.references.isEmpty())
        parts.append(Tr::tr("%n reference(s)", nullptr, int(impact.references.size())));
    if (!impact.scrapeTargets.isEmpty())
        parts.append(Tr::tr("%n scrape target(s)", nullptr, int(impact.scrapeTargets.size())));
    if (!impact.exports.isEmpty())
        parts.append(Tr::tr("%n export(s) differ", nullptr, int(impact.exports.size())));
    return parts.join(QStringLiteral(" · "));
}

static QString findingLine(const Finding &f)
{
    return QStringLiteral("%1 %2: %3").arg(severityToString(f.severity), f.rule, f.message);
}

static QString exportLabel(const ExportChange &e)
{
    return e.hostId.isEmpty() ? e.formatName : QStringLiteral("%1 (%2)").arg(e.formatName, e.hostId);
}

static QString referenceLine(const Reference &r, const Move &m)
{
    const QString where = r.origin.isValid() ? r.origin.toString() : Tr::tr("(no file)");
    return Tr::tr("%1: %2 → %3").arg(where, r.text, rewrittenReference(r, m));
}

static QString moveTitle(const DiffReport &report, const Move &m)
{
    QString title = QStringLiteral("%1 (%2): %3").arg(m.name, m.kindText(), m.changeText(report.oldSchema));
    if (m.isSwap())
        title += QLatin1Char(' ') + Tr::tr("[swap with %1]").arg(m.cycleWith.join(QStringLiteral(", ")));
    return title;
}

static QString countsLine(const DiffReport &report)
{
    int moves = 0;
    for (const Move &m : report.moves)
        moves += m.kind == Move::Kind::Port ? 1 : 0;
    const int others = int(report.moves.size()) - moves;
    return Tr::tr("%n move(s)", nullptr, moves) + QStringLiteral(", ") + Tr::tr("%n other change(s)", nullptr, others)
        + QStringLiteral("; ") + Tr::tr("findings: %n resolved", nullptr, int(report.resolved.size()))
        + QStringLiteral(", ") + Tr::tr("%n introduced", nullptr, int(report.introduced.size()));
}

QString diffAsText(const DiffReport &report)
{
    QString out;
    out += Tr::tr("%1 → %2: %3").arg(report.oldName, report.newName, countsLine(report)) + QLatin1Char('\n');
    for (const Move &m : report.moves) {
        out += QStringLiteral("%1. %2\n").arg(m.order).arg(moveTitle(report, m));
        out += QStringLiteral("   %1\n").arg(impactSummary(m.impact));
        for (const Finding &f : m.impact.resolved)
            out += QStringLiteral("   + %1\n").arg(findingLine(f));
        for (const Finding &f : m.impact.introduced)
            out += QStringLiteral("   - %1\n").arg(findingLine(f));
        for (const Reference &r : m.impact.references)
            out += QStringLiteral("   %1 %2\n").arg(Tr::tr("reference"), referenceLine(r, m));
        for (const ScrapeChange &s : m.impact.scrapeTargets)
            out += QStringLiteral("   %1\n")
                       .arg(Tr::tr("scrape target %1 → %2 (job %3; the series' instance label changes)")
                                .arg(s.before, s.after, s.job));
        for (const ExportChange &e : m.impact.exports)
            out += QStringLiteral("   %1\n").arg(Tr::tr("export %1 differs by %n line(s)", nullptr, e.lines).arg(exportLabel(e)));
    }
    return out;
}

static QJsonArray findingsJson(const QList<Finding> &findings)
{
    QJsonArray a;
    for (const Finding &f : findings)
        a.append(findingToJson(f));
    return a;
}

static QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

static QJsonObject positionJson(const QString &host, int port)
{
    QJsonObject o;
    o.insert(QStringLiteral("host"), orNull(host));
    o.insert(QStringLiteral("port"), port > 0 ? QJsonValue(port) : QJsonValue());
    return o;
}

QByteArray diffAsJson(const DiffReport &report)
{
    QHash<QString, QString> idOfKey;
    for (const Move &m : report.moves)
        idOfKey.insert(m.key(), m.serviceId);

    QJsonArray moves;
    for (const Move &m : report.moves) {
        QJsonObject o;
        o.insert(QStringLiteral("order"), m.order);
        o.insert(QStringLiteral("kind"), m.kindId());
        o.insert(QStringLiteral("id"), m.serviceId);
        o.insert(QStringLiteral("name"), m.name);
        if (m.kind == Move::Kind::Port) {
            o.insert(QStringLiteral("side"), m.side == Move::Side::Plan ? QStringLiteral("plan") : QStringLiteral("reality"));
            o.insert(QStringLiteral("protocol"), protocolToString(m.protocol));
            o.insert(QStringLiteral("from"), positionJson(m.fromHostId, m.fromPort));
            o.insert(QStringLiteral("to"), positionJson(m.toHostId, m.toPort));
            QStringList after;
            for (const QString &k : m.after)
                after.append(idOfKey.value(k));
            o.insert(QStringLiteral("after"), QJsonArray::fromStringList(after));
            o.insert(QStringLiteral("swap"), m.isSwap());
        }
        o.insert(QStringLiteral("change"), m.changeText(report.oldSchema));

        QJsonObject impact;
        impact.insert(QStringLiteral("resolves"), findingsJson(m.impact.resolved));
        impact.insert(QStringLiteral("introduces"), findingsJson(m.impact.introduced));
        QJsonArray references;
        for (const Reference &r : m.impact.references) {
            QJsonObject ro;
            ro.insert(QStringLiteral("from"), r.fromServiceId);
            ro.insert(QStringLiteral("kind"), r.kind);
            ro.insert(QStringLiteral("text"), r.text);
            ro.insert(QStringLiteral("replacement"), rewrittenReference(r, m));
            ro.insert(QStringLiteral("file"), orNull(r.origin.file));
            ro.insert(QStringLiteral("line"), r.origin.line > 0 ? QJsonValue(r.origin.line) : QJsonValue());
            references.append(ro);
        }
        impact.insert(QStringLiteral("references"), references);
        QJsonArray scrape;
        for (const ScrapeChange &s : m.impact.scrapeTargets) {
            QJsonObject so;
            so.insert(QStringLiteral("job"), s.job);
            so.insert(QStringLiteral("before"), s.before);
            so.insert(QStringLiteral("after"), s.after);
            so.insert(QStringLiteral("file"), orNull(s.origin.file));
            so.insert(QStringLiteral("line"), s.origin.line > 0 ? QJsonValue(s.origin.line) : QJsonValue());
            scrape.append(so);
        }
        impact.insert(QStringLiteral("scrapeTargets"), scrape);
        QJsonArray exports;
        for (const ExportChange &e : m.impact.exports) {
            QJsonObject eo;
            eo.insert(QStringLiteral("format"), e.formatId);
            eo.insert(QStringLiteral("host"), orNull(e.hostId));
            eo.insert(QStringLiteral("lines"), e.lines);
            exports.append(eo);
        }
        impact.insert(QStringLiteral("exports"), exports);
        o.insert(QStringLiteral("impact"), impact);
        moves.append(o);
    }

    int portMoves = 0;
    for (const Move &m : report.moves)
        portMoves += m.kind == Move::Kind::Port ? 1 : 0;
    QJsonObject summary;
    summary.insert(QStringLiteral("moves"), portMoves);
    summary.insert(QStringLiteral("otherChanges"), int(report.moves.size()) - portMoves);
    summary.insert(QStringLiteral("resolved"), int(report.resolved.size()));
    summary.insert(QStringLiteral("introduced"), int(report.introduced.size()));

    QJsonObject root;
    root.insert(QStringLiteral("old"), report.oldName);
    root.insert(QStringLiteral("new"), report.newName);
    root.insert(QStringLiteral("changes"), moves);
    root.insert(QStringLiteral("resolved"), findingsJson(report.resolved));
    root.insert(QStringLiteral("introduced"), findingsJson(report.introduced));
    root.insert(QStringLiteral("summary"), summary);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Table cells and inline code must not break the Markdown structure.
static QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

static QString code(const QString &text)
{
    return text.contains(QLatin1Char('`')) ? QStringLiteral("`` %1 ``").arg(text) : QStringLiteral("`%1`").arg(text);
}

static void appendImpactDetails(QString &out, const Move &m)
{
    for (const Finding &f : m.impact.resolved)
        out += QStringLiteral("- ✓ %1\n").arg(Tr::tr("resolves %1 — %2").arg(code(f.rule), f.message));
    for (const Finding &f : m.impact.introduced)
        out += QStringLiteral("- ✗ %1\n").arg(Tr::tr("introduces %1 — %2").arg(code(f.rule), f.message));
    for (const Reference &r : m.impact.references) {
        const QString where = r.origin.isValid() ? code(r.origin.toString()) : Tr::tr("(no file)");
        out += QStringLiteral("- %1\n").arg(Tr::tr("reference %1: %2 → %3").arg(where, code(r.text), code(rewrittenReference(r, m))));
    }
    for (const ScrapeChange &s : m.impact.scrapeTargets)
        out += QStringLiteral("- %1\n")
                   .arg(Tr::tr("scrape target %1 → %2 (job %3); the `instance` label of its series changes")
                            .arg(code(s.before), code(s.after), code(s.job)));
    for (const ExportChange &e : m.impact.exports)
        out += QStringLiteral("- %1\n").arg(Tr::tr("%1 export differs by %n line(s)", nullptr, e.lines).arg(exportLabel(e)));
}

QString diffAsMarkdown(const DiffReport &report)
{
    QString out;
    out += QStringLiteral("## %1\n\n").arg(Tr::tr("Port schema changes: %1 → %2").arg(code(report.oldName), code(report.newName)));
    out += countsLine(report) + QStringLiteral("\n\n");
    if (report.moves.isEmpty()) {
        out += Tr::tr("No differences.") + QLatin1Char('\n');
        return out;
    }
    out += QStringLiteral("| # | %1 | %2 | %3 | %4 |\n|---|---|---|---|---|\n")
               .arg(Tr::tr("Service"), Tr::tr("Kind"), Tr::tr("Change"), Tr::tr("Impact"));
    for (const Move &m : report.moves) {
        QString change = m.changeText(report.oldSchema);
        if (m.isSwap())
            change += QLatin1Char(' ') + Tr::tr("(swap with %1)").arg(m.cycleWith.join(QStringLiteral(", ")));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                   .arg(m.order)
                   .arg(cell(m.name), cell(m.kindText()), cell(change), cell(impactSummary(m.impact)));
    }
    bool detailsHeader = false;
    for (const Move &m : report.moves) {
        QString details;
        appendImpactDetails(details, m);
        if (details.isEmpty())
            continue;
        if (!detailsHeader) {
            out += QStringLiteral("\n### %1\n").arg(Tr::tr("Impact"));
            detailsHeader = true;
        }
        out += QStringLiteral("\n**%1. %2** — %3\n\n").arg(m.order).arg(m.name, m.changeText(report.oldSchema));
        out += details;
    }
    return out;
}

static QString decisionText(ReviewDecision::Kind kind)
{
    switch (kind) {
    case ReviewDecision::Kind::Executed: return Tr::tr("executed");
    case ReviewDecision::Kind::AcceptedReality: return Tr::tr("reality accepted");
    case ReviewDecision::Kind::Rejected: return Tr::tr("rejected");
    }
    return {};
}

// The exact lines to edit in the files reality was imported from.
static QStringList linesToChange(const ReviewDecision &d)
{
    const Move &m = d.move;
    QStringList lines;
    if (d.kind != ReviewDecision::Kind::Executed || m.kind != Move::Kind::Port)
        return lines;
    // Executing a move of reality changes the compose file that publishes
    // the port; a plan move changes only the plan.
    if (m.side == Move::Side::Reality && m.changesPort() && m.service.origin.isValid())
        lines.append(Tr::tr("%1: publish %2 instead of %3 for %4")
                         .arg(code(m.service.origin.toString()))
                         .arg(m.toPort)
                         .arg(m.fromPort)
                         .arg(code(m.name)));
    for (const Reference &r : m.impact.references) {
        const QString where = r.origin.isValid() ? code(r.origin.toString()) : Tr::tr("(no file)");
        lines.append(Tr::tr("%1: %2 → %3").arg(where, code(r.text), code(rewrittenReference(r, m))));
    }
    for (const ScrapeChange &s : m.impact.scrapeTargets) {
        const QString where = s.origin.isValid() ? code(s.origin.toString()) : Tr::tr("(no file)");
        lines.append(Tr::tr("%1: target %2 → %3 (the `instance` label changes)").arg(where, code(s.before), code(s.after)));
    }
    return lines;
}

// A diff as a fenced block, the fence longer than any backtick run inside.
static QString diffBlock(const QString &patch)
{
    QString fence = QStringLiteral("```");
    while (patch.contains(fence))
        fence += QLatin1Char('`');
    return fence + QStringLiteral("diff\n") + patch + (patch.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"))
        + fence + QLatin1Char('\n');
}

QString reviewReportMarkdown(const Schema &schema, const QString &title, const QList<ReviewDecision> &decisions,
                             const QList<Move> &pending, const QString &pendingPatch)
{
    QString out;
    out += QStringLiteral("# %1\n\n").arg(Tr::tr("Port move review: %1").arg(title.isEmpty() ? schema.title : title));
    out += Tr::tr("%n move(s) decided", nullptr, int(decisions.size())) + QStringLiteral(", ")
        + Tr::tr("%n pending", nullptr, int(pending.size())) + QStringLiteral(".\n\n");

    if (!decisions.isEmpty()) {
        out += QStringLiteral("## %1\n\n").arg(Tr::tr("Decided"));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n|---|---|---|---|---|\n")
                   .arg(Tr::tr("Service"), Tr::tr("Change"), Tr::tr("Origin"), Tr::tr("Decision"), Tr::tr("Impact"));
        for (const ReviewDecision &d : decisions) {
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(cell(d.move.name), cell(d.move.changeText(schema)), cell(d.move.originText()),
                            cell(decisionText(d.kind)), cell(impactSummary(d.move.impact)));
        }
        QStringList allLines;
        for (const ReviewDecision &d : decisions) {
            for (const QString &line : linesToChange(d))
                allLines.append(QStringLiteral("- %1").arg(line));
        }
        out += QStringLiteral("\n## %1\n\n").arg(Tr::tr("Lines to change in the imported files"));
        out += allLines.isEmpty() ? Tr::tr("None.") + QLatin1Char('\n') : allLines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        for (const ReviewDecision &d : decisions) {
            QString details;
            appendImpactDetails(details, d.move);
            if (details.isEmpty())
                continue;
            out += QStringLiteral("\n### %1 — %2\n\n").arg(d.move.name, d.move.changeText(schema));
            out += details;
        }
    }
    QStringList written;
    for (const ReviewDecision &d : decisions) {
        if (!d.patch.isEmpty() && !written.contains(d.patch))
            written.append(d.patch);
    }
    if (!written.isEmpty()) {
        out += QStringLiteral("\n## %1\n\n").arg(Tr::tr("Written to the linked files"));
        for (const QString &patch : std::as_const(written))
            out += diffBlock(patch);
    }
    if (!pending.isEmpty()) {
        out += QStringLiteral("\n## %1\n\n").arg(Tr::tr("Pending"));
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n|---|---|---|---|\n")
                   .arg(Tr::tr("Service"), Tr::tr("Change"), Tr::tr("Origin"), Tr::tr("Impact"));
        for (const Move &m : pending) {
            out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                       .arg(cell(m.name), cell(m.changeText(schema)), cell(m.originText()),
                            cell(impactSummary(m.impact)));
        }
    }
    if (!pendingPatch.isEmpty()) {
        out += QStringLiteral("\n## %1\n\n").arg(Tr::tr("Changes that carry the pending moves out"));
        out += diffBlock(pendingPatch);
    }
    return out;
}

} // namespace Portolan
