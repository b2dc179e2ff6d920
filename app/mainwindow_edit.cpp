// Editing in the window: the clipboard, removal and duplication of
// services, and the Hosts, Ranges and Reservations editors.
#include "mainwindow.h"

#include "commands.h"
#include "editing.h"
#include "servicemimedata.h"
#include "hosttablemodel.h"
#include "newservicedialog.h"
#include "schemadocument.h"
#include "servicesview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QIntValidator>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Portolan {

QStringList MainWindow::selectedServiceIds() const
{
    return mServicesView->selectedServiceIds();
}

void MainWindow::copy()
{
    const QStringList ids = selectedServiceIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setMimeData(servicesToMimeData(mDocument->schema(), ids));
    showMessage(tr("Copied %n service(s).", nullptr, int(ids.size())));
}

void MainWindow::paste()
{
    const QList<Service> services = servicesFromMimeData(QApplication::clipboard()->mimeData());
    if (services.isEmpty()) {
        showMessage(tr("The clipboard holds no services."));
        return;
    }
    const int first = mDocument->serviceCount();
    // The pasted services become the selection. Cleared first: the table's
    // selection would otherwise be adjusted for every row inserted.
    mServicesView->tableView()->clearSelection();
    mDocument->undoStack()->push(
        addServicesCommand(mDocument, services, tr("Paste %n service(s)", nullptr, int(services.size()))));
    QStringList pasted;
    for (int row = first; row < mDocument->serviceCount(); ++row)
        pasted.append(mDocument->service(row).id);
    mServicesView->selectServices(pasted);
}

void MainWindow::deleteSelected()
{
    const QStringList ids = selectedServiceIds();
    if (!ids.isEmpty())
        mDocument->undoStack()->push(removeServicesCommand(mDocument, ids));
}

void MainWindow::duplicateSelected()
{
    const QStringList ids = selectedServiceIds();
    if (ids.isEmpty())
        return;
    const int first = mDocument->serviceCount();
    mServicesView->tableView()->clearSelection(); // as for paste: the copies become the selection
    mDocument->undoStack()->push(duplicateServicesCommand(mDocument, ids));
    QStringList copies;
    for (int row = first; row < mDocument->serviceCount(); ++row)
        copies.append(mDocument->service(row).id);
    mServicesView->selectServices(copies);
}

void MainWindow::newService()
{
    NewServiceDialog dialog(mDocument->schema(), this);
    // Start from the selected service's host and range: new services tend to
    // join their neighbours.
    if (const Service *s = mDocument->schema().service(selectedServiceIds().value(0))) {
        dialog.setHost(s->hostId);
        if (const PortRange *r = mDocument->schema().rangeOf(*s))
            dialog.setRange(r->id);
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Service service = dialog.service();
    mDocument->undoStack()->push(new AddServiceCommand(mDocument, service));
    mServicesView->selectServices({service.id});
}

static QTableView *makeEditorView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    // Every column as wide as its content; only the last (notes, purpose)
    // takes the rest of the width and elides.
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(model->columnCount() - 1, QHeaderView::Stretch);
    header->setMinimumSectionSize(view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 3);
    view->setTextElideMode(Qt::ElideRight);
    // Hidden columns come back from the header's context menu.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, view, [view, model, header](const QPoint &pos) {
        QMenu menu(view);
        for (int column = 0; column < model->columnCount(); ++column) {
            QAction *action = menu.addAction(model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(column));
            QObject::connect(action, &QAction::toggled, view, [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    return view;
}

static QWidget *editorWithButtons(QTableView *view, const QList<QPushButton *> &buttons, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *bar = new QHBoxLayout;
    for (QPushButton *b : buttons)
        bar->addWidget(b);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    layout->addLayout(bar);
    return widget;
}

static QString currentId(QTableView *view, int role)
{
    const QModelIndex index = view->selectionModel()->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0).data(role).toString() : QString();
}

QWidget *MainWindow::createHostsEditor()
{
    mHostsView = makeEditorView(mHostModel, tr("Hosts"), this);
    // The id is in the name's tooltip and behind Change Id; the dock is
    // too narrow for both at once (the header's context menu shows it).
    mHostsView->horizontalHeader()->hideSection(HostTableModel::IdColumn);
    auto *add = new QPushButton(tr("&Add Host…"), this);
    auto *remove = new QPushButton(tr("Re&move Host…"), this);
    auto *rename = new QPushButton(tr("Change &Id…"), this);
    connect(add, &QPushButton::clicked, this, &MainWindow::addHost);
    connect(remove, &QPushButton::clicked, this, &MainWindow::removeHost);
    connect(rename, &QPushButton::clicked, this, &MainWindow::renameHostId);
    return editorWithButtons(mHostsView, {add, remove, rename}, this);
}

QWidget *MainWindow::createRangesEditor()
{
    mRangesView = makeEditorView(mRangeModel, tr("Ranges"), this);
    mReservationsView = makeEditorView(mReservationModel, tr("Reservations"), this);
    auto *addRange = new QPushButton(tr("Add &Range…"), this);
    auto *removeRange = new QPushButton(tr("Remove Ra&nge…"), this);
    auto *addReservation = new QPushButton(tr("Add Reservati&on…"), this);
    auto *removeReservation = new QPushButton(tr("Remove Reservation"), this);
    connect(addRange, &QPushButton::clicked, this, &MainWindow::addRange);
    connect(removeRange, &QPushButton::clicked, this, &MainWindow::removeRange);
    connect(addReservation, &QPushButton::clicked, this, &MainWindow::addReservation);
    connect(removeReservation, &QPushButton::clicked, this, &MainWindow::removeReservation);
    auto *widget = new QWidget(this);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editorWithButtons(mRangesView, {addRange, removeRange}, widget), 3);
    auto *label = new QLabel(tr("Reservations (slots kept free):"), widget);
    label->setBuddy(mReservationsView);
    layout->addWidget(label);
    layout->addWidget(editorWithButtons(mReservationsView, {addReservation, removeReservation}, widget), 2);
    return widget;
}

void MainWindow::addHost()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Host"), tr("Host name:"), QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    Host host;
    host.name = name;
    host.id = mDocument->schema().uniqueHostId(name);
    mDocument->undoStack()->push(addHostCommand(mDocument, host));
}

