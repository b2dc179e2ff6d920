#include "rulesettingsdialog.h"

#include "finding.h"
#include "severityicon.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Portolan {

namespace {
enum Column { RuleColumn, SeverityColumn, DescriptionColumn };
}

RuleSettingsDialog::RuleSettingsDialog(const RuleSettings &settings, QWidget *parent)
    : QDialog(parent)
    , mRules(new QTreeWidget(this))
    , mRangeFull(new QSpinBox(this))
{
    setWindowTitle(tr("Rule Settings"));
    mRules->setRootIsDecorated(false);
    mRules->setHeaderLabels({tr("Rule"), tr("Severity"), tr("Checks")});
    mRules->setAccessibleName(tr("Rules"));
    for (const RuleInfo &info : allRules()) {
        const RuleSetting setting = settings.rules.value(info.id);
        auto *item = new QTreeWidgetItem(mRules);
        item->setText(RuleColumn, info.id);
        item->setData(RuleColumn, Qt::UserRole, info.id);
        item->setCheckState(RuleColumn, setting.enabled ? Qt::Checked : Qt::Unchecked);
        item->setText(DescriptionColumn, info.title);
        auto *combo = new QComboBox(mRules);
        combo->setAccessibleName(tr("Severity of %1").arg(info.id));
        combo->addItem(severityIcon(info.defaultSeverity),
                       tr("Default (%1)").arg(severityDisplayName(info.defaultSeverity)), -1);
        for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
            combo->addItem(severityIcon(s), severityDisplayName(s), int(s));
        combo->setCurrentIndex(setting.overrideSeverity ? combo->findData(int(setting.severity)) : 0);
        mRules->setItemWidget(item, SeverityColumn, combo);
    }
    mRules->resizeColumnToContents(RuleColumn);
    mRules->resizeColumnToContents(SeverityColumn);
    mRules->header()->setStretchLastSection(true);

    mRangeFull->setRange(1, 100);
    mRangeFull->setSuffix(QStringLiteral(" %"));
    mRangeFull->setValue(settings.rangeFullPercent);
    auto *form = new QFormLayout;
    form->addRow(tr("A range is &nearly full at:"), mRangeFull);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mRules);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(760, 520);
}

RuleSettings RuleSettingsDialog::settings() const
{
    RuleSettings result;
    result.rangeFullPercent = mRangeFull->value();
    for (int i = 0; i < mRules->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mRules->topLevelItem(i);
        const auto *combo = qobject_cast<QComboBox *>(mRules->itemWidget(item, SeverityColumn));
        RuleSetting setting;
        setting.enabled = item->checkState(RuleColumn) == Qt::Checked;
        const int severity = combo ? combo->currentData().toInt() : -1;
        setting.overrideSeverity = severity >= 0;
        if (setting.overrideSeverity)
            setting.severity = Severity(severity);
        // Only what differs from the defaults is stored in the file.
        if (!(setting == RuleSetting()))
            result.rules.insert(item->data(RuleColumn, Qt::UserRole).toString(), setting);
    }
    return result;
}

} // namespace Portolan
