#pragma once

#include "engine/workflow/workflow.h"

#include <QGraphicsObject>
#include <QPointer>

#include <functional>

class QGraphicsView;
class QMenu;
class QPlainTextEdit;

namespace flowdeck {
namespace studio {

class GraphScene;

// A sticky note on the canvas (Workflow::notes): a card in the note's colour, behind the
// nodes, showing its plain text wrapped and elided at the bottom. It only shows the
// document: a drag becomes a command when it ends (the scene's, with any nodes dragged
// along), the bottom-right corner resizes it, a double-click opens a text editor over
// it, and Delete (while it is selected) deletes what is selected.
class NoteItem : public QGraphicsObject {
    Q_OBJECT

public:
    NoteItem(GraphScene *scene, const QString &id);
    ~NoteItem() override;

    const QString &id() const { return m_id; }
    const QString &text() const { return m_text; }
    const QString &color() const { return m_color; }  // as in the file; empty draws yellow
    QSizeF size() const { return m_size; }
    void refresh(const engine::NoteSpec &note);  // text, size and colour; the scene places it

    // Opens a text editor over the note in `view`: Ctrl+Enter or clicking elsewhere keeps
    // the text, Escape leaves it as it was.
    void startEditing(QGraphicsView *view);
    QPlainTextEdit *editor() const { return m_editor; }
    // The note's context menu: edit, colour, delete.
    void fillMenu(QMenu *menu, QGraphicsView *view);

    // Adds a note at `scenePos` (one undo step), selects it and opens its editor in `view`.
    static QString addAt(GraphScene *scene, const QPointF &scenePos, QGraphicsView *view);
    // Deletes what is selected on the canvas (nodes, connections and notes) as one step.
    static void deleteSelection(GraphScene *scene);

    static const QStringList &colorNames();  // yellow, blue, green, pink, violet
    static QString colorTitle(const QString &name);
    // A note colour's fill on a light or a dark canvas (the text is dark, or light, on it).
    static QColor fill(const QString &name, bool dark);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static constexpr double kMinWidth = 120, kMinHeight = 60, kCorner = 16;
    static constexpr double kZ = -20;  // behind container frames (-10 and up), edges (-1) and nodes (0)

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    bool sceneEvent(QEvent *event) override;  // takes Delete before the window's shortcut
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    bool inCorner(const QPointF &local) const;
    bool dark() const;
    void paintText(QPainter *painter, const QRectF &area, const QColor &ink) const;
    void finishEditing(bool keep);
    // Pushes an EditNoteCommand with `change` applied to the note as the document has it.
    void edit(const std::function<void(engine::NoteSpec &)> &change, const QString &text);

    GraphScene *m_scene;
    QString m_id, m_text, m_color;
    QSizeF m_size{240, 120};
    bool m_resizing = false;
    QSizeF m_resizeFrom;
    QPointF m_pressAt;
    QPointer<QPlainTextEdit> m_editor;
    QPointer<QGraphicsView> m_editorView;
};

} // namespace studio
} // namespace flowdeck
