#pragma once

#include "format.h"
#include "schema.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include <cstddef>
#include <cstdint>

// What the fuzz targets of tests/fuzz share (README, Sanitizers and
// fuzzing). Each target feeds libFuzzer's bytes to one reader and then checks
// what every reader promises: no crash, no sanitizer report, and whatever it
// accepted is a plan that the native format saves and opens again unchanged.
namespace Portolan::Fuzz {

// Once per process, from LLVMFuzzerInitialize: a QCoreApplication (readers
// translate their messages) and an empty folder as the base of relative files.
void init(int *argc, char ***argv);

// The empty folder: relative file names in an input (include:, file_sd,
// env_file) are looked up there and find nothing.
QString baseDir();

// Writes data to name in a second folder of the run and returns its path,
// for the readers that take a file (cloudflared, env).
QString writeInput(const QString &name, const QByteArray &data);

// Part of the built-in sample plan, read once: what fragments are merged into.
const Schema &samplePlan();

// Saves schema in the native format, opens it again and saves it once more:
// aborts, naming what, when the plan does not open again or changes.
void checkOpensAgain(const Schema &schema, const char *what);

// Reads bytes with format (compose, Prometheus) as the Mac Mini's reality,
// merges the fragment into the sample plan and checks that the result opens
// again; extra: the reader's options besides the file's name. (Only
// fuzz_check analyses: an analysis costs more than a reading.)
void readAndMerge(const Format &format, const QByteArray &bytes, const QString &fileName, const QVariantMap &extra,
                  const char *what);

// Reads file as a linked source of kind (cloudflared, env) of the Mac Mini,
// applies it to the sample plan and checks that the result opens again.
void readAndApply(SourceKind kind, const QString &file, const char *what);

// Aborts with a message: the fuzzer keeps the input that got here.
[[noreturn]] void fail(const char *what, const QString &detail);

} // namespace Portolan::Fuzz

#define PORTOLAN_FUZZ_TARGET                                                                                          \
    extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)                                                     \
    {                                                                                                                \
        Portolan::Fuzz::init(argc, argv);                                                                            \
        return 0;                                                                                                    \
    }                                                                                                                \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
