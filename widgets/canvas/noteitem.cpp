#include "widgets/canvas/noteitem.h"

#include "widgets/canvas/graphscene.h"
#include "widgets/document/commands.h"
#include "widgets/document/notecommands.h"

#include <QActionGroup>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>

#include <cmath>
#include <utility>

namespace flowdeck {
namespace studio {

namespace {

constexpr double kPad = 10;

// The text editor shown over a note: Escape cancels; Ctrl+Enter or leaving it keeps the text.
class NoteEditor final : public QPlainTextEdit {
public:
    using QPlainTextEdit::QPlainTextEdit;
    void onFinished(std::function<void(bool)> finish) { m_finish = std::move(finish); }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape)
            return done(false);
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier))
            return done(true);
        QPlainTextEdit::keyPressEvent(event);
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        QPlainTextEdit::focusOutEvent(event);
        if (event->reason() != Qt::PopupFocusReason)  // its own context menu is not leaving it
            done(true);
    }

private:
    void done(bool keep)
    {
        if (auto finish = std::exchange(m_finish, nullptr))
            finish(keep);
    }
    std::function<void(bool)> m_finish;
};

QColor ink(bool dark) { return dark ? QColor(0xf2, 0xf0, 0xea) : QColor(0x2d, 0x2a, 0x22); }

} // namespace

NoteItem::NoteItem(GraphScene *scene, const QString &id) : m_scene(scene), m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIsFocusable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(kZ);
    setData(0, id);
}

NoteItem::~NoteItem() { delete m_editor; }

const QStringList &NoteItem::colorNames()
{
    static const QStringList names{"yellow", "blue", "green", "pink", "violet"};
    return names;
}

QString NoteItem::colorTitle(const QString &name)
{
    if (name == "blue")
        return tr("Blue");
    if (name == "green")
        return tr("Green");
    if (name == "pink")
        return tr("Pink");
    if (name == "violet")
        return tr("Violet");
    return tr("Yellow");
}

QColor NoteItem::fill(const QString &name, bool dark)
{
    // Pale on a light canvas, deep on a dark one: the text keeps its contrast on both.
    if (name == "blue")
        return dark ? QColor(0x1f, 0x3a, 0x5c) : QColor(0xd8, 0xe8, 0xff);
    if (name == "green")
        return dark ? QColor(0x1f, 0x4a, 0x2c) : QColor(0xd9, 0xf4, 0xdd);
    if (name == "pink")
        return dark ? QColor(0x5c, 0x23, 0x3a) : QColor(0xff, 0xdc, 0xe8);
    if (name == "violet")
        return dark ? QColor(0x3c, 0x2e, 0x66) : QColor(0xe8, 0xdf, 0xff);
    return dark ? QColor(0x5a, 0x4e, 0x1a) : QColor(0xff, 0xf2, 0xb0);
}

void NoteItem::refresh(const engine::NoteSpec &note)
{
    prepareGeometryChange();
    m_text = QString::fromStdString(note.text);
    m_color = QString::fromStdString(note.color);
    m_size = QSizeF(std::max(kMinWidth, note.size[0]), std::max(kMinHeight, note.size[1]));
    setToolTip(m_text.isEmpty() ? tr("Note: double-click to write in it") : QString());
    update();
}

bool NoteItem::dark() const { return m_scene->palette().base().color().lightness() < 128; }

QRectF NoteItem::boundingRect() const { return QRectF(-2, -2, m_size.width() + 4, m_size.height() + 4); }

bool NoteItem::inCorner(const QPointF &local) const
{
    return local.x() >= m_size.width() - kCorner && local.y() >= m_size.height() - kCorner &&
           local.x() <= m_size.width() + 2 && local.y() <= m_size.height() + 2;
}

void NoteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool darkCanvas = dark();
    const QColor back = fill(m_color, darkCanvas);
    const QRectF card(QPointF(0, 0), m_size);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QPalette palette = m_scene->palette();
    if (lod < 0.3) {  // far away: a block of colour, like the nodes
        painter->fillRect(card, isSelected() ? palette.highlight().color() : back);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    painter->setPen(isSelected() ? QPen(palette.highlight().color(), 2)
                                 : QPen(darkCanvas ? back.lighter(150) : back.darker(125), 1));
    painter->setBrush(back);
    painter->drawRoundedRect(card, 4, 4);
    if (m_editor)
        return;  // the editor over it shows the text
    paintText(painter, card.adjusted(kPad, kPad - 2, -kPad, -kPad + 2), ink(darkCanvas));
    if (lod >= 0.5) {  // the resize grip: two short diagonal strokes in the corner
        QColor grip = ink(darkCanvas);
        grip.setAlpha(90);
        painter->setPen(QPen(grip, 1));
        const QPointF c = card.bottomRight();
        painter->drawLine(c + QPointF(-10, -3), c + QPointF(-3, -10));
        painter->drawLine(c + QPointF(-6, -3), c + QPointF(-3, -6));
    }
}

