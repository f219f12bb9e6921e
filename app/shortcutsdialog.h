#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace flowdeck {
namespace studio {

// Help → Keyboard Shortcuts: every menu action that has a shortcut, grouped by menu,
// read from the menus themselves so the list cannot drift from what the keys do, and
// the canvas's own mouse and key gestures.
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMenuBar *menus, QWidget *parent = nullptr);
    QTreeWidget *list() const { return m_list; }
    // Every shortcut listed, as the keys read ("F5", "Ctrl+Shift+S"), for tests.
    QStringList keys() const;

private:
    QTreeWidget *m_list;
};

} // namespace studio
} // namespace flowdeck
