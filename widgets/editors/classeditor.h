#pragma once

#include <nlohmann/json.hpp>

#include <string>

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The classifier's classes (DESIGN.md §3 `classifier`): one row per class with its name,
// a description and examples (one a line) that tell the model what belongs there; added,
// removed and reordered with buttons. Each class is an output port: its id is made when
// it is added and never changes, so connections follow it through renames and moves.
// Removing a class removes the connections from its port in the same undo step. The
// "Other" class is always there, last.
QWidget *classEditor(const NodeEditorContext &context);

// A class id that no class in `classes` has, and not a reserved port ("other", "error").
std::string freshClassId(const nlohmann::json &classes);

} // namespace flowdeck::studio
