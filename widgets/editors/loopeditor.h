#pragma once

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The loop node's settings (DESIGN.md §3 `loop`): its loop variables, one row each (name,
// type, starting value, which may use {{ references), the most rounds it may run, and
// the conditions that stop it after a round (the condition node's builder, completing
// the loop variables and the outputs of the nodes inside).
QWidget *loopEditor(const NodeEditorContext &context);

} // namespace flowdeck::studio
