#include "widgets/debug/debugsession.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/debug/deployedrun.h"
#include "widgets/debug/pincommand.h"
#include "widgets/document/graphdocument.h"
#include "widgets/document/localized.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QTextBrowser>
#include <QTreeWidgetItem>

#include <deque>

namespace flowdeck {
namespace studio {

QString DebugSession::nameOf(const QString &id) const
{
    const auto *n = m_doc->node(id.toStdString());
    if (!n)
        return id;
    return n->title.empty() && n->i18n.empty() ? QStringLiteral("%1 (%2)").arg(nodeTitle(*n), id) : nodeTitle(*n);
}

DebugSession::DebugSession(GraphDocument *doc, GraphScene *scene, RunController *runner, RunConsole *console)
    : QObject(doc), m_doc(doc), m_scene(scene), m_runner(runner), m_console(console)
{
    setObjectName("debugSession");
    m_runNode = new QAction(tr("Run This &Node…"), this);
    m_runNode->setObjectName("runThisNode");
    m_runNode->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5));
    m_runFrom = new QAction(tr("Run &From Here"), this);
    m_runFrom->setObjectName("runFromHere");
    m_runFrom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_pin = new QAction(tr("&Pin Output…"), this);
    m_pin->setObjectName("pinOutput");
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    connect(m_runNode, &QAction::triggered, this, [this] { askRunNode(selectedNode(), m_dialogParent); });
    connect(m_runFrom, &QAction::triggered, this, [this] { runFrom(selectedNode()); });
    connect(m_pin, &QAction::triggered, this, [this] {
        const QString id = selectedNode();
        if (const auto *n = m_doc->node(id.toStdString()); n && !n->pin.is_null())
            pin(id, nullptr);
        else
            askPin(id, m_dialogParent);
    });

    for (auto signal : {&GraphDocument::nodeAdded, &GraphDocument::nodeRemoved, &GraphDocument::nodeChanged})
        connect(doc, signal, this, &DebugSession::recompute);
    connect(doc, &GraphDocument::edgeAdded, this, &DebugSession::recompute);
    connect(doc, &GraphDocument::edgeRemoved, this, &DebugSession::recompute);
    connect(doc, &GraphDocument::documentReset, this, &DebugSession::recompute);
    connect(runner, &RunController::lastRunChanged, this, [this](const QString &workflowId) {
        if (workflowId == QString::fromStdString(m_doc->workflow().id))
            recompute();
    });
    // The console's node list says which nodes were not run (after its own handler).
    connect(runner, &RunController::traceEvent, this, [this](const QString &json) {
        const nlohmann::json event = engine::parseJson(json.toStdString());
        if (engine::valueOr(event, "event", "") != "node_finished" ||
            !engine::valueOr(engine::valueOr(event, "data", nlohmann::json::object()), "replayed", false))
            return;
        const std::string id = engine::valueOr(event, "node", "");
        QTreeWidgetItem *row = m_console->trace()->row(QString::fromStdString(id));
        if (!row)
            return;
        const auto *n = m_doc->node(id);
        const bool pinned = n && !n->pin.is_null();
        row->setText(NodeStatusView::StatusColumn, pinned ? tr("Pinned") : tr("Replayed"));
        row->setToolTip(NodeStatusView::StatusColumn, pinned ? tr("Not run: its pinned output was used.")
                                                             : tr("Not run: its output from the last run was used."));
        row->setText(NodeStatusView::TimeColumn, {});
    });
    connect(runner, &RunController::runStarted, this, &DebugSession::updateActions);
    connect(runner, &RunController::runEnded, this, &DebugSession::updateActions);
    connect(scene, &QGraphicsScene::selectionChanged, this, &DebugSession::updateActions);
    recompute();
}

DebugSession *DebugSession::of(const GraphDocument *doc)
{
    return doc ? doc->findChild<DebugSession *>("debugSession", Qt::FindDirectChildrenOnly) : nullptr;
}

const RunController::LastRun *DebugSession::lastRun() const
{
    return m_runner->lastRun(QString::fromStdString(m_doc->workflow().id));
}

QString DebugSession::selectedNode() const
{
    const auto ids = m_scene->selectedNodeIds();
    return ids.size() == 1 ? QString::fromStdString(*ids.begin()) : QString();
}

