#pragma once

#include "format.h"
#include "schema.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
template<typename T>
class QFutureWatcher;

namespace Portolan {

class ExportPreview;
class Format;

// File > Export: every writer of the format registry (the same list as
// `portolan export --to`), a host where the format needs one, a live
// preview, and Save. The export is written on a worker, once per choice:
// the preview and Save As both take those bytes. A fleet's export takes a
// second; meanwhile the dialog answers, shows a busy bar, and a new choice
// or Close leaves the old writing behind.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const Schema &schema, const QString &documentName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void selectFormat(const QString &formatId);
    // Where the plan's relative paths lead (its folder): an export that
    // starts from an imported file (Prometheus) reads it from there.
    void setBaseDir(const QString &dir);
    ExportPreview *preview() const { return mPreview; }
    // Where Save wrote the export; empty until it did.
    QString savedFileName() const { return mSavedFileName; }
    // The file name with the filter's first suffix ("Markdown (*.md)": .md)
    // when it has no suffix of the filter yet.
    // True while the export of the current choice is being written.
    bool isWriting() const { return mWriting || mStartScheduled; }
    static QString withDefaultSuffix(const QString &fileName, const QString &filter);

private:
    struct Written
    {
        std::optional<QByteArray> bytes;
        QString text; // of a text format, decoded on the worker too
        QString error;
    };

    const Format *currentFormat() const;
    FormatOptions currentOptions() const;
    void refresh();
    void startWriting();
    void writingFinished();
    void save();

    Schema mSchema;
    QString mBaseDir;
    QString mDocumentName;
    QString mSavedFileName;
    QComboBox *mFormat;
    QComboBox *mHost;
    QCheckBox *mStatus;
    QCheckBox *mFindings;
    QComboBox *mCompose;
    QWidget *mComposeLabel = nullptr;
    ExportPreview *mPreview;
    QLabel *mBinary;
    QPushButton *mSave;
    QByteArray mBytes;
    QFutureWatcher<Written> *mWatcher;
    QTimer *mBusyDelay;
    const Format *mWritingFormat = nullptr;
    bool mWriting = false;
    bool mStartScheduled = false;
    bool mPending = false; // the choice changed while the last one was written
};

} // namespace Portolan
