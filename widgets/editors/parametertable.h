#pragma once

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The extractor's parameters (DESIGN.md §3 `extractor`): one row per parameter with its
// name (checked as it is typed: a name, once, not one of the node's own outputs), its
// type, whether it is required, a description for the model and, for text and number
// parameters, the values it may take. Added, removed and reordered with buttons; each
// parameter is an output of the node.
QWidget *parameterTable(const NodeEditorContext &context);

} // namespace flowdeck::studio
