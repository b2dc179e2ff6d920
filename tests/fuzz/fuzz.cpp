#include "fuzz.h"

#include "jsonformat.h"
#include "linkedsources.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace Portolan::Fuzz {

namespace {

QTemporaryDir *emptyDir = nullptr;
QTemporaryDir *inputDir = nullptr;

} // namespace

void init(int *argc, char ***argv)
{
    // The application outlives every input; libFuzzer exits without unwinding.
    static QCoreApplication *app = nullptr;
    if (!app)
        app = new QCoreApplication(*argc, *argv);
    emptyDir = new QTemporaryDir;
    inputDir = new QTemporaryDir;
    if (!emptyDir->isValid() || !inputDir->isValid())
        fail("init", QStringLiteral("no temporary folder"));
}

QString baseDir()
{
    return emptyDir->path();
}

QString writeInput(const QString &name, const QByteArray &data)
{
    const QString path = inputDir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        fail("writeInput", path);
    return path;
}

const Schema &samplePlan()
{
    // The Mac Mini's services of the built-in sample, with every host and
    // range: what matching needs, at a fraction of the work per input.
    static const Schema sample = [] {
        Schema schema = builtInSample();
        QList<Service> services;
        for (const Service &s : std::as_const(schema.services)) {
            if (s.hostId == QLatin1String("mac-mini") && services.size() < 16)
                services.append(s);
        }
        schema.services = services;
        QList<Reference> references;
        for (const Reference &r : std::as_const(schema.references)) {
            if (schema.service(r.fromServiceId) && schema.service(r.toServiceId))
                references.append(r);
        }
        schema.references = references;
        return schema;
    }();
    return sample;
}

void checkOpensAgain(const Schema &schema, const char *what)
{
    const QByteArray saved = JsonFormat::serialize(schema);
    ParseError error;
    const std::optional<Schema> opened = JsonFormat::parse(saved, QStringLiteral("saved.portolan.json"), &error);
    if (!opened)
        fail(what, QStringLiteral("the saved plan does not open again: ") + error.toString());
    const QByteArray again = JsonFormat::serialize(*opened);
    if (again != saved)
        fail(what, QStringLiteral("the plan changes when saved, opened and saved again"));
}

void readAndMerge(const Format &format, const QByteArray &bytes, const QString &fileName, const QVariantMap &extra,
                  const char *what)
{
    FormatOptions options;
    options.fileName = fileName;
    options.hostId = QStringLiteral("mac-mini");
    options.baseDir = baseDir();
    options.extra = extra;
    ParseError error;
    const std::optional<ReadResult> fragment = format.read(bytes, options, &error);
    if (!fragment) {
        if (error.message.isEmpty())
            fail(what, QStringLiteral("refused without a message"));
        return;
    }
    QStringList summary;
    QString mergeError;
    const std::optional<Schema> merged = format.merge(samplePlan(), *fragment, options, &summary, &mergeError);
    if (!merged)
        return;
    checkOpensAgain(*merged, what);
}

void readAndApply(SourceKind kind, const QString &file, const char *what)
{
    RealitySource source;
    source.kind = kind;
    source.files = {file};
    const SourceReading reading = readSource(QStringLiteral("mac-mini"), source, baseDir());
    if (!reading.ok && reading.error.message.isEmpty())
        fail(what, QStringLiteral("refused without a message"));
    const RealityApplied applied = applyReadings(samplePlan(), {reading});
    checkOpensAgain(applied.schema, what);
}

void fail(const char *what, const QString &detail)
{
    std::fprintf(stderr, "portolan fuzz %s: %s\n", what, qUtf8Printable(detail));
    std::abort();
}

} // namespace Portolan::Fuzz
