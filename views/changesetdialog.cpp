#include "changesetdialog.h"

#include "movereview.h"
#include "schemadocument.h"
#include "severityicon.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Portolan {

ChangeSetDialog::ChangeSetDialog(MoveReview *review, const QList<SourceReading> &readings, const QList<Move> &moves,
                                 QWidget *parent)
    : QDialog(parent)
    , mReview(review)
    , mMoves(moves)
    , mSummary(new QLabel(this))
    , mTabs(new QTabWidget(this))
    , mApply(new QPushButton(tr("&Apply to Files"), this))
    , mSavePatch(new QPushButton(tr("Save &Patch…"), this))
    , mCopy(new QPushButton(tr("&Copy Patch"), this))
{
    setWindowTitle(tr("Carry Out Moves"));
    planMoves(mMoves);
    const Schema &schema = review->document()->schema();
    mSet = buildChangeSet(schema, readings, mMoves);
    mCheck = checkChangeSet(schema, readings, mMoves, mSet);
    QStringList paths;
    for (const FileChange &f : std::as_const(mSet.files))
        paths.append(f.absolutePath);
    mGitRoot = gitWorkTree(paths);

    for (const FileChange &f : std::as_const(mSet.files)) {
        const int tab = mTabs->addTab(diffView(f), QFileInfo(f.path).fileName());
        mTabs->setTabToolTip(tab, f.path);
    }
    if (!mSet.manual.isEmpty()) {
        auto *list = new QListWidget(this);
        list->setAccessibleName(tr("Manual steps"));
        list->setWordWrap(true);
        for (const ManualStep &step : std::as_const(mSet.manual))
            list->addItem(step.text);
        mTabs->addTab(list, tr("Manual Steps (%1)").arg(mSet.manual.size()));
    }
    mTabs->addTab(findingsView(), tr("Findings"));

    mSummary->setWordWrap(true);
    mSummary->setTextFormat(Qt::PlainText);
    mSummary->setText(summaryText());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(mApply, QDialogButtonBox::AcceptRole);
    buttons->addButton(mSavePatch, QDialogButtonBox::ActionRole);
    buttons->addButton(mCopy, QDialogButtonBox::ActionRole);
    const bool hasFiles = !mSet.files.isEmpty();
    mApply->setEnabled(hasFiles && mCheck.ok);
    mApply->setToolTip(tr("Write every changed file (all or none); Edit > Undo puts them back"));
    mSavePatch->setEnabled(hasFiles);
    mSavePatch->setToolTip(mGitRoot.isEmpty() ? tr("A patch with paths relative to the plan's folder")
                                              : tr("A patch for git apply, paths relative to %1").arg(mGitRoot));
    mCopy->setEnabled(hasFiles);
    mApply->setDefault(hasFiles);
    connect(mApply, &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(mSavePatch, &QPushButton::clicked, this, &ChangeSetDialog::savePatchInteractively);
    connect(mCopy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(patchText());
        emit message(tr("Copied the patch of %n file(s)", nullptr, int(mSet.files.size())));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mSummary);
    layout->addWidget(mTabs, 1);
    layout->addWidget(buttons);
    resize(820, 560);
}

QString ChangeSetDialog::summaryText() const
{
    QString text = tr("%n move(s) carried out", nullptr, int(mSet.carried.size())) + QStringLiteral(" · ")
        + tr("%n file(s) change", nullptr, int(mSet.files.size())) + QStringLiteral(" · ")
        + tr("%n manual step(s)", nullptr, int(mSet.manual.size()));
    if (!mCheck.ok) {
        text += QLatin1Char('\n')
            + tr("A changed file no longer reads: %1. Apply is off; save the patch to fix it by hand.")
                  .arg(mCheck.error.toString());
        return text;
    }
    text += QLatin1Char('\n') + tr("Read again, the changed files resolve %n finding(s)", nullptr, int(mCheck.resolved.size()))
        + QStringLiteral(" · ") + tr("introduce %n", nullptr, int(mCheck.introduced.size()));
    if (!mCheck.notDone.isEmpty())
        text += QStringLiteral(" · ") + tr("%n move(s) still not done after reading", nullptr, int(mCheck.notDone.size()));
    if (mSet.files.isEmpty())
        text += QLatin1Char('\n') + tr("No linked file carries these moves; see the manual steps.");
    return text;
}

QString ChangeSetDialog::patchText() const
{
    return mSet.patch(mGitRoot);
}

// The diff of one file as rows: old and new line numbers, the line; removed
// lines on a red, added ones on a green ground; hunks separated by their header.
QTreeWidget *ChangeSetDialog::diffView(const FileChange &change) const
{
    auto *view = new QTreeWidget;
    view->setAccessibleName(tr("Changes in %1").arg(change.path));
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setColumnCount(3);
    view->setHeaderLabels({tr("Old"), tr("New"), tr("Line")});
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(true);
    const QColor removed(220, 50, 47, 60);
    const QColor added(40, 160, 60, 60);
    static const QRegularExpression hunk(QStringLiteral("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@"));
    int oldLine = 0;
    int newLine = 0;
    const QStringList lines = unifiedDiff(change.path, change.before, change.after).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("--- ")) || line.startsWith(QLatin1String("+++ ")) || line.isEmpty()
            || line.startsWith(QLatin1Char('\\')))
            continue;
        auto *item = new QTreeWidgetItem(view);
        const QRegularExpressionMatch m = hunk.match(line);
        if (m.hasMatch()) {
            oldLine = m.captured(1).toInt();
            newLine = m.captured(2).toInt();
            item->setText(2, line);
            item->setForeground(2, view->palette().color(QPalette::PlaceholderText));
            continue;
        }
        QString text = line.mid(1);
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        item->setText(2, line.left(1) + QLatin1Char(' ') + text);
        if (line.startsWith(QLatin1Char('-'))) {
            item->setText(0, QString::number(oldLine++));
            for (int c = 0; c < 3; ++c)
                item->setBackground(c, removed);
        } else if (line.startsWith(QLatin1Char('+'))) {
            item->setText(1, QString::number(newLine++));
            for (int c = 0; c < 3; ++c)
                item->setBackground(c, added);
        } else {
            item->setText(0, QString::number(oldLine++));
            item->setText(1, QString::number(newLine++));
        }
        item->setTextAlignment(0, Qt::AlignRight);
        item->setTextAlignment(1, Qt::AlignRight);
    }
    return view;
}

