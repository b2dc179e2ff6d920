#include "newservicedialog.h"

#include "analyzer.h"
#include "portallocator.h"
#include "severityicon.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Portolan {

NewServiceDialog::NewServiceDialog(const Schema &schema, QWidget *parent)
    : QDialog(parent)
    , mSchema(schema)
    , mName(new QLineEdit(this))
    , mHost(new QComboBox(this))
    , mRange(new QComboBox(this))
    , mProtocol(new QComboBox(this))
    , mPort(new QLineEdit(this))
    , mProposal(new QLabel(this))
    , mUseAlternative(new QPushButton(this))
    , mWarnings(new QLabel(this))
    , mCheckTimer(new QTimer(this))
{
    setWindowTitle(tr("New Service"));
    mName->setPlaceholderText(tr("e.g. mana-billing"));
    mHost->addItem(tr("(no host yet)"), QString());
    for (const Host &h : schema.hosts)
        mHost->addItem(h.name, h.id);
    QList<const PortRange *> ranges;
    for (const PortRange &r : schema.ranges)
        ranges.append(&r);
    std::stable_sort(ranges.begin(), ranges.end(),
                     [](const PortRange *a, const PortRange *b) { return a->first < b->first; });
    for (const PortRange *r : std::as_const(ranges))
        mRange->addItem(QStringLiteral("%1 %2").arg(r->label(), r->title), r->id);
    mProtocol->addItem(QStringLiteral("tcp"), int(Protocol::Tcp));
    mProtocol->addItem(QStringLiteral("udp"), int(Protocol::Udp));
    mPort->setValidator(new QIntValidator(1, 65535, mPort));
    mProposal->setWordWrap(true);
    mWarnings->setWordWrap(true);
    mWarnings->setTextFormat(Qt::RichText);
    mUseAlternative->hide();
    mCheckTimer->setSingleShot(true);
    mCheckTimer->setInterval(150);

    auto *portRow = new QHBoxLayout;
    portRow->addWidget(mPort);
    portRow->addWidget(mUseAlternative);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), mName);
    form->addRow(tr("&Host:"), mHost);
    form->addRow(tr("&Range:"), mRange);
    form->addRow(tr("P&rotocol:"), mProtocol);
    // A label for a row of several widgets gets its buddy by hand.
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(mPort);
    form->addRow(portLabel, portRow);
    form->addRow(QString(), mProposal);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("&Add Service"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mWarnings);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(mHost, &QComboBox::currentIndexChanged, this, &NewServiceDialog::propose);
    connect(mRange, &QComboBox::currentIndexChanged, this, &NewServiceDialog::propose);
    connect(mProtocol, &QComboBox::currentIndexChanged, mCheckTimer, qOverload<>(&QTimer::start));
    connect(mPort, &QLineEdit::textChanged, mCheckTimer, qOverload<>(&QTimer::start));
    connect(mName, &QLineEdit::textChanged, this, &NewServiceDialog::validate);
    connect(mName, &QLineEdit::textChanged, mCheckTimer, qOverload<>(&QTimer::start));
    connect(mCheckTimer, &QTimer::timeout, this, &NewServiceDialog::checkNow);
    connect(mUseAlternative, &QPushButton::clicked, this, &NewServiceDialog::useAlternative);
    propose();
    validate();
    resize(560, sizeHint().height());
}

void NewServiceDialog::setName(const QString &name) { mName->setText(name); }

void NewServiceDialog::setHost(const QString &hostId)
{
    mHost->setCurrentIndex(qMax(0, mHost->findData(hostId)));
}

void NewServiceDialog::setRange(const QString &rangeId)
{
    const int i = mRange->findData(rangeId);
    if (i >= 0)
        mRange->setCurrentIndex(i);
}

void NewServiceDialog::setPort(int port)
{
    mPort->setText(port > 0 ? QString::number(port) : QString());
    checkNow();
}

int NewServiceDialog::port() const { return mPort->text().toInt(); }
QString NewServiceDialog::rangeId() const { return mRange->currentData().toString(); }
QString NewServiceDialog::proposalText() const { return mProposal->text(); }

void NewServiceDialog::propose()
{
    const PortProposal proposal = proposePort(mSchema, rangeId(), mHost->currentData().toString());
    const PortRange *range = mSchema.range(rangeId());
    mAlternativePort = 0;
    mUseAlternative->hide();
    if (!range) {
        mProposal->setText(tr("Add a range first (Ranges dock) to get a port proposed."));
    } else if (!proposal.rangeFull) {
        mProposal->setText(tr("%1 is the next free port of %2 (reserved and planned ports skipped).")
                               .arg(proposal.port)
                               .arg(range->title));
        mPort->setText(QString::number(proposal.port));
    } else {
        mPort->clear();
        const PortRange *other = mSchema.range(proposal.rangeId);
        if (other) {
            mAlternativePort = proposal.port;
            mAlternativeRange = proposal.rangeId;
            mProposal->setText(tr("%1 %2 is full: every port is planned, used or reserved. The first free port "
                                  "elsewhere is %3 in %4.")
                                   .arg(range->label(), range->title)
                                   .arg(proposal.port)
                                   .arg(other->title));
            mUseAlternative->setText(tr("&Use %1").arg(proposal.port));
            mUseAlternative->show();
        } else {
            mProposal->setText(tr("%1 %2 is full, and so is every other range.").arg(range->label(), range->title));
        }
    }
    checkNow();
}

void NewServiceDialog::useAlternative()
{
    if (mAlternativePort <= 0)
        return;
    const int port = mAlternativePort;
    setRange(mAlternativeRange); // proposes that range's first free port, which is this one
    setPort(port);
}

Service NewServiceDialog::service() const
{
    Service s;
    s.name = mName->text().trimmed();
    s.id = mSchema.uniqueServiceId(s.name.isEmpty() ? QStringLiteral("service") : s.name);
    s.hostId = mHost->currentData().toString();
    s.rangeId = rangeId();
    s.protocol = Protocol(mProtocol->currentData().toInt());
    s.plannedPort = port();
    s.status = ServiceStatus::Planned;
    return s;
}

void NewServiceDialog::checkNow()
{
    mCheckTimer->stop();
    mPredicted.clear();
    const Service candidate = service();
    if (isValidPort(candidate.plannedPort)) {
        // The same analyzer as everywhere, on the schema with the service added.
        Schema withService = mSchema;
        withService.services.append(candidate);
        for (const Finding &f : Analyzer::analyze(withService)) {
            if (f.serviceIds.contains(candidate.id))
                mPredicted.append(f);
        }
        sortFindings(mPredicted);
    }
    QStringList lines;
    for (const Finding &f : std::as_const(mPredicted)) {
        const QString colour = severityColour(f.severity).name();
        lines.append(QStringLiteral("<span style=\"color:%1\">■</span> <b>%2</b> %3: %4")
                         .arg(colour, severityDisplayName(f.severity).toHtmlEscaped(), f.rule, f.message.toHtmlEscaped()));
    }
    mWarnings->setText(lines.isEmpty() ? QString()
                                       : tr("This port would create:") + QStringLiteral("<br>")
                                           + lines.join(QStringLiteral("<br>")));
    validate();
}

void NewServiceDialog::validate()
{
    mOk->setEnabled(!mName->text().trimmed().isEmpty() && isValidPort(port()));
}

} // namespace Portolan
