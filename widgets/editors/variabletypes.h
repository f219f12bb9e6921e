#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

namespace flowdeck::studio {

// The types a conversation variable or a loop variable may have (DESIGN.md §3), each with
// its name as a person reads it, in the order offered.
QList<QPair<QString, QString>> variableTypeChoices();

// A value typed into a field for a variable of `type`: text for a string, a number, true
// or false, JSON for objects and lists (templates such as {{llm.json}} stay text, for
// the engine to fill in). Empty text is null. On a value that does not fit, `problem`
// gets a sentence and the result is null.
nlohmann::json valueFromText(const QString &text, const QString &type, QString *problem, bool allowTemplates);
// The text a field shows for such a value.
QString textOfValue(const nlohmann::json &value);

} // namespace flowdeck::studio
