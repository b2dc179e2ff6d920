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
    ExportPreview *preview() const { return mPreview; }

private:
    const Format *currentFormat() const;
    void refresh();
    void save();

    Schema mSchema;
    QString mDocumentName;
    QComboBox *mFormat;
    QComboBox *mHost;
    QCheckBox *mStatus;
    QCheckBox *mFindings;
    ExportPreview *mPreview;
    QLabel *mBinary;
    QByteArray mBytes;
};

} // namespace Portolan
