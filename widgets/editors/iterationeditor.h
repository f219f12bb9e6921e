#pragma once

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The iteration node's settings (DESIGN.md §3 `iteration`): the list to go over (with
// {{ completion of what runs before it), what each item gives (completing the item, its
// index and the outputs of the nodes inside), one by one or several at once up to a
// bound, what a failed item does (stop, go on with an empty result, or leave it out), how
// often a failed item is tried again and after how long, and whether lists returned by
// the items are flattened into one.
QWidget *iterationEditor(const NodeEditorContext &context);

} // namespace flowdeck::studio
