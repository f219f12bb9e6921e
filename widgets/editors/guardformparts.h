#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;

namespace flowdeck::studio {

// Small parts the guard's forms share (the node's inspector, the checks, the policy tab).

QLabel *guardHeading(const QString &text);   // a bold title over a part of a form
QLabel *guardHint(const QString &text = {});  // a word-wrapped explanation in the muted colour
// A choice box named `name` that narrows to the room there is (long entries are cut)
// instead of widening the form past a narrow inspector.
QComboBox *guardChoice(const QString &name);

// The strings of a JSON array (others skipped), and a text's non-blank lines, trimmed,
// as a JSON array: a list edited one item a line (a keyword list's terms, allowed hosts).
QStringList guardStrings(const nlohmann::json &values);
nlohmann::json guardLines(const QString &text);

} // namespace flowdeck::studio
