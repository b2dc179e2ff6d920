#pragma once

#include "finding.h"
#include "schema.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Portolan {

// File > New Service: name, host, range and protocol; proposes the next free
// port of the range on the host (honouring reservations and the plan) and
// warns, as the port is typed, about the findings it would create.
class NewServiceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewServiceDialog(const Schema &schema, QWidget *parent = nullptr);

    void setName(const QString &name);
    void setHost(const QString &hostId);
    void setRange(const QString &rangeId);
    void setPort(int port);

    int port() const;
    QString rangeId() const;
    QString proposalText() const;
    // Findings the new service would be part of, as of the last check.
    QList<Finding> predictedFindings() const { return mPredicted; }
    Service service() const;

    // Re-checks at once (normally debounced while typing).
    void checkNow();

private:
    void propose();
    void useAlternative();
    void validate();

    Schema mSchema;
    QLineEdit *mName;
    QComboBox *mHost;
    QComboBox *mRange;
    QComboBox *mProtocol;
    QLineEdit *mPort;
    QLabel *mProposal;
    QPushButton *mUseAlternative;
    QLabel *mWarnings;
    QPushButton *mOk;
    QTimer *mCheckTimer;
    int mAlternativePort = 0;
    QString mAlternativeRange;
    QList<Finding> mPredicted;
};

} // namespace Portolan
