#pragma once

#include "widgets/run/runcontroller.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <map>
#include <set>
#include <string>

class QAction;
class QMenu;
class QWidget;

namespace flowdeck {
namespace studio {

class GraphDocument;
class GraphScene;
class JsonEditDialog;
class RunConsole;
struct DeployedRun;

// Debugging the open workflow (DESIGN.md §11) from its last run, which the run controller
// keeps with every node's inputs and outputs: which nodes are stale (their config changed
// since, or a node before them changed), *Run This Node* alone with what it read (edited
// as JSON), *Run From Here* replaying the cached outputs of everything before the node,
// and *Pin Output* / *Unpin* (undoable). It marks the canvas's nodes (pinned, stale,
// replayed) and starts its runs through the run console, which shows them as any run.
class DebugSession : public QObject {
    Q_OBJECT

public:
    DebugSession(GraphDocument *doc, GraphScene *scene, RunController *runner, RunConsole *console);
    // The session of a document (it is the document's child), or null.
    static DebugSession *of(const GraphDocument *doc);

    const RunController::LastRun *lastRun() const;  // of the open workflow; null before any
    bool isStale(const QString &nodeId) const { return m_stale.contains(nodeId); }
    const QSet<QString> &staleNodes() const { return m_stale; }

    // Whether each action can be taken on `nodeId` now; false with the reason (a tooltip).
    bool canRunFrom(const QString &nodeId, QString *why = nullptr) const;
    bool canRunNode(const QString &nodeId, QString *why = nullptr) const;
    bool canPin(const QString &nodeId, QString *why = nullptr) const;

    // Runs `nodeId` and what follows it, the nodes before it replayed from the last run
    // (those changed since run again). False with the reason shown when it cannot start.
    bool runFrom(const QString &nodeId);
    // Runs `nodeId` alone, `reads` (node id -> outputs) standing in for the nodes before it.
    bool runNode(const QString &nodeId, const nlohmann::json &reads);
    // What `nodeId` read in the last run: the outputs of the nodes before it, by id.
    nlohmann::json lastReads(const QString &nodeId) const;
    // The pin the last run's outputs make ({"outputs", "port"}), or null.
    nlohmann::json lastRunPin(const QString &nodeId) const;
    void pin(const QString &nodeId, nlohmann::json pin);  // undoable; null unpins
    // Shows the run opened from a runtime as the last run: statuses on the canvas and in
    // the console, the failed node marked, and its inputs in the console's fields.
    void showDeployedRun(const DeployedRun &run);

    // The dialogs (not modal; found by object name "runNodeDialog", "pinDialog").
    JsonEditDialog *askRunNode(const QString &nodeId, QWidget *parent);
    JsonEditDialog *askPin(const QString &nodeId, QWidget *parent);

    // Actions on the one selected node, with their keys, for menus and buttons.
    QAction *runNodeAction() const { return m_runNode; }
    QAction *runFromAction() const { return m_runFrom; }
    QAction *pinAction() const { return m_pin; }
    // Adds the actions for `nodeId` to a node's context menu.
    void fillNodeMenu(QMenu *menu, const QString &nodeId, QWidget *dialogParent);
    QString selectedNode() const;  // the one selected node, or empty
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }  // for the actions' dialogs

signals:
    void marksChanged();  // stale, pinned or replayed nodes changed, or a run began or ended
    void message(const QString &text);

private:
    void recompute();
    void updateActions();
    // The nodes after (`forward`) or before the nodes `from`, along the edges.
    std::set<std::string> reach(const std::set<std::string> &from, bool forward) const;
    bool topLevelRunnable(const QString &nodeId, QString *why) const;
    // Runnable, and the workflow has a last run; else false with `noRun` (or another reason).
    bool hasLastRun(const QString &nodeId, QString *why, const QString &noRun) const;
    bool startThroughConsole(RunController::RunRequest request);
    // "Summarise", or "LLM (llm_2)" for a node that has only its type's title.
    QString nameOf(const QString &nodeId) const;

    GraphDocument *m_doc;
    GraphScene *m_scene;
    RunController *m_runner;
    RunConsole *m_console;
    QSet<QString> m_stale;
    QAction *m_runNode, *m_runFrom, *m_pin;
    QPointer<QWidget> m_dialogParent;
};

} // namespace studio
} // namespace flowdeck
