#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace flowdeck::studio {

struct NodeEditorContext;

// The human input node's form designer (DESIGN.md §3 `human`): the text a person reads
// (markdown, with {{ completion), the fields they fill in (name, type, label, required,
// the choices of a choice field, a default), the buttons they may press — each an output
// port: renaming a button's id moves its connections, removing it removes them, in the
// same undo step — and a time limit, which adds a "timeout" port.
QWidget *humanFormEditor(const NodeEditorContext &context);

// Why `id` cannot name a button (empty, not a letter or _ then letters, digits, _ or -,
// reserved, or taken by one of `others`); empty when it can.
QString buttonIdProblem(const QString &id, const QStringList &others);

} // namespace flowdeck::studio
