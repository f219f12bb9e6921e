#include "widgets/panels/toolpicker.h"
#include "widgets/panels/fieldtitles.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "widgets/document/commands.h"
#include "widgets/run/serverdirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

std::string typeOf(const nlohmann::json &property)
{
    const nlohmann::json type = engine::valueOr(property, "type", nlohmann::json("string"));
    if (type.is_string())
        return type.get<std::string>();
    if (type.is_array())  // ["string", "null"] and the like: the first that is not null
        for (const auto &t : type)
            if (t.is_string() && t != "null")
                return t.get<std::string>();
    return "string";
}

} // namespace

nlohmann::json ToolPicker::valueFor(const nlohmann::json &property, const QString &text, bool *ok)
{
    *ok = true;
    if (text.isEmpty())
        return nullptr;
    const std::string type = typeOf(property);
    const std::string s = text.toStdString();
    if (type == "string")
        return s;
    const bool reference = text.trimmed().startsWith("{{") && text.trimmed().endsWith("}}");
    if (reference)  // a reference keeps the type of what it points at
        return s;
    if (type == "integer" || type == "number") {
        bool isNumber = false;
        const double d = text.trimmed().toDouble(&isNumber);
        if (isNumber && type == "integer" && d == static_cast<double>(static_cast<long long>(d)))
            return static_cast<long long>(d);
        if (isNumber && type == "number")
            return d;
        *ok = false;
        return nullptr;
    }
    if (type == "boolean") {
        if (text.trimmed() == "true" || text.trimmed() == "false")
            return text.trimmed() == "true";
        *ok = false;
        return nullptr;
    }
    auto parsed = engine::parseJson(s);
    *ok = !parsed.is_discarded();
    return *ok ? parsed : nlohmann::json();
}

QString ToolPicker::textFor(const nlohmann::json &value)
{
    if (value.is_null())
        return {};
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : engine::safeDump(value));
}

ToolPicker::ToolPicker(const ServerDirectory *servers, const nlohmann::json &config, PromptEdit::Candidates candidates,
                       Apply apply, ChooseTool toolChosen, QWidget *parent)
    : QWidget(parent), m_candidates(std::move(candidates)), m_apply(std::move(apply))
{
    const QString server = QString::fromStdString(engine::valueOr(config, "server", ""));
    const QString current = QString::fromStdString(engine::valueOr(config, "tool", ""));
    const nlohmann::json arguments = engine::valueOr(config, "arguments", nlohmann::json::object());
    m_tools = new QComboBox;
    m_tools->setObjectName("toolBox");
    m_tools->setEditable(true);
    m_tools->setInsertPolicy(QComboBox::NoInsert);
    m_about = new QLabel;
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *argumentsHost = new QWidget;
    m_arguments = new QFormLayout(argumentsHost);
    m_arguments->setContentsMargins(0, 0, 0, 0);
    m_arguments->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tools);
    layout->addWidget(m_about);
    layout->addWidget(argumentsHost);

    const ServerDirectory::Entry *entry = servers ? servers->entry(server) : nullptr;
    nlohmann::json chosen;
    if (entry)
        for (const auto &tool : entry->tools) {
            const QString name = QString::fromStdString(engine::valueOr(tool, "name", ""));
            m_tools->addItem(toolTitle(tool), name);
            m_tools->setItemData(m_tools->count() - 1, toolDescription(tool), Qt::ToolTipRole);
            if (name == current)
                chosen = tool;
        }
    const int at = m_tools->findData(current);
    if (at >= 0)
        m_tools->setCurrentIndex(at);
    else
        m_tools->setEditText(current);

    QString about;
    if (server.isEmpty())
        about = tr("Choose a plugin first.");
    else if (!entry)
        about = tr("The workflow has no plugin '%1'.").arg(server);
    else if (entry->state == ServerDirectory::State::Starting)
        about = tr("Starting the plugin server to list its tools…");
    else if (entry->state == ServerDirectory::State::Failed)
        about = tr("The plugin server is not available: %1").arg(entry->error);
    else if (chosen.is_null() && !current.isEmpty())
        about = tr("The plugin has no tool '%1'; choose one of its %n tool(s).", nullptr, static_cast<int>(entry->tools.size())).arg(current);
    else
        about = toolDescription(chosen);
    m_about->setText(about);
    m_about->setStyleSheet(entry && entry->state == ServerDirectory::State::Failed ? "color: #d93f3f;" : "");
    buildArguments(chosen, arguments);

    connect(m_tools, &QComboBox::activated, this, [this, entry, toolChosen](int index) {
        const QString name = m_tools->itemData(index).toString();
        nlohmann::json schema;
        if (entry)
            for (const auto &tool : entry->tools)
                if (engine::valueOr(tool, "name", "") == name.toStdString())
                    schema = engine::valueOr(tool, "inputSchema", nlohmann::json::object());
        toolChosen(name, schema);
    });
    connect(m_tools->lineEdit(), &QLineEdit::textEdited, this, [this](const QString &text) { m_apply("/tool", text.toStdString()); });
}

