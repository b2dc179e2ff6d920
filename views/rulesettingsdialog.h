#pragma once

#include "schema.h"

#include <QDialog>

class QSpinBox;
class QTreeWidget;

namespace Portolan {

// Turns rules on and off and overrides their severity, per document.
class RuleSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RuleSettingsDialog(const RuleSettings &settings, QWidget *parent = nullptr);

    RuleSettings settings() const;

private:
    QTreeWidget *mRules;
    QSpinBox *mRangeFull;
};

} // namespace Portolan
