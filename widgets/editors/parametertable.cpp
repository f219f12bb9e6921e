#include "widgets/editors/parametertable.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/namedrows.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/rowlist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace flowdeck::studio {

namespace {

bool takesValues(const QString &type) { return type == QLatin1String("string") || type == QLatin1String("number"); }

QString valuesText(const nlohmann::json &values)
{
    QStringList parts;
    for (const auto &v : values.is_array() ? values : nlohmann::json::array())
        parts << QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
    return parts.join(QStringLiteral(", "));
}

// "a, b, c" as the list of allowed values: numbers for a number parameter; none is null.
nlohmann::json valuesOf(const QString &text, const QString &type)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,，]")), Qt::SkipEmptyParts)) {
        const QString value = part.trimmed();
        if (value.isEmpty())
            continue;
        bool number = false;
        const double d = value.toDouble(&number);
        if (type == QLatin1String("number") && number)
            out.push_back(d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::json(static_cast<long long>(d)) : nlohmann::json(d));
        else
            out.push_back(value.toStdString());
    }
    return out.empty() ? nlohmann::json() : out;
}

QStringList parameterTypes()
{
    QStringList types;
    for (const auto &t : schemaAt("extractor", "/properties/parameters/items/properties/type/enum"))
        if (t.is_string())
            types << QString::fromStdString(t.get<std::string>());
    return types;
}

} // namespace

QWidget *parameterTable(const NodeEditorContext &context)
{
    auto edit = context.edit;
    NamedRows rows;
    rows.field = "parameters";
    rows.reserveDunder = true;
    rows.reserved = {QStringLiteral("error")};
    const QStringList types = parameterTypes();
    rows.beside = [edit, types](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *type = new QComboBox;
        type->setObjectName("type");
        for (const QString &t : types)
            type->addItem(t, t);
        type->setCurrentIndex(std::max(0, type->findData(QString::fromStdString(engine::valueOr(item, "type", "string")))));
        QObject::connect(type, &QComboBox::activated, type, [=](int) {
            const QString chosen = type->currentData().toString();
            nlohmann::json parameter = self->items()[static_cast<std::size_t>(index)];
            parameter["type"] = chosen.toStdString();
            // Allowed values only fit text and number parameters, and must be of their type.
            const nlohmann::json values = takesValues(chosen) ? valuesOf(valuesText(engine::valueOr(parameter, "enum", nlohmann::json())), chosen)
                                                              : nlohmann::json();
            if (values.is_null())
                parameter.erase("enum");
            else
                parameter["enum"] = values;
            self->setValue(index, "type", parameter["type"]);
            self->setValue(index, "enum", values);
            edit("/parameters/" + std::to_string(index), parameter, false);
            if (QWidget *row = self->row(index))
                if (auto *allowed = row->findChild<QLineEdit *>("enum"))
                    allowed->setVisible(takesValues(chosen));
        });
        return type;
    };
    rows.below = [edit](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        const std::string at = "/parameters/" + std::to_string(index);
        auto *host = new QWidget;
        auto *grid = new QGridLayout(host);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setVerticalSpacing(2);
        auto *required = new QCheckBox(QCoreApplication::translate("ParameterTable", "Required"));
        required->setObjectName("required");
        required->setToolTip(QCoreApplication::translate("ParameterTable", "The extraction fails (__is_success false) when the model cannot fill it"));
        required->setChecked(engine::valueOr(item, "required", false));
        auto *description = new QLineEdit(QString::fromStdString(engine::valueOr(item, "description", "")));
        description->setObjectName("description");
        description->setPlaceholderText(QCoreApplication::translate("ParameterTable", "What to extract (the model reads it)"));
        auto *allowed = new QLineEdit(valuesText(engine::valueOr(item, "enum", nlohmann::json())));
        allowed->setObjectName("enum");
        allowed->setPlaceholderText(QCoreApplication::translate("ParameterTable", "Allowed values, comma-separated (optional)"));
        allowed->setVisible(takesValues(QString::fromStdString(engine::valueOr(item, "type", "string"))));
        grid->addWidget(description, 0, 0);
        grid->addWidget(required, 0, 1);
        grid->addWidget(allowed, 1, 0, 1, 2);
        QObject::connect(required, &QCheckBox::toggled, required, [=](bool on) {
            self->setValue(index, "required", on);
            edit(at + "/required", on, false);
        });
        QObject::connect(description, &QLineEdit::textEdited, description, [=](const QString &text) {
            const nlohmann::json value = text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString());
            self->setValue(index, "description", value);
            edit(at + "/description", value, true);
        });
        QObject::connect(allowed, &QLineEdit::textEdited, allowed, [=](const QString &text) {
            const QString type = QString::fromStdString(engine::valueOr(self->items()[static_cast<std::size_t>(index)], "type", "string"));
            const nlohmann::json value = valuesOf(text, type);
            self->setValue(index, "enum", value);
            edit(at + "/enum", value, true);
        });
        return host;
    };
    RowList *list = namedRows(context, std::move(rows));
    list->setObjectName("parameters");
    list->setProperty("ownTitle", true);  // under the form's "Parameters" heading
    list->setMinimumRows(1);  // an extractor extracts at least one parameter
    list->setHeader(columnTitles(QCoreApplication::translate("ParameterTable", "Name"), QCoreApplication::translate("ParameterTable", "Type")));
    list->setAdd(QCoreApplication::translate("ParameterTable", "+ Parameter"), QCoreApplication::translate("ParameterTable", "Add a parameter for the model to fill: another output of the node"),
                 [](const nlohmann::json &items) {
                     return nlohmann::json{{"name", freshName(items, "param", true)}, {"type", "string"}, {"required", false}};
                 });
    return list;
}

} // namespace flowdeck::studio
