#include "realitycheckdialog.h"

#include "observation.h"
#include "schemadocument.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Portolan {

namespace {
constexpr int FirstRole = Qt::UserRole + 1;
constexpr int LastRole = Qt::UserRole + 2;
constexpr int HostIdRole = Qt::UserRole + 3;
} // namespace

RealityCheckDialog::RealityCheckDialog(SchemaDocument *document, ObservationStore *store, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mStore(store)
    , mCheck(new RealityCheck(this))
    , mHosts(new QListWidget(this))
    , mRanges(new QListWidget(this))
    , mExtraRanges(new QLineEdit(this))
    , mTimeout(new QSpinBox(this))
    , mConcurrency(new QSpinBox(this))
    , mHealthPath(new QLineEdit(this))
    , mPrometheusUrl(new QLineEdit(this))
    , mPlanLabel(new QLabel(this))
    , mProgress(new QProgressBar(this))
    , mProgressLabel(new QLabel(this))
    , mResults(new QPlainTextEdit(this))
    , mStartButton(new QPushButton(tr("&Start"), this))
    , mCancelButton(new QPushButton(tr("&Cancel Check"), this))
    , mButtons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Reality Check"));

    mHosts->setAccessibleName(tr("Hosts to probe"));
    mRanges->setAccessibleName(tr("Ranges to sweep"));
    mExtraRanges->setPlaceholderText(tr("more ports to sweep, e.g. 8000-8099, 9090"));
    mExtraRanges->setAccessibleName(tr("More ports to sweep"));
    mTimeout->setRange(Prober::MinTimeoutMs, Prober::MaxTimeoutMs);
    mTimeout->setSingleStep(100);
    mTimeout->setSuffix(tr(" ms"));
    mTimeout->setValue(Prober::DefaultTimeoutMs);
    mConcurrency->setRange(1, Prober::MaxConcurrency);
    mConcurrency->setValue(Prober::DefaultConcurrency);
    mHealthPath->setPlaceholderText(tr("none, e.g. /health"));
    mPrometheusUrl->setPlaceholderText(tr("none, e.g. http://127.0.0.1:9090"));
    mResults->setReadOnly(true);
    mResults->setAccessibleName(tr("Results"));
    mProgress->setRange(0, 1);
    mProgress->setValue(0);
    mCancelButton->setEnabled(false);

    auto *hostsBox = new QGroupBox(tr("Hosts"), this);
    auto *hostsLayout = new QVBoxLayout(hostsBox);
    hostsLayout->addWidget(mHosts);
    auto *rangesBox = new QGroupBox(tr("Sweep for unknown listeners"), this);
    auto *rangesLayout = new QVBoxLayout(rangesBox);
    rangesLayout->addWidget(mRanges);
    rangesLayout->addWidget(mExtraRanges);
    auto *lists = new QHBoxLayout;
    lists->addWidget(hostsBox);
    lists->addWidget(rangesBox);

    auto *form = new QFormLayout;
    form->addRow(tr("&Timeout per attempt:"), mTimeout);
    form->addRow(tr("Attempts at a &time:"), mConcurrency);
    form->addRow(tr("HTTP &health path:"), mHealthPath);
    form->addRow(tr("&Prometheus server:"), mPrometheusUrl);

    mButtons->addButton(mStartButton, QDialogButtonBox::ActionRole);
    mButtons->addButton(mCancelButton, QDialogButtonBox::ActionRole);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(mProgress, 1);
    progressRow->addWidget(mProgressLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(lists);
    layout->addLayout(form);
    layout->addWidget(mPlanLabel);
    layout->addLayout(progressRow);
    layout->addWidget(mResults, 1);
    layout->addWidget(mButtons);

    connect(mStartButton, &QPushButton::clicked, this, &RealityCheckDialog::start);
    connect(mCancelButton, &QPushButton::clicked, this, &RealityCheckDialog::cancel);
    connect(mButtons, &QDialogButtonBox::rejected, this, &RealityCheckDialog::reject);
    connect(mCheck, &RealityCheck::progress, this, &RealityCheckDialog::onProgress);
    connect(mCheck, &RealityCheck::finished, this, &RealityCheckDialog::onFinished);
    connect(mHosts, &QListWidget::itemChanged, this, &RealityCheckDialog::updatePlan);
    connect(mRanges, &QListWidget::itemChanged, this, &RealityCheckDialog::updatePlan);
    connect(mExtraRanges, &QLineEdit::textChanged, this, &RealityCheckDialog::updatePlan);
    connect(mConcurrency, &QSpinBox::valueChanged, this, &RealityCheckDialog::updatePlan);
    connect(mTimeout, &QSpinBox::valueChanged, this, &RealityCheckDialog::updatePlan);
    connect(document, &SchemaDocument::hostsChanged, this, &RealityCheckDialog::fillLists);
    connect(document, &SchemaDocument::rangesChanged, this, &RealityCheckDialog::fillLists);
    connect(document, &SchemaDocument::reset, this, &RealityCheckDialog::fillLists);
    fillLists();
    resize(640, 560);
}

RealityCheckDialog::~RealityCheckDialog() = default;

void RealityCheckDialog::fillLists()
{
    const RealityCheckOptions previous = options();
    const bool first = mHosts->count() == 0 && mRanges->count() == 0;
    const QSignalBlocker hostBlocker(mHosts);
    const QSignalBlocker rangeBlocker(mRanges);
    mHosts->clear();
    mRanges->clear();
    const Schema &schema = mDocument->schema();
    for (const Host &h : schema.hosts) {
        const bool hasAddress = !h.address.trimmed().isEmpty();
        auto *item = new QListWidgetItem(hasAddress ? tr("%1 (%2)").arg(h.name, h.address)
                                                    : tr("%1 (no address)").arg(h.name),
                                         mHosts);
        item->setData(HostIdRole, h.id);
        item->setFlags(hasAddress ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        // Nothing is probed unless the user picks it; keep earlier choices.
        item->setCheckState(!first && previous.hostIds.contains(h.id) ? Qt::Checked : Qt::Unchecked);
    }
    for (const PortRange &r : schema.ranges) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 %2").arg(r.label(), r.title), mRanges);
        item->setData(FirstRole, r.first);
        item->setData(LastRole, r.last);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(previous.scanRanges.contains(PortSpan{r.first, r.last}) ? Qt::Checked : Qt::Unchecked);
    }
    updatePlan();
}

RealityCheckOptions RealityCheckDialog::options() const
{
    RealityCheckOptions o;
    for (int i = 0; i < mHosts->count(); ++i) {
        if (mHosts->item(i)->checkState() == Qt::Checked)
            o.hostIds.append(mHosts->item(i)->data(HostIdRole).toString());
    }
    for (int i = 0; i < mRanges->count(); ++i) {
        const QListWidgetItem *item = mRanges->item(i);
        if (item->checkState() == Qt::Checked)
            o.scanRanges.append(PortSpan{item->data(FirstRole).toInt(), item->data(LastRole).toInt()});
    }
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString &part : mExtraRanges->text().split(separators, Qt::SkipEmptyParts)) {
        if (const std::optional<PortSpan> span = PortSpan::parse(part))
            o.scanRanges.append(*span);
    }
    o.timeoutMs = mTimeout->value();
    o.concurrency = mConcurrency->value();
    o.healthPath = mHealthPath->text().trimmed();
    const QString url = mPrometheusUrl->text().trimmed();
    if (!url.isEmpty())
        o.prometheusUrl = QUrl::fromUserInput(url);
    return o;
}

