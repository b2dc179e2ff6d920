#pragma once

#include "gridpainter.h"

#include <QWidget>

class QComboBox;

namespace Portolan {

class RangeGridView;
class ServiceTableModel;

// The range grid with its bar: layer (plan or a host), colouring, zoom and
// "next free port".
class RangeGridPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RangeGridPanel(ServiceTableModel *model, QWidget *parent = nullptr);

    RangeGridView *view() const { return mView; }
    // Empty: the plan; else a host id. False when the host is unknown.
    bool setLayer(const QString &hostId);
    // The bar's choice and the view's colouring together (restored settings).
    void setColouring(GridColouring colouring);
    // Moves to the next free port of the range under the cursor (or the first range).
    void goToNextFreePort();
    // Asks for a file and writes the current layer as a picture ("png" or "svg").
    void exportPicture(const QString &format);

signals:
    void message(const QString &text);

private:
    void refreshLayers();

    ServiceTableModel *mModel;
    RangeGridView *mView;
    QComboBox *mLayer;
    QComboBox *mColouring;
};

} // namespace Portolan
