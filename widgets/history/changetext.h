#pragma once

#include "engine/history/workflowdiff.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace flowdeck {
namespace studio {

// How the studio says what changed between two versions of a workflow
// (engine/history/workflowdiff.h), in its language.
// A node's name for the reader, from its id (its title, else the id).
using NodeNamer = std::function<QString(const std::string &nodeId)>;

// A node's names in `workflow`: its title and, when they differ, its id ("Summary (llm_1)").
NodeNamer nodeNamer(const engine::Workflow &after, const engine::Workflow &before);

// One sentence: "Added Summary (llm_1)", "Summary (llm_1): Prompt changed".
QString changeSentence(const engine::WorkflowChange &change, const NodeNamer &name);
// A field as a person reads it: config.prompt -> "Prompt", models.default.model -> "models.default.model".
QString fieldLabel(const std::string &field);
// A value in a sentence: “short text…”, 42, true, — for none.
QString valueText(const nlohmann::json &value);

// The changes as HTML for a QTextBrowser: a list of sentences; with `lines`, each prompt's
// line diff in colour (added green, removed red, a few kept lines around them).
QString changesHtml(const std::vector<engine::WorkflowChange> &changes, const NodeNamer &name, bool lines = true);
// A line diff as HTML (the part changesHtml shows under a prompt change).
QString lineDiffHtml(const std::vector<engine::DiffLine> &lines);
// The same as plain text lines: "+ new line", "- old line".
QStringList lineDiffText(const std::vector<engine::DiffLine> &lines);

} // namespace studio
} // namespace flowdeck
