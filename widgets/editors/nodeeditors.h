#pragma once

#include "widgets/panels/promptedit.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

class QWidget;

namespace flowdeck::studio {

class GraphDocument;

// What an inspector editor gets: the node it edits and how to change it. Every change
// is an undo command on the document's stack, pushed by the inspector.
struct NodeEditorContext {
    GraphDocument *doc = nullptr;
    std::string nodeId;
    nlohmann::json config;               // the node's config as the form shows it
    PromptEdit::Candidates candidates;   // what {{ completes to in this node
    // One SetConfigFieldCommand at a JSON pointer into the config. Typing merges (one
    // undo step per field), adding or removing rows does not. The form stays.
    std::function<void(const std::string &pointer, nlohmann::json value, bool merge)> edit;
    // Several commands as one undo step named `text`: `push` pushes them on
    // doc->undoStack(). The form is built again afterwards.
    std::function<void(const QString &text, const std::function<void()> &push)> macro;
    std::function<void()> rebuild;  // builds the form again, once the event that asked is over
};

// The inspector's custom editors, keyed by node type and config field (the condition
// node's cases, the code node's body, the classifier's classes, ...). An editor may
// cover further fields of the same node, which the form then leaves out. An editor with
// the property "ownTitle" set shows its own titles: the form puts none above it. Adding
// an editor for a new node type is one add() line in builtin().
class NodeEditors {
public:
    using Factory = std::function<QWidget *(const NodeEditorContext &)>;

    void add(const std::string &type, const std::string &field, Factory factory, std::set<std::string> covers = {});
    // The editor of `field`, or nullptr when the form's default editor fits.
    QWidget *create(const std::string &type, const std::string &field, const NodeEditorContext &context) const;
    // Whether `field` is edited inside another field's editor (and has no row of its own).
    bool covered(const std::string &type, const std::string &field) const;

    static const NodeEditors &builtin();

private:
    std::map<std::pair<std::string, std::string>, Factory> m_factories;
    std::set<std::pair<std::string, std::string>> m_covered;
};

// The part of node type `type`'s config schema at a JSON pointer ("/properties/x"), or
// null: editors take their choices and defaults from the engine's descriptor.
nlohmann::json schemaAt(const std::string &type, const std::string &pointer);

} // namespace flowdeck::studio
