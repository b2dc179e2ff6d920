#pragma once

#include "schema.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace Portolan {

class RealitySync;
class SchemaDocument;

// The Sources panel: each host with its linked sources (compose projects,
// Prometheus configs, tunnels, env files), when each was last read and what
// it yielded or why it cannot be read. Linking and unlinking are plan edits
// (undoable); re-reading is not.
class SourcesView : public QWidget
{
    Q_OBJECT

public:
    SourcesView(SchemaDocument *document, RealitySync *sync, QWidget *parent = nullptr);

    // The host of the current item (a host row or one of its sources).
    QString currentHostId() const;
    // Links files to a host as one undoable step; the kind of each is read
    // from its content. Returns false with a message when a file is not a
    // source Portolan can read.
    bool linkFiles(const QString &hostId, const QStringList &files, QString *error);
    // Asks for files and links them to the current host (File > Link Source…).
    void linkSource();
    void removeCurrent();
    void rereadCurrent();

    // The kind of a source file by its content: compose, Prometheus,
    // cloudflared or env; false when none.
    static bool detectKind(const QString &fileName, SourceKind *kind);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void rebuild();
    void updateButtons();

    SchemaDocument *mDocument;
    RealitySync *mSync;
    QTreeWidget *mTree;
    QToolButton *mLinkButton;
    QToolButton *mRemoveButton;
    QToolButton *mRereadButton;
};

} // namespace Portolan
