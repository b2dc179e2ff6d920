// Times the Markdown import of generated port docs of about 10 MB each, in
// the shapes the importer reads: the PORT_SCHEMA layout (one range, a Port |
// Service | Description table), a table with host and container ports and two
// ports in a cell, and a bullet list "- name: port".
//
//   bench_markdown [--mb N] [--runs N] [--shape NAME]
//                                  (default 10 MB a doc, 5 runs, every shape)
//
// Prints, per shape, the size, the rows, the services read and the minimum, median and
// maximum import time (from bytes in memory to the schema, as `portolan
// import` does after reading the file). The goal is 1 s for a 10 MB doc.

#include "heap.h"
#include "markdownformat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace Portolan;

namespace {

QByteArray generate(const QByteArray &head, const QByteArray &row, qsizetype bytes, int *rows)
{
    QByteArray doc = head;
    doc.reserve(bytes + row.size() + 32);
    for (int i = 0; doc.size() < bytes; ++i) {
        *rows = i + 1;
        doc += QByteArray(row)
                   .replace("%1", QByteArray::number(i))
                   .replace("%2", QByteArray::number(i % 65535 + 1))
                   .replace("%3", QByteArray::number((i + 7) % 65535 + 1));
    }
    return doc;
}

} // namespace

int main(int argc, char **argv)
{
    tuneHeapForLargeDocuments(); // as portolan's main() does
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    double mb = 10;
    int runs = 5;
    QString only;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--mb"))
            mb = std::max(0.001, args.at(i + 1).toDouble());
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--shape"))
            only = args.at(i + 1);
    }

    const struct
    {
        const char *name;
        QByteArray head;
        QByteArray row; // %1: a number, %2 and %3: ports
    } shapes[] = {
        {"layout", "# Big\n\n## 1-65535: All\n\n| Port | Service | Description |\n|---|---|---|\n",
         "| %2 | service-%1 | a description of this service, long enough to be typical |\n"},
        {"table", "# Big\n\n| Service | Host Port | Container Port | Notes |\n|---|---|---|---|\n",
         "| service-%1 | %2 / %3 | 80 | a note on this service, as teams write them |\n"},
        {"list", "# Big\n\n## Services\n\n", "- service-%1: %2 (a note on this service, as teams write them in lists)\n"},
    };
    out << "runs: " << runs << Qt::endl;
    for (const auto &shape : shapes) {
        if (!only.isEmpty() && only != QLatin1String(shape.name))
            continue;
        int rows = 0;
        const QByteArray doc = generate(shape.head, shape.row, qsizetype(mb * 1024 * 1024), &rows);
        QList<double> ms;
        qsizetype services = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer timer;
            timer.start();
            FormatOptions options;
            options.fileName = QStringLiteral("big.md");
            ParseError error;
            const std::optional<ReadResult> result = MarkdownFormat().read(doc, options, &error);
            ms.append(timer.nsecsElapsed() / 1e6);
            if (!result) {
                out << shape.name << ": refused: " << error.toString() << Qt::endl;
                return 1;
            }
            services = result->schema.services.size();
        }
        std::sort(ms.begin(), ms.end());
        out << shape.name << ": " << QString::number(doc.size() / 1048576.0, 'f', 1) << " MB, " << rows << " rows, "
            << services << " services; import ms min " << QString::number(ms.first(), 'f', 0) << ", median "
            << QString::number(ms.at(ms.size() / 2), 'f', 0) << ", max " << QString::number(ms.last(), 'f', 0)
            << Qt::endl;
    }
    return 0;
}