QWidget *ToolPicker::argumentEditor(const QString &name) const { return findChild<QWidget *>("argument:" + name); }

void ToolPicker::buildArguments(const nlohmann::json &tool, const nlohmann::json &arguments)
{
    if (tool.is_null()) {
        // No schema to build a form from: the arguments as JSON.
        auto *edit = new QPlainTextEdit(arguments.empty() ? QString() : QString::fromStdString(engine::safeDump(arguments, 2)));
        edit->setObjectName("argument:*");
        edit->setMinimumHeight(80);
        edit->setTabChangesFocus(true);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit] {
            const std::string content = edit->toPlainText().toStdString();
            auto parsed = engine::parseJson(content);
            const bool bad = !content.empty() && (parsed.is_discarded() || !parsed.is_object());
            edit->setStyleSheet(bad ? "QPlainTextEdit { border: 1px solid #d93f3f; }" : "");
            if (!bad)
                m_apply("/arguments", content.empty() ? nlohmann::json::object() : parsed);
        });
        m_arguments->addRow(tr("Arguments (JSON)"), edit);
        return;
    }
    const nlohmann::json schema = engine::valueOr(tool, "inputSchema", nlohmann::json::object());
    const nlohmann::json required = engine::valueOr(schema, "required", nlohmann::json::array());
    const nlohmann::json properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    if (properties.empty())
        m_arguments->addRow(new QLabel(tr("<i>This tool takes no arguments.</i>")));
    for (const auto &[name, property] : properties.items()) {
        const bool isRequired = std::find(required.begin(), required.end(), name) != required.end();
        QWidget *field = argumentField(name, property, arguments.contains(name) ? arguments[name] : nlohmann::json(), isRequired);
        field->setObjectName(QString::fromStdString("argument:" + name));
        field->setToolTip(QString::fromStdString(engine::valueOr(property, "description", "")));
        m_arguments->addRow(QString::fromStdString(engine::valueOr(property, "title", name)) + (isRequired ? " *" : ""), field);
    }
}

QWidget *ToolPicker::argumentField(const std::string &name, const nlohmann::json &property, const nlohmann::json &value,
                                   bool required)
{
    const std::string pointer = "/arguments/" + pointerToken(name);
    if (property.contains("enum") && property["enum"].is_array()) {
        auto *box = new QComboBox;
        box->addItem(QString());
        for (const auto &option : property["enum"])
            box->addItem(textFor(option), QString::fromStdString(engine::safeDump(option)));
        box->setCurrentIndex(std::max(0, box->findData(QString::fromStdString(engine::safeDump(value)))));
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, pointer](int) {
            const QString data = box->currentData().toString();
            m_apply(pointer, data.isEmpty() ? nlohmann::json() : nlohmann::json::parse(data.toStdString()));
        });
        return box;
    }
    if (typeOf(property) == "boolean" && (value.is_null() || value.is_boolean())) {
        auto *check = new QCheckBox;
        check->setChecked(value.is_boolean() && value.get<bool>());
        connect(check, &QCheckBox::toggled, this, [this, pointer, required](bool on) {
            m_apply(pointer, on || required ? nlohmann::json(on) : nlohmann::json());
        });
        return check;
    }
    auto *edit = new PromptEdit(m_candidates);
    const std::string type = typeOf(property);
    const bool structured = type == "object" || type == "array";
    edit->setSingleLine(!structured);
    if (structured)
        edit->setMinimumHeight(60);
    edit->setPlainText(textFor(value));
    const std::string description = engine::valueOr(property, "description", "");
    edit->setPlaceholderText(QString::fromStdString(description.substr(0, description.find('\n'))));
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, property, pointer] {
        bool ok = false;
        nlohmann::json v = valueFor(property, edit->toPlainText(), &ok);
        edit->setStyleSheet(ok ? "" : "QPlainTextEdit { border: 1px solid #d93f3f; }");
        if (ok)
            m_apply(pointer, std::move(v));
    });
    return edit;
}

} // namespace studio
} // namespace flowdeck
