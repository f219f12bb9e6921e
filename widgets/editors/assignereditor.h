#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The variable assigner's assignments (DESIGN.md §3 `assigner`), one row each: the
// variable (the workflow's conversation variables and the variables of the loops the node
// is inside), what to do to it — only what its type allows: lists are appended to,
// extended and shortened, numbers take arithmetic — and the value, with {{ completion.
// *Conversation variables…* opens the workflow's settings where they are declared.
QWidget *assignerEditor(const NodeEditorContext &context);

// The operations a variable of `type` takes ("string", "number", "array[object]", ...;
// "" for one not declared: all of them), with their names as a person reads them.
QList<QPair<QString, QString>> assignOperations(const QString &type);

} // namespace flowdeck::studio