void RealityCheckDialog::setOptions(const RealityCheckOptions &options)
{
    for (int i = 0; i < mHosts->count(); ++i) {
        QListWidgetItem *item = mHosts->item(i);
        const bool wanted = options.hostIds.contains(item->data(HostIdRole).toString());
        item->setCheckState(wanted && (item->flags() & Qt::ItemIsUserCheckable) ? Qt::Checked : Qt::Unchecked);
    }
    QStringList extra;
    QList<PortSpan> spans = options.scanRanges;
    for (int i = 0; i < mRanges->count(); ++i) {
        QListWidgetItem *item = mRanges->item(i);
        const PortSpan span{item->data(FirstRole).toInt(), item->data(LastRole).toInt()};
        item->setCheckState(spans.removeAll(span) > 0 ? Qt::Checked : Qt::Unchecked);
    }
    for (const PortSpan &span : std::as_const(spans))
        extra.append(span.first == span.last ? QString::number(span.first)
                                             : QStringLiteral("%1-%2").arg(span.first).arg(span.last));
    mExtraRanges->setText(extra.join(QStringLiteral(", ")));
    mTimeout->setValue(options.timeoutMs);
    mConcurrency->setValue(options.concurrency);
    mHealthPath->setText(options.healthPath);
    mPrometheusUrl->setText(options.prometheusUrl.toString());
    updatePlan();
}

