#include "widgets/canvas/canvasmenu.h"

#include "engine/core/jsonread.h"
#include "engine/nodes/noderegistry.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeicons.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/noteitem.h"
#include "widgets/debug/debugsession.h"
#include "widgets/document/commands.h"
#include "widgets/document/localized.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>

#include <algorithm>
#include <functional>
#include <cmath>
#include <limits>

namespace flowdeck {
namespace studio {

namespace {

// The language a rename writes: in Chinese it goes to the node's i18n.zh.title.
std::string titleLanguage() { return studioLanguage().toStdString(); }

// A one-line editor over a node's title: Escape cancels, Enter or leaving it renames.
class RenameField final : public QLineEdit {
public:
    using QLineEdit::QLineEdit;
    void onFinished(std::function<void(bool)> finish) { m_finish = std::move(finish); }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape)
            return done(false);
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
            return done(true);
        QLineEdit::keyPressEvent(event);
    }
    void focusOutEvent(QFocusEvent *event) override
    {
        QLineEdit::focusOutEvent(event);
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

} // namespace

CanvasMenu::CanvasMenu(GraphView *view)
    : QObject(view), m_view(view), m_scene(static_cast<GraphScene *>(view->scene())), m_doc(m_scene->document())
{
    setObjectName("canvasMenu");
    view->viewport()->installEventFilter(this);
    auto *rename = new QAction(tr("Rename Node"), view);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(rename, &QAction::triggered, this, [this] {
        const auto selected = m_scene->selectedNodeIds();
        if (selected.size() == 1)
            startRename(QString::fromStdString(*selected.begin()));
    });
    view->addAction(rename);
}

CanvasMenu *CanvasMenu::of(const GraphView *view) { return view->findChild<CanvasMenu *>("canvasMenu", Qt::FindDirectChildrenOnly); }

bool CanvasMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::ContextMenu) {
        const auto *e = static_cast<QContextMenuEvent *>(event);
        popup(e->pos(), e->globalPos());
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void CanvasMenu::popup(const QPoint &viewportPos, const QPoint &globalPos)
{
    if (m_menu)
        m_menu->close();
    auto *menu = new QMenu(m_view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPointF scenePos = m_view->mapToScene(viewportPos);
    QString nodeId;
    for (QGraphicsItem *item = m_scene->itemAt(scenePos, m_view->transform()); item; item = item->parentItem())
        if (auto *node = dynamic_cast<NodeItem *>(item)) {
            nodeId = node->id();
            break;
        }
    auto *note = dynamic_cast<NoteItem *>(m_scene->itemAt(scenePos, m_view->transform()));
    if (note && nodeId.isEmpty()) {  // a sticky note: edit, colour, delete
        if (!note->isSelected()) {
            m_scene->clearSelection();
            note->setSelected(true);
        }
        note->fillMenu(menu, m_view);
    } else if (nodeId.isEmpty()) {
        fillBackgroundMenu(menu, scenePos);
    } else {
        // As in file managers: a right-click on a node outside the selection selects it alone.
        if (!m_scene->selectedNodeIds().count(nodeId.toStdString()))
            m_scene->selectNodes({nodeId.toStdString()});
        fillNodeMenu(menu, nodeId);
    }
    m_menu = menu;
    menu->popup(globalPos);
}

void CanvasMenu::fillBackgroundMenu(QMenu *menu, const QPointF &scenePos)
{
    QMenu *add = menu->addMenu(tr("Add Node Here"));
    add->setObjectName("addNodeMenu");
    auto types = engine::NodeRegistry::builtin().all();
    const std::vector<std::string> order = {"basic", "model", "tools", "logic", "transform", "io", "output"};
    auto rank = [&](const std::string &category) {
        return std::find(order.begin(), order.end(), category) - order.begin();
    };
    std::stable_sort(types.begin(), types.end(), [&](const auto *a, const auto *b) { return rank(a->category) < rank(b->category); });
    const bool chat = m_doc->workflow().isChat();
    std::string category;
    for (const auto *d : types) {
        if (d->type == "start" || (!d->mode.empty() && d->mode != (chat ? "chat" : "workflow")))
            continue;  // one start per workflow; answer only in chat, end only in workflows
        if (!category.empty() && d->category != category)
            add->addSeparator();
        category = d->category;
        QAction *a = add->addAction(nodeIcon(QString::fromStdString(d->type)), typeTitle(d, d->type));
        a->setData(QString::fromStdString(d->type));
        a->setToolTip(QString::fromStdString(studioSpeaksChinese() && !d->descriptionZh.empty()
                                                 ? d->descriptionZh
                                                 : d->description));
        connect(a, &QAction::triggered, this, [this, type = d->type, scenePos] { addNodeAt(type, scenePos); });
    }
    menu->addAction(tr("Add Note Here"), this, [this, scenePos] { NoteItem::addAt(m_scene, scenePos, m_view); })
        ->setObjectName("addNote");
    menu->addSeparator();
    QAction *paste = menu->addAction(tr("Paste Here"), this, [this, scenePos] { pasteAt(scenePos); });
    paste->setShortcut(QKeySequence::Paste);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    paste->setEnabled(mime && PasteCommand(m_doc, mime->text().toStdString(), {0, 0}).valid());
    QAction *all = menu->addAction(tr("Select All"), this, [this] {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(true);
    });
    all->setShortcut(QKeySequence::SelectAll);
    QAction *fit = menu->addAction(tr("Zoom to Fit"), m_view, &GraphView::zoomToFit);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void CanvasMenu::fillNodeMenu(QMenu *menu, const QString &nodeId)
{
    const std::string id = nodeId.toStdString();
    const auto selected = m_scene->selectedNodeIds();
    QAction *rename = menu->addAction(tr("Rename…"), this, [this, nodeId] { startRename(nodeId); });
    rename->setShortcut(Qt::Key_F2);
    QAction *duplicate = menu->addAction(tr("Duplicate"), this, [this, selected] { this->duplicate(selected); });
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    menu->addAction(tr("Copy Node ID"), this, [nodeId] { QApplication::clipboard()->setText(nodeId); });
    // The start node holds the inputs: there is nothing to run past without it.
    std::set<std::string> switchable;
    bool allDisabled = true;
    for (const auto &s : selected)
        if (const auto *n = m_doc->node(s); n && n->type != "start") {
            switchable.insert(s);
            allDisabled = allDisabled && n->disabled;
        }
    if (!switchable.empty()) {
        const bool enable = allDisabled;
        menu->addAction(enable ? tr("Enable") : tr("Disable"), this, [this, switchable, enable] {
            m_doc->undoStack()->push(new SetNodesDisabledCommand(m_doc, switchable, !enable));
        });
    }
    if (DebugSession *debug = DebugSession::of(m_doc)) {  // run this node, run from here, pin
        menu->addSeparator();
        debug->fillNodeMenu(menu, nodeId, m_view->window());
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Delete"), this, [this, selected] {
        m_doc->undoStack()->push(new DeleteCommand(m_doc, selected));
    });
    remove->setShortcut(QKeySequence::Delete);
}

void CanvasMenu::addNodeAt(const std::string &type, const QPointF &scenePos) { m_scene->addNodeAt(type, scenePos); }

void CanvasMenu::pasteAt(const QPointF &scenePos)
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    const std::string text = mime ? mime->text().toStdString() : std::string();
    // The copied nodes' top-left corner goes where the menu was opened.
    const auto clip = engine::parseJson(text);
    double left = std::numeric_limits<double>::max(), top = std::numeric_limits<double>::max();
    if (clip.is_object() && clip.contains("nodes") && clip["nodes"].is_array())
        for (const auto &n : clip["nodes"]) {
            const auto p = n.is_object() ? n.find("position") : n.end();
            if (n.is_object() && p != n.end() && p->is_array() && p->size() == 2 && (*p)[0].is_number() && (*p)[1].is_number()) {
                left = std::min(left, (*p)[0].get<double>());
                top = std::min(top, (*p)[1].get<double>());
            }
        }
    if (left == std::numeric_limits<double>::max())
        left = top = 0;
    auto *command = new PasteCommand(m_doc, text, {std::round((scenePos.x() - left) / GraphScene::kGrid) * GraphScene::kGrid,
                                                   std::round((scenePos.y() - top) / GraphScene::kGrid) * GraphScene::kGrid});
    if (!command->valid()) {
        delete command;
        return;
    }
    command->placeInside(m_scene->containerAt(scenePos).toStdString());  // pasted inside a frame: inside its container
    const auto ids = command->pastedIds();
    m_doc->undoStack()->push(command);
    m_scene->selectNodes(ids);
}

void CanvasMenu::duplicate(const std::set<std::string> &ids)
{
    auto *command = new PasteCommand(m_doc, copySelection(*m_doc, ids), {40, 40});
    if (!command->valid()) {
        delete command;
        return;
    }
    command->setText(tr("Duplicate"));
    const auto pasted = command->pastedIds();
    m_doc->undoStack()->push(command);
    m_scene->selectNodes(pasted);
}

void CanvasMenu::startRename(const QString &nodeId)
{
    const auto *node = m_doc->node(nodeId.toStdString());
    NodeItem *item = m_scene->nodeItem(nodeId);
    if (!node || !item)
        return;
    if (m_renameField)
        finishRename(true);
    m_renaming = nodeId;
    m_view->ensureVisible(item, 20, 20);
    auto *field = new RenameField(m_view->viewport());
    field->onFinished([this, field = QPointer<QLineEdit>(field)](bool keep) {
        // Out of the key or focus event that ended it; a field already replaced is left alone.
        QMetaObject::invokeMethod(this, [this, keep, field] {
            if (field && field == m_renameField)
                finishRename(keep);
        }, Qt::QueuedConnection);
    });
    field->setObjectName("renameField");
    field->setText(nodeTitle(*node));
    field->selectAll();
    const QRect card = m_view->mapFromScene(item->sceneBoundingRect()).boundingRect();
    field->setGeometry(card.left(), card.top(), std::max(card.width(), 180), field->sizeHint().height());
    field->show();
    field->setFocus(Qt::OtherFocusReason);
    m_renameField = field;
}

void CanvasMenu::finishRename(bool keep)
{
    QPointer<QLineEdit> field = m_renameField;
    const QString id = m_renaming;
    m_renameField = nullptr;
    m_renaming.clear();
    if (!field)
        return;
    const QString text = field->text().trimmed();
    field->hide();
    field->deleteLater();
    m_view->setFocus(Qt::OtherFocusReason);
    const auto *node = m_doc->node(id.toStdString());
    if (!keep || !node || text == nodeTitle(*node))
        return;
    m_doc->undoStack()->push(new RenameNodeCommand(m_doc, id.toStdString(), text.toStdString(), titleLanguage()));
}

} // namespace studio
} // namespace flowdeck