QWidget *ChangeSetDialog::findingsView() const
{
    auto *view = new QTreeWidget;
    view->setAccessibleName(tr("Findings resolved and introduced"));
    view->setHeaderLabels({tr("Finding"), tr("Rule")});
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto addGroup = [&](const QString &title, const QList<Finding> &findings) {
        auto *group = new QTreeWidgetItem(view, {title.arg(findings.size())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const Finding &f : findings) {
            auto *item = new QTreeWidgetItem(group, {f.message, f.rule});
            item->setIcon(0, severityIcon(f.severity));
            item->setToolTip(0, f.message);
        }
        if (findings.isEmpty())
            new QTreeWidgetItem(group, {tr("None")});
        group->setExpanded(true);
    };
    addGroup(tr("Resolved (%1)"), mCheck.resolved);
    addGroup(tr("Introduced (%1)"), mCheck.introduced);
    return view;
}

bool ChangeSetDialog::apply(QString *error)
{
    QString why;
    if (!mReview->carryOut(mMoves, mSet, &why)) {
        if (error)
            *error = why;
        else
            QMessageBox::warning(this, tr("Carry Out Moves"), why);
        return false;
    }
    emit message(tr("Changed %n file(s); Edit > Undo puts them back", nullptr, int(mSet.files.size())));
    return true;
}

bool ChangeSetDialog::savePatch(const QString &fileName, QString *error)
{
    return writeFileAtomically(fileName, patchText().toUtf8(), error);
}

void ChangeSetDialog::savePatchInteractively()
{
    const QString start = mGitRoot.isEmpty() ? QString() : mGitRoot + QStringLiteral("/portolan-moves.patch");
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save Patch"), start, tr("Patches (*.patch *.diff)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!savePatch(fileName, &error)) {
        QMessageBox::warning(this, tr("Save Patch"), error);
        return;
    }
    emit message(tr("Saved the patch to %1").arg(QDir::toNativeSeparators(fileName)));
}

} // namespace Portolan
