#pragma once

#include "engine/workflow/workflow.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <optional>

namespace flowdeck {
namespace studio {

// The workflow being edited: the engine's Workflow plus the undo stack that owns every
// change to it. Views observe it through fine-grained signals and never change it
// directly; edits are commands (commands.h) pushed on undoStack().
class GraphDocument : public QObject {
    Q_OBJECT

public:
    explicit GraphDocument(QObject *parent = nullptr);

    const engine::Workflow &workflow() const { return m_workflow; }
    const engine::NodeSpec *node(const std::string &id) const { return m_workflow.findNode(id); }
    QUndoStack *undoStack() { return &m_undo; }
    // The canonical JSON text of the document (what saving writes).
    std::string toText() const;

    // Replaces the whole workflow (open, new); clears the undo history.
    void reset(engine::Workflow workflow);

    // A node id not used yet, from a type ("llm" -> "llm_1", "llm_2", ...).
    std::string freshNodeId(const std::string &type) const;

    // The low-level changes commands make. Each emits its signal.
    void insertNode(engine::NodeSpec node, std::size_t index);
    std::optional<std::pair<engine::NodeSpec, std::size_t>> removeNode(const std::string &id);
    void setNodePosition(const std::string &id, std::array<double, 2> position);
    void setNodeConfig(const std::string &id, nlohmann::json config);
    void setNodeTitle(const std::string &id, const std::string &title);
    void setNodeI18n(const std::string &id, nlohmann::json i18n);  // the node's translated titles
    void setNodeDisabled(const std::string &id, bool disabled);
    // Pinned test data ({"outputs", "port"}; null unpins); emits nodeChanged.
    void setNodePin(const std::string &id, nlohmann::json pin);
    // Puts the node inside the iteration or loop `parent` ("" = top level); emits nodeChanged.
    void setNodeParent(const std::string &id, const std::string &parent);
    // The workflow's inputs (the start node's form); emits inputsChanged and nodeChanged
    // for each start node, whose outputs they are.
    void setInputs(std::vector<engine::InputSpec> inputs);
    void insertEdge(engine::EdgeSpec edge, std::size_t index);
    std::optional<std::size_t> removeEdge(const engine::EdgeSpec &edge);
    std::size_t nodeIndex(const std::string &id) const;  // npos when absent
    // Sets the workflow's "plugins" entry `alias`; a null entry removes it.
    void setPlugin(const std::string &alias, nlohmann::json entry);
    // Sets the workflow's "models" entry `alias` (kind, provider profile, model); null removes it.
    void setModel(const std::string &alias, nlohmann::json entry);
    // The workflow's conversation variables ({{conversation.name}}); emits variablesChanged.
    void setVariables(std::vector<engine::VariableSpec> variables);
    // The workflow's app guard policy, its top-level "guard" ({} for none); emits guardChanged.
    void setGuard(nlohmann::json guard);
    // The workflow's environment variables ({{env.NAME}} defaults); emits envChanged.
    void setEnv(std::vector<engine::EnvSpec> env);
    // A chat app's opening (Workflow::opening: the greeting and suggested questions);
    // emits openingChanged.
    void setOpening(engine::OpeningSpec opening);
    // Sticky notes (Workflow::notes). insertNote and removeNote emit noteAdded and
    // noteRemoved; setNote replaces the note with the same id (text, place, size, colour)
    // and emits noteChanged.
    const engine::NoteSpec *note(const std::string &id) const;
    std::string freshNoteId() const;  // "note_1", "note_2", ...
    void insertNote(engine::NoteSpec note, std::size_t index);
    std::optional<std::pair<engine::NoteSpec, std::size_t>> removeNote(const std::string &id);
    void setNote(engine::NoteSpec note);

    // What the engine's validator says of the workflow, kept up to date soon (300 ms)
    // after every change; views show it. Errors only, in the user's words.
    void revalidate();  // now
    const QHash<QString, QStringList> &nodeProblems() const { return m_nodeProblems; }  // by node id
    const QStringList &workflowProblems() const { return m_workflowProblems; }          // not about one node
    int problemCount() const { return m_problemCount; }

    // Workspace trust: a workflow from outside the user's own projects starts no plugin
    // command and resolves no secret until the user approves it. Set before reset().
    bool trusted() const { return m_trusted; }
    void setTrusted(bool trusted);
    // How to ask the user (the main window's dialog); returns whether they approved.
    void setTrustAsker(std::function<bool()> ask) { m_askTrust = std::move(ask); }
    // True if trusted, or once the user approves now.
    bool ensureTrusted();

signals:
    void nodeAdded(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeMoved(const QString &id);
    void nodeChanged(const QString &id);  // config, title or parent
    void edgeAdded(const QString &from, const QString &to, const QString &port);
    void edgeRemoved(const QString &from, const QString &to, const QString &port);
    void documentReset();
    void inputsChanged();
    void pluginChanged(const QString &alias);  // added, changed or removed
    void modelChanged(const QString &alias);   // a declared model's provider or model id
    void variablesChanged();
    void guardChanged();
    void envChanged();
    void openingChanged();
    void noteAdded(const QString &id);
    void noteRemoved(const QString &id);
    void noteChanged(const QString &id);
    void validated(int problems);
    void trustChanged(bool trusted);

private:
    engine::Workflow m_workflow;
    QUndoStack m_undo;
    QTimer m_validateSoon;
    QHash<QString, QStringList> m_nodeProblems;
    QStringList m_workflowProblems;
    int m_problemCount = 0;
    bool m_trusted = true;
    std::function<bool()> m_askTrust;
};

bool sameEdge(const engine::EdgeSpec &a, const engine::EdgeSpec &b);

} // namespace studio
} // namespace flowdeck
