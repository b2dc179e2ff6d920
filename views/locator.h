#pragma once

#include "schema.h"

#include <QFrame>

class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace Portolan {

// A locator as in Qt Creator (Ctrl+K): one line with completion over the
// services (by name, id and port) and the hosts; Return jumps to the
// chosen one, a bare port number to that port; Escape closes it.
class Locator : public QFrame
{
    Q_OBJECT

public:
    enum Kind { ServiceEntry, HostEntry };
    enum Role { KindRole = Qt::UserRole + 1, KeyRole };

    explicit Locator(QWidget *parent = nullptr);

    // Fills the completion from the schema and shows the popup over parent.
    void open(const Schema &schema);
    QLineEdit *lineEdit() const { return mEdit; }
    QCompleter *completer() const { return mCompleter; }
    // What Return does with the text: jumps to the first match. False if nothing matches.
    bool accept(const QString &text);

signals:
    void serviceChosen(const QString &serviceId);
    void hostChosen(const QString &hostId);
    void portChosen(int port);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool choose(const QModelIndex &index);

    QLineEdit *mEdit;
    QStandardItemModel *mModel;
    QCompleter *mCompleter;
};

} // namespace Portolan