void RealityCheckDialog::updatePlan()
{
    const RealityCheckOptions o = options();
    if (o.hostIds.isEmpty() && o.prometheusUrl.isEmpty()) {
        mPlanLabel->setText(tr("Choose the hosts to probe."));
        mStartButton->setEnabled(false);
        return;
    }
    QString error;
    const std::optional<ProbePlan> plan = RealityCheck::plan(mDocument->schema(), o, &error);
    if (!plan) {
        mPlanLabel->setText(error);
        mStartButton->setEnabled(false);
        return;
    }
    const int attempts = int(plan->targets.size());
    const int rounds = (attempts + o.concurrency - 1) / o.concurrency;
    // The worst case: every attempt waits for its timeout.
    const double seconds = double(rounds) * o.timeoutMs / 1000.0;
    mPlanLabel->setText(tr("%n connection attempt(s), at most %1 s.", nullptr, attempts)
                            .arg(QLocale().toString(seconds, 'f', 1)));
    mStartButton->setEnabled(!mCheck->isRunning());
}

bool RealityCheckDialog::start()
{
    QString error;
    if (!mCheck->start(mDocument->schema(), options(), &error)) {
        mResults->setPlainText(error);
        return false;
    }
    mResults->clear();
    mProgress->setRange(0, qMax(1, mCheck->totalCount()));
    mProgress->setValue(0);
    setRunning(true);
    onProgress(0, mCheck->totalCount(), 0);
    return true;
}

void RealityCheckDialog::cancel()
{
    mCheck->cancel();
}

void RealityCheckDialog::reject()
{
    // Closing the dialog never leaves connections behind.
    mCheck->cancel();
    QDialog::reject();
}

void RealityCheckDialog::onProgress(int finished, int total, int listening)
{
    mProgress->setMaximum(qMax(1, total));
    mProgress->setValue(finished);
    mProgressLabel->setText(tr("%1 of %2 · %n listening", nullptr, listening).arg(finished).arg(total));
}

void RealityCheckDialog::setRunning(bool running)
{
    mStartButton->setEnabled(!running);
    mCancelButton->setEnabled(running);
    mHosts->setEnabled(!running);
    mRanges->setEnabled(!running);
    mExtraRanges->setEnabled(!running);
    mTimeout->setEnabled(!running);
    mConcurrency->setEnabled(!running);
    mHealthPath->setEnabled(!running);
    mPrometheusUrl->setEnabled(!running);
}

QString RealityCheckDialog::resultText() const
{
    return mResults->toPlainText();
}

void RealityCheckDialog::onFinished(const Observations &observations)
{
    // Progress is reported in steps; a finished check shows all of it.
    if (!observations.cancelled)
        onProgress(observations.attempts, qMax(observations.attempts, mCheck->totalCount()), observations.listening);
    setRunning(false);
    updatePlan();
    if (mStore)
        mStore->setObservations(observations);

    const Schema &schema = mDocument->schema();
    QStringList lines;
    lines.append(observations.cancelled
                     ? tr("Cancelled after %n attempt(s).", nullptr, observations.attempts)
                     : tr("Checked at %1: %n attempt(s), ", nullptr, observations.attempts)
                               .arg(QLocale().toString(observations.checkedAt.time(), QLocale::ShortFormat))
                           + tr("%n listening.", nullptr, observations.listening));
    const QStringList silent = RealityCheck::silentDeployedServices(schema, observations);
    if (!observations.probedHostIds.isEmpty()) {
        lines.append(silent.isEmpty() ? tr("Every deployed service answered.")
                                      : tr("%n deployed service(s) did not answer.", nullptr, int(silent.size())));
    }
    for (const Finding &f : observations.findings)
        lines.append(QStringLiteral("%1 %2: %3").arg(severityDisplayName(f.severity), f.rule, f.message));
    if (!observations.prometheusError.isEmpty())
        lines.append(observations.prometheusError);
    for (const PrometheusTarget &t : observations.unmatchedTargets())
        lines.append(tr("Prometheus target %1 (job %2, %3) matches no service.")
                         .arg(t.instance, t.job, targetHealthToString(t.health)));
    mResults->setPlainText(lines.join(QLatin1Char('\n')));
    emit checkFinished(observations);
}

} // namespace Portolan
