#pragma once

#include <QLineEdit>
#include <QMenu>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include <set>
#include <string>

namespace flowdeck {
namespace studio {

class GraphDocument;
class GraphScene;
class GraphView;

// The canvas's context menus and in-place renaming. On the background: add a node
// here, paste here, select all, zoom to fit. On a node: rename (also F2), duplicate,
// copy its id, disable or enable, the debugging actions (widgets/debug), delete. Every change is a command on the document's
// undo stack. It sits on the view as an event filter, so the view needs no code of its own.
class CanvasMenu : public QObject {
    Q_OBJECT

public:
    explicit CanvasMenu(GraphView *view);

    // The menu shown by the last right-click, while it is open (tests trigger its actions).
    QMenu *menu() const { return m_menu; }
    // Opens a text field over the node's title; Enter renames, Escape leaves it as it was.
    void startRename(const QString &nodeId);
    QLineEdit *renameField() const { return m_renameField; }

    static CanvasMenu *of(const GraphView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void popup(const QPoint &viewportPos, const QPoint &globalPos);
    void fillNodeMenu(QMenu *menu, const QString &nodeId);
    void fillBackgroundMenu(QMenu *menu, const QPointF &scenePos);
    void addNodeAt(const std::string &type, const QPointF &scenePos);
    void pasteAt(const QPointF &scenePos);
    void duplicate(const std::set<std::string> &ids);
    void finishRename(bool keep);

    GraphView *m_view;
    GraphScene *m_scene;
    GraphDocument *m_doc;
    QPointer<QMenu> m_menu;
    QPointer<QLineEdit> m_renameField;
    QString m_renaming;
};

} // namespace studio
} // namespace flowdeck