// Asks what happens to the services that use a host or range being removed.
// Returns false on cancel.
static bool askDependents(QWidget *parent, const QString &title, const QString &question, const QStringList &names,
                          const QStringList &ids, Dependents *dependents, QString *target)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *reassign = new QRadioButton(QCoreApplication::translate("Portolan::MainWindow", "&Move them to:"), &dialog);
    auto *combo = new QComboBox(&dialog);
    for (int i = 0; i < names.size(); ++i)
        combo->addItem(names.at(i), ids.at(i));
    auto *unassign = new QRadioButton(QCoreApplication::translate("Portolan::MainWindow", "&Leave them unassigned"),
                                      &dialog);
    (names.isEmpty() ? unassign : reassign)->setChecked(true);
    reassign->setEnabled(!names.isEmpty());
    combo->setEnabled(!names.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(question, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *row = new QHBoxLayout;
    row->addWidget(reassign);
    row->addWidget(combo, 1);
    layout->addLayout(row);
    layout->addWidget(unassign);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *dependents = reassign->isChecked() ? Dependents::Reassign : Dependents::Unassign;
    *target = combo->currentData().toString();
    return true;
}

void MainWindow::removeHost()
{
    const QString id = currentId(mHostsView, HostTableModel::HostIdRole);
    const Schema &schema = mDocument->schema();
    const Host *host = schema.host(id);
    if (!host) {
        showMessage(tr("Select the host to remove first."));
        return;
    }
    const int used = servicesUsingHost(schema, id);
    Dependents dependents = Dependents::Unassign;
    QString target;
    if (used > 0) {
        QStringList names, ids;
        for (const Host &h : schema.hosts) {
            if (h.id != id) {
                names.append(h.name);
                ids.append(h.id);
            }
        }
        if (!askDependents(this, tr("Remove Host"),
                           tr("%n service(s) run on or are planned for %1. What should happen to them?", nullptr, used)
                               .arg(host->name),
                           names, ids, &dependents, &target))
            return;
    }
    mDocument->undoStack()->push(removeHostCommand(mDocument, id, dependents, target));
}

void MainWindow::renameHostId()
{
    const QString id = currentId(mHostsView, HostTableModel::HostIdRole);
    if (id.isEmpty()) {
        showMessage(tr("Select the host first."));
        return;
    }
    bool ok = false;
    const QString newId = slugify(QInputDialog::getText(this, tr("Change Host Id"),
                                                        tr("New id (lower case, digits and dashes):"),
                                                        QLineEdit::Normal, id, &ok));
    if (!ok || newId.isEmpty() || newId == id)
        return;
    if (mDocument->schema().host(newId)) {
        QMessageBox::warning(this, tr("Change Host Id"), tr("Another host already has the id \"%1\".").arg(newId));
        return;
    }
    mDocument->undoStack()->push(renameHostIdCommand(mDocument, id, newId));
}

// A small form for a port span: first, last and a text.
static bool askSpan(QWidget *parent, const QString &title, const QString &textLabel, int *first, int *last,
                    QString *text)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *firstEdit = new QLineEdit(QString::number(*first), &dialog);
    auto *lastEdit = new QLineEdit(QString::number(*last), &dialog);
    auto *textEdit = new QLineEdit(*text, &dialog);
    for (QLineEdit *e : {firstEdit, lastEdit})
        e->setValidator(new QIntValidator(1, 65535, e));
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    auto *form = new QFormLayout;
    form->addRow(QCoreApplication::translate("Portolan::MainWindow", "&First port:"), firstEdit);
    form->addRow(QCoreApplication::translate("Portolan::MainWindow", "&Last port:"), lastEdit);
    form->addRow(textLabel, textEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto validate = [&] {
        const int f = firstEdit->text().toInt(), l = lastEdit->text().toInt();
        const bool ok = isValidPort(f) && isValidPort(l) && f <= l;
        error->setText(ok ? QString()
                          : QCoreApplication::translate("Portolan::MainWindow",
                                                        "Ports run from 1 to 65535, and the first is not after the last."));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    };
    QObject::connect(firstEdit, &QLineEdit::textChanged, &dialog, validate);
    QObject::connect(lastEdit, &QLineEdit::textChanged, &dialog, validate);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
    validate();
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *first = firstEdit->text().toInt();
    *last = lastEdit->text().toInt();
    *text = textEdit->text().trimmed();
    return true;
}

void MainWindow::addRange()
{
    // Propose the hundred after the last range.
    int first = 3000;
    for (const PortRange &r : mDocument->schema().ranges)
        first = qMax(first, (r.last / 100 + 1) * 100);
    first = qMin(first, 65500);
    int last = qMin(65535, first + 99);
    QString title;
    if (!askSpan(this, tr("Add Range"), tr("&Title:"), &first, &last, &title))
        return;
    PortRange range;
    range.first = first;
    range.last = last;
    range.title = title.isEmpty() ? tr("Range %1-%2").arg(first).arg(last) : title;
    range.id = mDocument->schema().uniqueRangeId(range.title);
    mDocument->undoStack()->push(addRangeCommand(mDocument, range));
}

void MainWindow::removeRange()
{
    const QString id = currentId(mRangesView, RangeTableModel::RangeIdRole);
    const Schema &schema = mDocument->schema();
    const PortRange *range = schema.range(id);
    if (!range) {
        showMessage(tr("Select the range to remove first."));
        return;
    }
    const int used = servicesInRange(schema, id);
    Dependents dependents = Dependents::Unassign;
    QString target;
    if (used > 0) {
        QStringList names, ids;
        for (const PortRange &r : schema.ranges) {
            if (r.id != id) {
                names.append(QStringLiteral("%1 %2").arg(r.label(), r.title));
                ids.append(r.id);
            }
        }
        if (!askDependents(this, tr("Remove Range"),
                           tr("%n service(s) are listed under %1 %2. Moving them keeps their ports; left "
                              "unassigned, their range follows from their port.",
                              nullptr, used)
                               .arg(range->label(), range->title),
                           names, ids, &dependents, &target))
            return;
    }
    mDocument->undoStack()->push(removeRangeCommand(mDocument, id, dependents, target));
}

void MainWindow::addReservation()
{
    const QString rangeId = currentId(mRangesView, RangeTableModel::RangeIdRole);
    const PortRange *range = mDocument->schema().range(rangeId);
    if (!range) {
        showMessage(tr("Select the range to reserve ports in first."));
        return;
    }
    int first = range->first, last = range->first;
    QString note;
    if (!askSpan(this, tr("Reserve Ports in %1").arg(range->label()), tr("&Note:"), &first, &last, &note))
        return;
    if (first < range->first || last > range->last) {
        QMessageBox::warning(this, tr("Add Reservation"),
                             tr("%1-%2 is not inside the range %3.").arg(first).arg(last).arg(range->label()));
        return;
    }
    QList<Reservation> reservations = mDocument->schema().reservations;
    reservations.append(Reservation{first, last, rangeId, note});
    std::stable_sort(reservations.begin(), reservations.end(),
                     [](const Reservation &a, const Reservation &b) { return a.first < b.first; });
    mDocument->undoStack()->push(changeReservationsCommand(
        mDocument, reservations, tr("Reserve %1").arg(Reservation{first, last, rangeId, note}.label())));
}

void MainWindow::removeReservation()
{
    const QModelIndex index = mReservationsView->selectionModel()->currentIndex();
    if (!index.isValid()) {
        showMessage(tr("Select the reservation to remove first."));
        return;
    }
    QList<Reservation> reservations = mDocument->schema().reservations;
    const Reservation removed = reservations.takeAt(index.row());
    mDocument->undoStack()->push(
        changeReservationsCommand(mDocument, reservations, tr("Remove reservation %1").arg(removed.label())));
}

} // namespace Portolan