std::set<std::string> DebugSession::reach(const std::set<std::string> &from, bool forward) const
{
    std::set<std::string> seen;
    std::deque<std::string> todo(from.begin(), from.end());
    while (!todo.empty()) {
        const std::string id = todo.front();
        todo.pop_front();
        for (const auto &e : m_doc->workflow().edges)
            if ((forward ? e.from : e.to) == id && seen.insert(forward ? e.to : e.from).second)
                todo.push_back(forward ? e.to : e.from);
    }
    return seen;
}

void DebugSession::recompute()
{
    // A node is stale when its settings differ from the run's (or it is new), and so is
    // everything after it; a changed node inside an iteration or loop makes that stale.
    const RunController::LastRun *run = lastRun();
    m_stale.clear();
    const engine::Workflow &wf = m_doc->workflow();
    if (run && run->status != "running" && !run->trace.empty()) {
        std::set<std::string> changed;
        for (const auto &n : wf.nodes) {
            const engine::NodeSpec *before = run->workflow.findNode(n.id);
            if (before && before->type == n.type && before->config == n.config && before->disabled == n.disabled)
                continue;
            changed.insert(n.id);
            for (const auto &container : wf.containersOf(n.id))
                changed.insert(container);
        }
        for (const auto &id : changed)
            m_stale.insert(QString::fromStdString(id));
        for (const auto &id : reach(changed, true))
            m_stale.insert(QString::fromStdString(id));
    }
    for (const auto &n : wf.nodes) {
        NodeItem *item = m_scene->nodeItem(QString::fromStdString(n.id));
        if (!item)
            continue;
        const nlohmann::json *traced = run ? run->trace.node(n.id) : nullptr;
        int marks = 0;
        if (!n.pin.is_null())
            marks |= NodeItem::Pinned;
        if (m_stale.contains(QString::fromStdString(n.id)))
            marks |= NodeItem::Stale;
        if (traced && engine::valueOr(*traced, "replayed", false))
            marks |= NodeItem::Replayed;
        item->setDebugMarks(marks);
    }
    updateActions();
    emit marksChanged();
}

bool DebugSession::topLevelRunnable(const QString &nodeId, QString *why) const
{
    auto no = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    const engine::NodeSpec *n = m_doc->node(nodeId.toStdString());
    if (!n)
        return no(tr("Select one node on the canvas first."));
    if (!n->parent.empty())
        return no(tr("This node runs inside an iteration or loop: debug the iteration or loop as a whole."));
    if (m_runner->running())
        return no(tr("A run is going: wait for it to end, or stop it (Shift+F5)."));
    if (n->type == "start")
        return no(tr("The start node begins every run: use Run (F5)."));
    return true;
}

bool DebugSession::hasLastRun(const QString &nodeId, QString *why, const QString &noRun) const
{
    if (!topLevelRunnable(nodeId, why))
        return false;
    const RunController::LastRun *run = lastRun();
    if (run && !run->trace.empty())
        return true;
    if (why)
        *why = noRun;
    return false;
}

bool DebugSession::canRunFrom(const QString &nodeId, QString *why) const
{
    if (!hasLastRun(nodeId, why, tr("There is no run to reuse yet: run the workflow once (F5), then run from here.")))
        return false;
    if (lastRun()->trace.replayBefore(m_doc->workflow(), nodeId.toStdString()).empty()) {
        if (why)
            *why = tr("The last run finished none of the nodes before this one: run the workflow (F5).");
        return false;
    }
    if (why)
        *why = tr("Runs this node and what follows it; the nodes before it give their outputs from the last run "
                  "(those changed since run again).");
    return true;
}

bool DebugSession::canRunNode(const QString &nodeId, QString *why) const
{
    if (!hasLastRun(nodeId, why, tr("Run the workflow once (F5) first: this node then runs with what it read in that run.")))
        return false;
    if (why)
        *why = tr("Runs only this node, with what it read in the last run (which you can edit).");
    return true;
}

bool DebugSession::canPin(const QString &nodeId, QString *why) const
{
    const engine::NodeSpec *n = m_doc->node(nodeId.toStdString());
    QString reason;
    if (!n)
        reason = tr("Select one node on the canvas first.");
    else if (!n->parent.empty())
        reason = tr("Only nodes outside iterations and loops can be pinned.");
    else if (n->type == "start" || n->type == "answer" || n->type == "end")
        reason = tr("Start, answer and end nodes always run; pin the node before them instead.");
    if (why)
        *why = !reason.isEmpty()      ? reason
               : n->pin.is_null()     ? tr("Freezes this node's output as test data: runs in the studio use it instead of "
                                           "running the node. Deploys leave pins out.")
                                      : tr("Runs the node again instead of using its pinned output.");
    return reason.isEmpty();
}

