#pragma once

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The guard node's inspector (DESIGN.md §10, docs/guard.md): the text it checks (a
// template, with {{ completion), its mode — check (ports pass and blocked; changing to or
// from it moves the connections in the same undo step), mask or flag —, where the text
// comes from (a user, a model, a tool, a retrieved passage), and its checks with a test box.
QWidget *guardNodeEditor(const NodeEditorContext &context);

} // namespace flowdeck::studio
