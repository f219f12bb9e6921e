#pragma once

#include <QStringList>

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The code node's tables and limits (DESIGN.md §3 `code`), each a field of the form:
// its inputs (a name and a value, usually a {{reference}}, completed as in prompts),
// its declared outputs (a name and a type), and its sandbox limits with their defaults.
QWidget *codeNodeEditor(const NodeEditorContext &context);  // all of them and the code, in order
QWidget *codeInputsEditor(const NodeEditorContext &context);
QWidget *codeOutputsEditor(const NodeEditorContext &context);
QWidget *codeLimitsEditor(const NodeEditorContext &context);

// The types an output can be declared with, in the order offered.
QStringList codeOutputTypes();

} // namespace flowdeck::studio
