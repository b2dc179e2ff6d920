#pragma once

#include "realitycheck.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Portolan {

class ObservationStore;
class SchemaDocument;

// Tools > Reality check…: chooses hosts, ranges and limits, runs a
// RealityCheck without blocking, and hands the result to the observation store.
// Shown modeless so that the Live column can be watched while it runs.
class RealityCheckDialog : public QDialog
{
    Q_OBJECT

public:
    RealityCheckDialog(SchemaDocument *document, ObservationStore *store, QWidget *parent = nullptr);
    ~RealityCheckDialog() override;

    RealityCheckOptions options() const;
    void setOptions(const RealityCheckOptions &options);

    RealityCheck *check() const { return mCheck; }
    QPushButton *startButton() const { return mStartButton; }
    QPushButton *cancelButton() const { return mCancelButton; }
    QProgressBar *progressBar() const { return mProgress; }
    QString resultText() const;

    bool start();
    void cancel();

signals:
    void checkFinished(const Portolan::Observations &observations);

protected:
    void reject() override;

private:
    void fillLists();
    void updatePlan();
    void onProgress(int finished, int total, int listening);
    void onFinished(const Observations &observations);
    void setRunning(bool running);

    SchemaDocument *mDocument;
    ObservationStore *mStore;
    RealityCheck *mCheck;
    QListWidget *mHosts;
    QListWidget *mRanges;
    QLineEdit *mExtraRanges;
    QSpinBox *mTimeout;
    QSpinBox *mConcurrency;
    QLineEdit *mHealthPath;
    QLineEdit *mPrometheusUrl;
    QLabel *mPlanLabel;
    QProgressBar *mProgress;
    QLabel *mProgressLabel;
    QPlainTextEdit *mResults;
    QPushButton *mStartButton;
    QPushButton *mCancelButton;
    QDialogButtonBox *mButtons;
};

} // namespace Portolan