void NoteItem::paintText(QPainter *painter, const QRectF &area, const QColor &inkColour) const
{
    QFont font = painter->font();
    font.setBold(false);
    painter->setFont(font);
    if (m_text.isEmpty()) {
        QColor faint = inkColour;
        faint.setAlpha(120);
        painter->setPen(faint);
        painter->drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, tr("Double-click to write a note"));
        return;
    }
    const QFontMetricsF metrics(font);
    const int fits = std::max(1, static_cast<int>(area.height() / metrics.lineSpacing()));
    // No more than the lines that fit can show (no glyph is under 3 px wide): a very long
    // text from a file is not laid out whole at every paint.
    const qsizetype room = static_cast<qsizetype>((area.width() / 3 + 1) * (fits + 1));
    QString text = m_text.left(room);
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    std::vector<QTextLine> lines;
    double y = 0;
    while (static_cast<int>(lines.size()) <= fits) {  // one more than fits tells whether the text goes on
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        line.setPosition(QPointF(0, y));
        y += metrics.lineSpacing();
        lines.push_back(line);
    }
    layout.endLayout();
    painter->setPen(inkColour);
    const bool cut = static_cast<int>(lines.size()) > fits;
    const int shown = std::min(fits, static_cast<int>(lines.size()));
    for (int i = 0; i < shown; ++i) {
        const QTextLine &line = lines[static_cast<std::size_t>(i)];
        if (cut && i == shown - 1) {  // the last line that fits ends with "…"
            QString rest = text.mid(line.textStart()).replace(QChar::LineSeparator, QLatin1Char(' '));
            painter->drawText(QPointF(area.left(), area.top() + line.y() + metrics.ascent()),
                              metrics.elidedText(rest + QStringLiteral(" …"), Qt::ElideRight, area.width()));
        } else {
            line.draw(painter, area.topLeft());
        }
    }
}

QVariant NoteItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && m_scene->snapToGrid() && !m_scene->syncing()) {
        const QPointF p = value.toPointF();
        const double g = GraphScene::kGrid;
        return QPointF(std::round(p.x() / g) * g, std::round(p.y() / g) * g);
    }
    if (change == ItemSelectedHasChanged && value.toBool())
        setFocus(Qt::OtherFocusReason);  // so Delete reaches it (sceneEvent) whatever selected it
    return QGraphicsObject::itemChange(change, value);
}

bool NoteItem::sceneEvent(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && isSelected()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) && key->modifiers() == Qt::NoModifier) {
            event->accept();  // the key press comes here, not to a window's Delete action that knows no notes
            return true;
        }
    }
    return QGraphicsObject::sceneEvent(event);
}

void NoteItem::keyPressEvent(QKeyEvent *event)
{
    if (isSelected() && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !scene()->views().isEmpty()) {
        event->accept();
        startEditing(scene()->views().constFirst());
        return;
    }
    if (isSelected() && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        event->accept();
        // After this event: deleting the selection deletes this item.
        QMetaObject::invokeMethod(m_scene, [scene = m_scene] { deleteSelection(scene); }, Qt::QueuedConnection);
        return;
    }
    event->ignore();
}

void NoteItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && inCorner(event->pos())) {
        if (!isSelected()) {
            m_scene->clearSelection();
            setSelected(true);
        }
        m_resizing = true;
        m_resizeFrom = m_size;
        m_pressAt = event->scenePos();
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

void NoteItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_resizing)
        return QGraphicsObject::mouseMoveEvent(event);
    const QPointF delta = event->scenePos() - m_pressAt;
    const double w = std::max(kMinWidth, std::round((m_resizeFrom.width() + delta.x()) / 10) * 10);
    const double h = std::max(kMinHeight, std::round((m_resizeFrom.height() + delta.y()) / 10) * 10);
    if (QSizeF(w, h) != m_size) {
        prepareGeometryChange();
        m_size = QSizeF(w, h);
        update();
    }
}

void NoteItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_resizing)
        return QGraphicsObject::mouseReleaseEvent(event);
    m_resizing = false;
    const QSizeF size = m_size;
    edit([&](engine::NoteSpec &note) { note.size = {size.width(), size.height()}; }, tr("Resize note"));
}

void NoteItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    auto *view = event->widget() ? qobject_cast<QGraphicsView *>(event->widget()->parentWidget()) : nullptr;
    if (event->button() == Qt::LeftButton && view) {
        event->accept();
        if (!isSelected()) {
            m_scene->clearSelection();
            setSelected(true);
        }
        startEditing(view);
        return;
    }
    QGraphicsObject::mouseDoubleClickEvent(event);
}

void NoteItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (inCorner(event->pos()))
        setCursor(Qt::SizeFDiagCursor);
    else
        unsetCursor();
    QGraphicsObject::hoverMoveEvent(event);
}

