#pragma once

#include "schema.h"

#include <QStringList>

class QUndoCommand;

namespace Portolan {

class SchemaDocument;

// Edits made of several commands, each returned as one macro for the undo
// stack. None leaves an id pointing nowhere.

// What happens to the services of a host or range that is removed.
enum class Dependents { Reassign, Unassign };

// Services (and plans) on the host move to reassignTo or lose their host;
// references to the host's services stay, since the services do.
QUndoCommand *removeHostCommand(SchemaDocument *document, const QString &hostId, Dependents dependents,
                                const QString &reassignTo = {});
// Services declared in the range move to reassignTo or derive their range
// from the port; reservations of the range go with it; nested ranges lose
// their parent.
QUndoCommand *removeRangeCommand(SchemaDocument *document, const QString &rangeId, Dependents dependents,
                                 const QString &reassignTo = {});
QUndoCommand *renameHostIdCommand(SchemaDocument *document, const QString &oldId, const QString &newId);
QUndoCommand *addHostCommand(SchemaDocument *document, const Host &host);
QUndoCommand *addRangeCommand(SchemaDocument *document, const PortRange &range);

// Removes services and the references from or to them.
QUndoCommand *removeServicesCommand(SchemaDocument *document, const QStringList &serviceIds);
// Adds copies with fresh ids ("name (copy)"); host and range ids the
// document does not know are cleared.
QUndoCommand *addServicesCommand(SchemaDocument *document, QList<Service> services, const QString &text);
QUndoCommand *duplicateServicesCommand(SchemaDocument *document, const QStringList &serviceIds);

int servicesUsingHost(const Schema &schema, const QString &hostId);
int servicesInRange(const Schema &schema, const QString &rangeId);

} // namespace Portolan
