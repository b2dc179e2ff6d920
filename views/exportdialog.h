#pragma once

#include "schema.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;

namespace Portolan {

class ExportPreview;
class Format;

// File > Export: every writer of the format registry (the same list as
// `portolan export --to`), a host where the format needs one, a live
// preview, and Save.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const Schema &schema, const QString &documentName, QWidget *parent = nullptr);

    void selectFormat(const QString &formatId);
    // Where the plan's relative paths lead (its folder): an export that
    // starts from an imported file (Prometheus) reads it from there.
    void setBaseDir(const QString &dir);
    ExportPreview *preview() const { return mPreview; }
    // Where Save wrote the export; empty until it did.
    QString savedFileName() const { return mSavedFileName; }
    // The file name with the filter's first suffix ("Markdown (*.md)": .md)
    // when it has no suffix of the filter yet.
    static QString withDefaultSuffix(const QString &fileName, const QString &filter);

private:
    const Format *currentFormat() const;
    void refresh();
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
    QByteArray mBytes;
};

} // namespace Portolan