void NoteItem::edit(const std::function<void(engine::NoteSpec &)> &change, const QString &text)
{
    GraphDocument *doc = m_scene->document();
    const engine::NoteSpec *now = doc->note(m_id.toStdString());
    if (!now)
        return;
    engine::NoteSpec after = *now;
    change(after);
    if (after.text == now->text && after.size == now->size && after.color == now->color && after.position == now->position) {
        refresh(*now);  // nothing changed: a resize that came back where it started
        return;
    }
    doc->undoStack()->push(new EditNoteCommand(doc, std::move(after), text));
}

void NoteItem::startEditing(QGraphicsView *view)
{
    if (!view)
        return;
    if (m_editor)
        return m_editor->setFocus(Qt::OtherFocusReason);
    view->ensureVisible(this, 20, 20);
    auto *editor = new NoteEditor(view->viewport());
    editor->setObjectName("noteEditor");
    editor->setPlainText(m_text);
    editor->setPlaceholderText(tr("Write a note… (Ctrl+Enter keeps it, Esc cancels)"));
    editor->setToolTip(tr("Ctrl+Enter or clicking elsewhere keeps the text; Esc leaves it as it was"));
    const bool darkCanvas = dark();
    editor->setStyleSheet(QStringLiteral("QPlainTextEdit { background: %1; color: %2; border: 2px solid %3; }")
                              .arg(fill(m_color, darkCanvas).name(), ink(darkCanvas).name(),
                                   m_scene->palette().highlight().color().name()));
    const QRect area = view->mapFromScene(mapToScene(QRectF(QPointF(0, 0), m_size))).boundingRect();
    editor->setGeometry(area.left(), area.top(), std::max(area.width(), 220), std::max(area.height(), 120));
    editor->onFinished([this, editor = QPointer<QPlainTextEdit>(editor)](bool keep) {
        // Out of the key or focus event that ended it; an editor already replaced is left alone.
        QMetaObject::invokeMethod(this, [this, keep, editor] {
            if (editor && editor == m_editor)
                finishEditing(keep);
        }, Qt::QueuedConnection);
    });
    editor->moveCursor(QTextCursor::End);
    editor->show();
    editor->setFocus(Qt::OtherFocusReason);
    m_editor = editor;
    m_editorView = view;
    update();
}

void NoteItem::finishEditing(bool keep)
{
    QPointer<QPlainTextEdit> editor = m_editor;
    m_editor = nullptr;
    update();
    if (!editor)
        return;
    const QString text = editor->toPlainText();
    editor->hide();
    editor->deleteLater();
    if (m_editorView)
        m_editorView->setFocus(Qt::OtherFocusReason);
    if (keep && text != m_text)
        edit([&](engine::NoteSpec &note) { note.text = text.toStdString(); }, tr("Edit note"));
}

void NoteItem::fillMenu(QMenu *menu, QGraphicsView *view)
{
    menu->addAction(tr("Edit Note…"), this, [this, view = QPointer<QGraphicsView>(view)] { startEditing(view); });
    QMenu *colours = menu->addMenu(tr("Colour"));
    colours->setObjectName("noteColours");
    auto *group = new QActionGroup(colours);
    const QString current = m_color.isEmpty() ? QStringLiteral("yellow") : m_color;
    for (const QString &name : colorNames()) {
        QPixmap swatch(14, 14);
        swatch.fill(fill(name, dark()));
        QAction *a = colours->addAction(QIcon(swatch), colorTitle(name));
        a->setData(name);
        a->setCheckable(true);
        a->setChecked(name == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] {
            edit([&](engine::NoteSpec &note) { note.color = name.toStdString(); }, tr("Change note colour"));
        });
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Delete Note"), this, [this] { deleteSelection(m_scene); });
    remove->setShortcut(QKeySequence::Delete);
}

QString NoteItem::addAt(GraphScene *scene, const QPointF &scenePos, QGraphicsView *view)
{
    GraphDocument *doc = scene->document();
    engine::NoteSpec note;
    note.id = doc->freshNoteId();
    const double g = GraphScene::kGrid;
    note.position = {std::round(scenePos.x() / g) * g, std::round(scenePos.y() / g) * g};
    note.color = "yellow";
    doc->undoStack()->push(new AddNoteCommand(doc, note));
    const QString id = QString::fromStdString(note.id);
    if (NoteItem *item = scene->noteItem(id)) {
        scene->clearSelection();
        item->setSelected(true);
        item->startEditing(view);
    }
    return id;
}

void NoteItem::deleteSelection(GraphScene *scene)
{
    GraphDocument *doc = scene->document();
    const auto nodes = scene->selectedNodeIds();
    const auto edges = scene->selectedEdges();
    const auto notes = scene->selectedNoteIds();
    if (notes.empty() && nodes.empty() && edges.empty())
        return;
    if (nodes.empty() && edges.empty())
        return doc->undoStack()->push(new DeleteNotesCommand(doc, notes));
    doc->undoStack()->beginMacro(tr("Delete"));
    doc->undoStack()->push(new DeleteCommand(doc, nodes, edges));
    if (!notes.empty())
        doc->undoStack()->push(new DeleteNotesCommand(doc, notes));
    doc->undoStack()->endMacro();
}

} // namespace studio
} // namespace flowdeck
