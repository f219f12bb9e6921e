#include "widgets/panels/serverrequestdialog.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/core/diagnostic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

QString messagesText(const nlohmann::json &params)
{
    QStringList parts;
    if (params.contains("systemPrompt") && params["systemPrompt"].is_string())
        parts << ServerRequestDialog::tr("System: %1").arg(QString::fromStdString(params["systemPrompt"].get<std::string>()));
    for (const auto &m : engine::valueOr(params, "messages", nlohmann::json::array())) {
        const auto content = engine::valueOr(m, "content", nlohmann::json::object());
        const std::string text = content.is_object() ? engine::valueOr(content, "text", engine::safeDump(content)) : engine::safeDump(content);
        parts << QString::fromStdString(engine::valueOr(m, "role", "user") + ": " + text);
    }
    return parts.join("\n\n");
}

} // namespace

ServerRequestDialog::ServerRequestDialog(const QString &server, const QString &method, const nlohmann::json &params,
                                         Reply reply, QWidget *parent)
    : QDialog(parent), m_method(method), m_params(params), m_reply(std::move(reply))
{
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QDialogButtonBox;
    if (method == "sampling/createMessage") {
        setWindowTitle(tr("%1 asks for a model answer").arg(server));
        auto *intro = new QLabel(tr("The plugin <b>%1</b> wants a model to answer the messages below. Write the answer "
                                    "it should get, or decline.").arg(server.toHtmlEscaped()));
        intro->setWordWrap(true);
        layout->addWidget(intro);
        auto *messages = new QPlainTextEdit(messagesText(params));
        messages->setReadOnly(true);
        layout->addWidget(messages, 1);
        m_answer = new QPlainTextEdit;
        m_answer->setPlaceholderText(tr("The answer to send back"));
        layout->addWidget(m_answer, 1);
        buttons->addButton(tr("Send answer"), QDialogButtonBox::AcceptRole);
    } else {
        setWindowTitle(tr("%1 asks you").arg(server));
        auto *intro = new QLabel(QString::fromStdString(engine::valueOr(params, "message", "")).toHtmlEscaped());
        intro->setWordWrap(true);
        layout->addWidget(intro);
        auto *form = new QFormLayout;
        const auto schema = engine::valueOr(params, "requestedSchema", nlohmann::json::object());
        m_properties = engine::valueOr(schema, "properties", nlohmann::json::object());
        for (const auto &[name, property] : m_properties.items()) {
            const nlohmann::json type = engine::valueOr(property, "type", nlohmann::json("string"));
            const nlohmann::json def = engine::valueOr(property, "default", nlohmann::json());
            QWidget *editor = nullptr;
            if (property.contains("enum") && property["enum"].is_array()) {
                auto *box = new QComboBox;
                for (const auto &option : property["enum"])
                    box->addItem(QString::fromStdString(option.is_string() ? option.get<std::string>() : engine::safeDump(option)));
                if (def.is_string())
                    box->setCurrentText(QString::fromStdString(def.get<std::string>()));
                editor = box;
            } else if (type == "boolean") {
                auto *check = new QCheckBox;
                check->setChecked(def.is_boolean() && def.get<bool>());
                editor = check;
            } else if (type == "number" || type == "integer") {
                auto *spin = new QDoubleSpinBox;
                spin->setDecimals(type == "integer" ? 0 : 2);
                spin->setRange(engine::valueOr(property, "minimum", -1e9), engine::valueOr(property, "maximum", 1e9));
                spin->setValue(def.is_number() ? def.get<double>() : 0);
                editor = spin;
            } else if (type == "array" || type == "object") {  // lists: JSON, starting from the default
                auto *line = new QLineEdit(def.is_null() ? QString() : QString::fromStdString(engine::safeDump(def)));
                line->setPlaceholderText(type == "array" ? "[...]" : "{...}");
                editor = line;
            } else {
                auto *line = new QLineEdit(def.is_string() ? QString::fromStdString(def.get<std::string>()) : QString());
                line->setPlaceholderText(QString::fromStdString(engine::valueOr(property, "description", "")));
                editor = line;
            }
            editor->setObjectName("field:" + QString::fromStdString(name));
            editor->setToolTip(QString::fromStdString(engine::valueOr(property, "description", "")));
            form->addRow(QString::fromStdString(engine::valueOr(property, "title", name)), editor);
            m_fields << qMakePair(QString::fromStdString(name), editor);
        }
        layout->addLayout(form);
        buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    }
    buttons->addButton(tr("Decline"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerRequestDialog::acceptRequest);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerRequestDialog::declineRequest);
    resize(560, 420);
}

ServerRequestDialog::~ServerRequestDialog()
{
    if (m_reply)  // closed without an answer
        m_reply(m_method == "elicitation/create" ? nlohmann::json{{"action", "cancel"}} : nlohmann::json(),
                m_method == "elicitation/create" ? QString() : tr("the user closed the request"));
}

nlohmann::json ServerRequestDialog::formContent() const
{
    nlohmann::json content = nlohmann::json::object();
    for (const auto &[name, editor] : m_fields) {
        const std::string key = name.toStdString();
        if (auto *box = qobject_cast<QComboBox *>(editor))
            content[key] = box->currentText().toStdString();
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            content[key] = check->isChecked();
        else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
            content[key] = engine::valueOr(m_properties[key], "type", "") == "integer" ? nlohmann::json(std::llround(spin->value()))
                                                                           : nlohmann::json(spin->value());
        else if (auto *line = qobject_cast<QLineEdit *>(editor); line && !line->text().isEmpty()) {
            const auto type = engine::valueOr(m_properties[key], "type", nlohmann::json("string"));
            const auto parsed = engine::parseJson(line->text().toStdString());
            content[key] = (type == "array" || type == "object") && !parsed.is_discarded() ? parsed
                                                                                         : nlohmann::json(line->text().toStdString());
        }
    }
    return content;
}

void ServerRequestDialog::finish(nlohmann::json result, QString error)
{
    if (auto reply = std::move(m_reply)) {
        m_reply = nullptr;
        reply(std::move(result), std::move(error));
    }
    close();
}

void ServerRequestDialog::acceptRequest()
{
    if (m_method == "sampling/createMessage")
        return finish({{"role", "assistant"},
                       {"content", {{"type", "text"}, {"text", m_answer->toPlainText().toStdString()}}},
                       {"model", "flowdeck-user"},
                       {"stopReason", "endTurn"}},
                      {});
    finish({{"action", "accept"}, {"content", formContent()}}, {});
}

void ServerRequestDialog::declineRequest()
{
    if (m_method == "sampling/createMessage")
        return finish(nullptr, tr("the user declined the request"));
    finish({{"action", "decline"}}, {});
}

} // namespace studio
} // namespace flowdeck
