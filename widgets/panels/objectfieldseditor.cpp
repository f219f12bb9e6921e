#include "widgets/panels/objectfieldseditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/commands.h"
#include "widgets/panels/fieldtitles.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace flowdeck::studio {

namespace {

QString listText(const nlohmann::json &value)
{
    QStringList items;
    if (value.is_array())
        for (const auto &v : value)
            if (v.is_string())
                items << QString::fromStdString(v.get<std::string>());
    return items.join(QStringLiteral(", "));
}

nlohmann::json listValue(const QString &text)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,，]")), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.push_back(part.trimmed().toStdString());
    return out.empty() ? nlohmann::json() : out;
}

} // namespace

ObjectFieldsEditor::ObjectFieldsEditor(const std::string &field, const nlohmann::json &schema, const nlohmann::json &value,
                                       std::function<void(const std::string &, nlohmann::json)> apply, QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(12, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const nlohmann::json current = value.is_object() ? value : nlohmann::json::object();
    const nlohmann::json properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    for (const auto &[name, property] : properties.items()) {
        const std::string pointer = "/" + pointerToken(field) + "/" + pointerToken(name);
        const std::string type = engine::valueOr(property, "type", "string");
        const QString objectName = QString::fromStdString("field:" + field + "." + name);
        const QString title = fieldTitle(engine::valueOr(property, "title", name));
        const nlohmann::json shown = current.contains(name) ? current[name] : nlohmann::json();
        if (type == "boolean") {
            auto *check = new QCheckBox(title);
            check->setObjectName(objectName);
            check->setChecked(shown.is_boolean() ? shown.get<bool>() : engine::valueOr(property, "default", false));
            connect(check, &QCheckBox::toggled, this, [apply, pointer](bool on) { apply(pointer, on); });
            form->addRow(check);
            continue;
        }
        auto *line = new QLineEdit;
        line->setObjectName(objectName);
        const bool list = type == "array";
        line->setText(list ? listText(shown) : QString::fromStdString(shown.is_string() ? shown.get<std::string>() : ""));
        if (list)
            line->setPlaceholderText(tr("comma-separated"));
        else if (property.contains("pattern"))
            line->setPlaceholderText(tr("YYYY-MM-DD"));
        connect(line, &QLineEdit::editingFinished, this, [apply, pointer, line, list] {
            const QString text = line->text().trimmed();
            apply(pointer, list ? listValue(text) : text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()));
        });
        form->addRow(title, line);
    }
}

} // namespace flowdeck::studio