nlohmann::json DebugSession::lastReads(const QString &nodeId) const
{
    nlohmann::json reads = nlohmann::json::object();
    const RunController::LastRun *run = lastRun();
    if (!run)
        return reads;
    const auto before = reach({nodeId.toStdString()}, false);
    for (const auto &[id, replayed] : run->trace.replayAll())
        if (before.count(id))
            reads[id] = replayed.outputs;
    return reads;
}

nlohmann::json DebugSession::lastRunPin(const QString &nodeId) const
{
    const RunController::LastRun *run = lastRun();
    const nlohmann::json *traced = run ? run->trace.node(nodeId.toStdString()) : nullptr;
    if (!traced || engine::valueOr(*traced, "status", "") != "done" || engine::valueOr(*traced, "truncated", false))
        return nullptr;
    return {{"outputs", engine::valueOr(*traced, "outputs", nlohmann::json::object())}, {"port", engine::valueOr(*traced, "port", "")}};
}

bool DebugSession::startThroughConsole(RunController::RunRequest request)
{
    m_runner->setNextRequest(std::move(request));
    m_console->run();  // with the console's inputs, shown as any run
    m_runner->clearNextRequest();
    return m_runner->running();
}

bool DebugSession::runFrom(const QString &nodeId)
{
    QString why;
    if (!canRunFrom(nodeId, &why)) {
        emit message(why);
        return false;
    }
    RunController::RunRequest request;
    request.from = nodeId.toStdString();
    for (auto &[id, replayed] : lastRun()->trace.replayBefore(m_doc->workflow(), request.from))
        if (const auto *n = m_doc->node(id); n && n->pin.is_null() && !m_stale.contains(QString::fromStdString(id)))
            request.replay[id] = std::move(replayed);  // pinned nodes: the run controller replays their pin
    QStringList reused;
    for (const auto &entry : request.replay)
        reused << nameOf(QString::fromStdString(entry.first));
    if (!startThroughConsole(std::move(request)))
        return false;
    emit message(tr("Running from “%1”; reused from the last run: %2.").arg(nameOf(nodeId), reused.join(", ")));
    return true;
}

bool DebugSession::runNode(const QString &nodeId, const nlohmann::json &reads)
{
    QString why;
    if (!canRunNode(nodeId, &why)) {
        emit message(why);
        return false;
    }
    RunController::RunRequest request;
    request.only = nodeId.toStdString();
    const auto ports = lastRun()->trace.replayAll();
    for (const auto &[id, outputs] : reads.items()) {
        auto port = ports.find(id);
        request.replay[id] = {outputs, port == ports.end() ? std::string() : port->second.port};
    }
    if (!startThroughConsole(std::move(request)))
        return false;
    emit message(tr("Running “%1” alone.").arg(nameOf(nodeId)));
    return true;
}

void DebugSession::pin(const QString &nodeId, nlohmann::json pinned)
{
    if (!canPin(nodeId))
        return;
    m_doc->undoStack()->push(new PinOutputCommand(m_doc, nodeId.toStdString(), std::move(pinned)));
}

void DebugSession::updateActions()
{
    const QString id = selectedNode();
    QString why;
    m_runNode->setEnabled(canRunNode(id, &why));
    m_runNode->setToolTip(why);
    m_runFrom->setEnabled(canRunFrom(id, &why));
    m_runFrom->setToolTip(why);
    m_pin->setEnabled(canPin(id, &why));
    m_pin->setToolTip(why);
    const auto *n = m_doc->node(id.toStdString());
    m_pin->setText(n && !n->pin.is_null() ? tr("Un&pin Output") : tr("&Pin Output…"));
}

