#include "widgets/editors/variabletypes.h"

#include "engine/core/jsonread.h"

#include <QCoreApplication>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(VariableTypes)
};

} // namespace

QList<QPair<QString, QString>> variableTypeChoices()
{
    return {{"string", Text::tr("Text")},
            {"number", Text::tr("Number")},
            {"boolean", Text::tr("Yes or no")},
            {"object", Text::tr("Object")},
            {"array[string]", Text::tr("List of texts")},
            {"array[number]", Text::tr("List of numbers")},
            {"array[object]", Text::tr("List of objects")}};
}

namespace {

// Why `parsed` is not a value of `type`; empty when it is.
QString typeProblem(const nlohmann::json &parsed, const QString &type)
{
    if (type == QLatin1String("number"))
        return parsed.is_number() ? QString() : Text::tr("A number is needed here, such as 3 or 2.5.");
    if (type == QLatin1String("boolean"))
        return parsed.is_boolean() ? QString() : Text::tr("Write true or false here.");
    if (type == QLatin1String("object"))
        return parsed.is_object() ? QString() : Text::tr("An object in JSON is needed here, such as {\"name\": \"Ada\"}.");
    if (!type.startsWith(QLatin1String("array[")))
        return {};
    const QString of = type.mid(6, type.size() - 7);
    bool fits = parsed.is_array();
    for (const auto &item : fits ? parsed : nlohmann::json::array())
        fits = fits && (of == QLatin1String("string")   ? item.is_string()
                        : of == QLatin1String("number") ? item.is_number()
                                                        : item.is_object());
    if (fits)
        return {};
    if (of == QLatin1String("string"))
        return Text::tr("A list of texts in JSON is needed here, such as [\"a\", \"b\"].");
    if (of == QLatin1String("number"))
        return Text::tr("A list of numbers in JSON is needed here, such as [1, 2].");
    return Text::tr("A list of objects in JSON is needed here, such as [{\"id\": 1}].");
}

} // namespace

nlohmann::json valueFromText(const QString &text, const QString &type, QString *problem, bool allowTemplates)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return nullptr;
    if (type == QLatin1String("string"))
        return text.toStdString();
    if (allowTemplates && trimmed.contains(QLatin1String("{{")))
        return trimmed.toStdString();  // filled in when the run gets there
    nlohmann::json parsed = engine::parseJson(trimmed.toStdString());
    const QString why = typeProblem(parsed, type);
    if (problem)
        *problem = why;
    return why.isEmpty() ? parsed : nlohmann::json();
}

QString textOfValue(const nlohmann::json &value)
{
    if (value.is_null())
        return {};
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

} // namespace flowdeck::studio