void DebugSession::fillNodeMenu(QMenu *menu, const QString &nodeId, QWidget *dialogParent)
{
    const auto *n = m_doc->node(nodeId.toStdString());
    if (!n)
        return;
    menu->setToolTipsVisible(true);  // a disabled action says why
    QString why;
    QAction *runNode = menu->addAction(m_runNode->text(), this, [this, nodeId, dialogParent] { askRunNode(nodeId, dialogParent); });
    runNode->setEnabled(canRunNode(nodeId, &why));
    runNode->setToolTip(why);
    runNode->setShortcut(m_runNode->shortcut());
    QAction *fromHere = menu->addAction(m_runFrom->text(), this, [this, nodeId] { runFrom(nodeId); });
    fromHere->setEnabled(canRunFrom(nodeId, &why));
    fromHere->setToolTip(why);
    fromHere->setShortcut(m_runFrom->shortcut());
    const bool pinned = !n->pin.is_null();
    QAction *pinAction = menu->addAction(pinned ? tr("Un&pin Output") : tr("&Pin Output…"), this, [this, nodeId, pinned, dialogParent] {
        if (pinned)
            pin(nodeId, nullptr);
        else
            askPin(nodeId, dialogParent);
    });
    pinAction->setEnabled(canPin(nodeId, &why));
    pinAction->setToolTip(why);
    pinAction->setShortcut(m_pin->shortcut());
    for (QAction *a : {runNode, fromHere, pinAction})
        a->setObjectName(QStringLiteral("menu:") + (a == runNode ? "runThisNode" : a == fromHere ? "runFromHere" : "pinOutput"));
}

void DebugSession::showDeployedRun(const DeployedRun &run)
{
    const engine::Workflow &wf = m_doc->workflow();
    // The run's inputs in the console's fields, so Run From Here runs with them.
    for (const auto &input : wf.inputs) {
        auto it = run.inputs.find(input.name);
        QLineEdit *field = m_console->inputField(QString::fromStdString(input.name));
        if (field && it != run.inputs.end())
            field->setText(it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString::fromStdString(it->dump()));
    }
    if (QLineEdit *query = m_console->inputField("query"))
        query->setText(run.query);
    m_console->trace()->reset(wf);
    const nlohmann::json nodes = engine::valueOr(run.trace.toJson(), "nodes", nlohmann::json::object());
    for (const auto &[id, entry] : nodes.items()) {
        const QString node = QString::fromStdString(id), status = QString::fromStdString(engine::valueOr(entry, "status", ""));
        const nlohmann::json error = engine::valueOr(entry, "error", nlohmann::json::object());
        const QString detail = status == "failed" ? QString::fromStdString(engine::valueOr(error, "message", ""))
                               : status == "done" ? QString::number(engine::valueOr(entry, "elapsedMs", 0.0), 'f', 0) + " ms"
                                                  : QString();
        if (NodeItem *item = m_scene->nodeItem(node)) {
            item->setRunStatus(status, detail);
            item->setProblem(status == "failed" ? detail : QString());
        }
        m_console->trace()->setStatus(node, status, detail);
    }
    m_console->trace()->runEnded(run.status, run.error, static_cast<qint64>(run.elapsedMs));
    m_console->answerView()->setPlainText(run.error.isEmpty() ? tr("Run %1 of %2: %3.").arg(run.runId, run.app, run.status)
                                                              : tr("Run %1 of %2 failed: %3").arg(run.runId, run.app, run.error));
    m_runner->setLastRun(QString::fromStdString(wf.id), {run.trace, run.workflow, run.status, run.title()});
    if (!run.failedNode.isEmpty() && m_doc->node(run.failedNode.toStdString()))
        m_scene->selectNodes({run.failedNode.toStdString()});
    if (run.trace.empty()) {  // nothing to replay: said why, and where it failed
        const QString why = run.traceTooLarge
                                ? tr("what its nodes took and gave was too large for the runtime to keep")
                                : tr("the runtime no longer keeps what its nodes gave (older runs lose it first)");
        const QString failed = run.failedNode.isEmpty() ? QString() : tr(" It failed at “%1”.").arg(nameOf(run.failedNode));
        return emit message(tr("Opened run %1 of %2 (%3) with its inputs; %4.%5 Run (F5) runs it again.")
                                .arg(run.runId, run.app, run.status, why, failed));
    }
    emit message(run.failedNode.isEmpty()
                     ? tr("Opened run %1 of %2 (%3).").arg(run.runId, run.app, run.status)
                     : tr("Opened run %1 of %2: it failed at “%3”. Fix it, then Run From Here (Ctrl+F5) on it.")
                           .arg(run.runId, run.app, nameOf(run.failedNode)));
}

} // namespace studio
} // namespace flowdeck
