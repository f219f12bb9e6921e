#include "widgets/panels/inspectorwidget.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/document/commands.h"
#include "widgets/panels/conditionbuilder.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/toolpicker.h"
#include "widgets/run/serverdirectory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace flowdeck {
namespace studio {

InspectorWidget::InspectorWidget(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);
    connect(doc, &GraphDocument::nodeChanged, this, [this](const QString &id) {
        if (id == m_nodeId && !m_applying)
            rebuild();
    });
    connect(doc, &GraphDocument::nodeRemoved, this, [this](const QString &id) {
        if (id == m_nodeId)
            showNode({});
    });
    connect(doc, &GraphDocument::documentReset, this, [this] { showNode({}); });
    rebuild();
}

void InspectorWidget::setServers(ServerDirectory *servers)
{
    m_servers = servers;
    connect(servers, &ServerDirectory::changed, this, [this](const QString &alias) {  // its tools arrived
        const auto *node = m_doc->node(m_nodeId.toStdString());
        if (node && node->type == "mcp.tool" && engine::valueOr(node->config, "server", "") == alias.toStdString())
            rebuild();
    });
}

void InspectorWidget::rebuildSoon()
{
    // After the event that asked for it, so the widget that sent it is not pulled away under it.
    QTimer::singleShot(0, this, [this] { rebuild(); });
}

void InspectorWidget::showNode(const QString &id)
{
    m_nodeId = id;
    rebuild();
}

QWidget *InspectorWidget::editorFor(const QString &field) const { return m_formHost->findChild<QWidget *>("field:" + field); }

void InspectorWidget::rebuild()
{
    // A fresh form each time; the old one goes once the event that asked for this is over.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    // The form sits at the top; the space below it stays empty rather than spreading its rows.
    m_formHost = new QWidget;
    auto *column = new QVBoxLayout(m_formHost);
    column->setContentsMargins(0, 0, 0, 0);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addLayout(m_form);
    column->addStretch(1);
    m_scroll->setWidget(m_formHost);
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (!node) {
        m_heading->setText(tr("<i>Select a node to see its settings.</i>"));
        return;
    }
    const auto *descriptor = engine::NodeRegistry::builtin().find(node->type);
    const bool chinese = QLocale().language() == QLocale::Chinese;
    QString title = descriptor ? QString::fromStdString(chinese && !descriptor->titleZh.empty() ? descriptor->titleZh
                                                                                               : descriptor->title)
                               : QString::fromStdString(node->type);
    m_heading->setText(QStringLiteral("<b>%1</b> &nbsp;<code>%2</code>").arg(title.toHtmlEscaped(), m_nodeId.toHtmlEscaped()));
    if (!descriptor)
        return;
    const auto properties = engine::valueOr(descriptor->configSchema, "properties", nlohmann::json::object());
    const auto &prompts = descriptor->promptFields;
    for (const auto &[field, property] : properties.items()) {
        if (node->type == "mcp.tool" && field == "arguments")
            continue;  // the tool picker has the arguments' form
        if (QWidget *special = specialEditor(node->type, field, node->config)) {
            special->setObjectName(QString::fromStdString("field:" + field));
            if (property.contains("title"))
                m_form->addRow(new QLabel(QString::fromStdString(property["title"].get<std::string>())));
            m_form->addRow(special);
            continue;
        }
        const nlohmann::json value = node->config.contains(field) ? node->config[field] : nlohmann::json();
        const bool multiline = engine::valueOr(property, "format", "") == "template" ||
                               std::find(prompts.begin(), prompts.end(), field) != prompts.end();
        QWidget *editor = makeEditor(field, property, value, multiline);
        editor->setObjectName(QString::fromStdString("field:" + field));
        const std::string label = engine::valueOr(property, "title", field);
        editor->setToolTip(QString::fromStdString(engine::valueOr(property, "description", "")));
        m_form->addRow(QString::fromStdString(label), editor);
    }
}

QWidget *InspectorWidget::makeEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value,
                                     bool multiline)
{
    const nlohmann::json type = engine::valueOr(property, "type", nlohmann::json("string"));
    if (property.contains("enum") && property["enum"].is_array()) {
        auto *box = new QComboBox;
        box->addItem(QString());
        for (const auto &option : property["enum"])
            box->addItem(QString::fromStdString(option.is_string() ? option.get<std::string>() : option.dump()),
                         QString::fromStdString(option.dump()));
        const int at = value.is_null() ? 0 : box->findData(QString::fromStdString(value.dump()));
        box->setCurrentIndex(std::max(0, at));
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, field](int) {
            const QString data = box->currentData().toString();
            apply(field, data.isEmpty() ? nlohmann::json() : nlohmann::json::parse(data.toStdString()));
        });
        return box;
    }
    const std::string format = engine::valueOr(property, "format", "");
    if (type == "string" && (format == "model-alias" || format == "plugin-alias")) {
        // Pickers for the workflow's declared models and plugins; other names can still be typed.
        auto *box = new QComboBox;
        box->setEditable(true);
        const auto &declared = format == "model-alias" ? m_doc->workflow().models : m_doc->workflow().plugins;
        for (const auto &[alias, entry] : declared.items()) {
            QString label = QString::fromStdString(alias);
            if (entry.is_object() && entry.contains("model"))
                label += QString::fromStdString(" — " + engine::valueOr(entry, "profile", "") + " / " + engine::valueOr(entry, "model", ""));
            else if (entry.is_object() && entry.contains("catalog"))
                label += QString::fromStdString(" — " + engine::valueOr(entry, "catalog", ""));
            box->addItem(label, QString::fromStdString(alias));
        }
        const QString current = QString::fromStdString(value.is_string() ? value.get<std::string>() : engine::valueOr(property, "default", ""));
        const int at = box->findData(current);
        if (at >= 0)
            box->setCurrentIndex(at);
        else
            box->setEditText(current);
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, field](int index) {
            if (index >= 0)
                apply(field, box->itemData(index).toString().toStdString());
        });
        connect(box->lineEdit(), &QLineEdit::textEdited, this, [this, field](const QString &text) { apply(field, text.toStdString()); });
        return box;
    }
    if (type == "boolean") {
        auto *check = new QCheckBox;
        check->setChecked(value.is_boolean() && value.get<bool>());
        connect(check, &QCheckBox::toggled, this, [this, field](bool on) { apply(field, on); });
        return check;
    }
    if (type == "integer" || type == "number") {
        auto *spin = new QDoubleSpinBox;
        spin->setDecimals(type == "integer" ? 0 : 2);
        const double minimum = engine::valueOr(property, "minimum", -1e9);
        // Without a value or a default, the box shows "default" (one below the minimum) and writes nothing.
        const bool unset = !value.is_number() && !property.contains("default");
        spin->setRange(minimum - 1, engine::valueOr(property, "maximum", 1e9));
        spin->setSpecialValueText(tr("(default)"));
        spin->setValue(value.is_number() ? value.get<double>() : unset ? minimum - 1 : engine::valueOr(property, "default", 0.0));
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, spin, field, type](double v) {
            if (v == spin->minimum())
                return apply(field, nullptr);
            apply(field, type == "integer" ? nlohmann::json(static_cast<long long>(std::llround(v))) : nlohmann::json(v));
        });
        return spin;
    }
    if (type == "string" && !multiline) {
        auto *line = new QLineEdit(QString::fromStdString(value.is_string() ? value.get<std::string>() : ""));
        connect(line, &QLineEdit::textEdited, this, [this, field](const QString &text) { apply(field, text.toStdString()); });
        return line;
    }
    // Prompts, templates and structured values: a multi-line editor (JSON for non-text).
    const bool text = type == "string";
    QPlainTextEdit *edit = text ? new PromptEdit([this] { return referenceCandidates(); }) : new QPlainTextEdit;
    edit->setPlainText(QString::fromStdString(
        text ? (value.is_string() ? value.get<std::string>() : "") : (value.is_null() ? "" : value.dump(2))));
    edit->setMinimumHeight(multiline ? 120 : 80);
    edit->setTabChangesFocus(true);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, field, text] {
        const std::string content = edit->toPlainText().toStdString();
        if (text)
            return apply(field, content);
        auto parsed = engine::parseJson(content);
        edit->setStyleSheet(parsed.is_discarded() && !content.empty() ? "QPlainTextEdit { border: 1px solid #d93f3f; }" : "");
        if (!parsed.is_discarded())
            apply(field, parsed);
        else if (content.empty())
            apply(field, nullptr);
    });
    return edit;
}

QWidget *InspectorWidget::specialEditor(const std::string &type, const std::string &field, const nlohmann::json &config)
{
    auto candidates = [this] { return referenceCandidates(); };
    if (type == "mcp.tool" && field == "tool")
        return new ToolPicker(
            m_servers, config, candidates, [this](const std::string &pointer, nlohmann::json value) { applyAt(pointer, std::move(value), true); },
            [this](const QString &tool, const nlohmann::json &schema) { chooseTool(tool, schema); });
    if (type == "condition" && field == "cases")
        return new ConditionBuilder(
            engine::valueOr(config, "cases", nlohmann::json::array()), candidates,
            [this](const std::string &pointer, nlohmann::json value, bool merge) {
                applyAt(pointer, std::move(value), merge);
                if (!merge)
                    rebuildSoon();
            },
            [this](const std::string &caseId) { removeCase(caseId); });
    return nullptr;
}

void InspectorWidget::chooseTool(const QString &tool, const nlohmann::json &schema)
{
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (!node || engine::valueOr(node->config, "tool", "") == tool.toStdString())
        return;
    // Arguments the new tool also takes are kept; the others would only be refused.
    nlohmann::json kept = nlohmann::json::object();
    const nlohmann::json properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    const nlohmann::json arguments = engine::valueOr(node->config, "arguments", nlohmann::json::object());
    for (const auto &[name, value] : arguments.items())
        if (properties.contains(name))
            kept[name] = value;
    const std::string id = m_nodeId.toStdString();
    m_applying = true;
    m_doc->undoStack()->beginMacro(tr("Choose tool %1").arg(tool));
    m_doc->undoStack()->push(new SetConfigFieldCommand(m_doc, id, "/tool", tool.toStdString(), false));
    m_doc->undoStack()->push(new SetConfigFieldCommand(m_doc, id, "/arguments", kept, false));
    m_doc->undoStack()->endMacro();
    m_applying = false;
    rebuildSoon();
}

void InspectorWidget::removeCase(const std::string &caseId)
{
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (!node)
        return;
    nlohmann::json cases = engine::valueOr(node->config, "cases", nlohmann::json::array());
    cases.erase(std::remove_if(cases.begin(), cases.end(), [&](const auto &c) { return engine::valueOr(c, "id", "") == caseId; }), cases.end());
    std::vector<engine::EdgeSpec> edges;
    for (const auto &e : m_doc->workflow().edges)
        if (e.from == node->id && e.fromPort == caseId)
            edges.push_back(e);
    const std::string id = node->id;
    m_applying = true;
    m_doc->undoStack()->beginMacro(tr("Remove case %1").arg(QString::fromStdString(caseId)));
    for (const auto &e : edges)
        m_doc->undoStack()->push(new DisconnectCommand(m_doc, e));
    m_doc->undoStack()->push(new SetConfigFieldCommand(m_doc, id, "/cases", cases, false));
    m_doc->undoStack()->endMacro();
    m_applying = false;
    rebuildSoon();
}

QStringList InspectorWidget::referenceCandidates() const
{
    const auto &wf = m_doc->workflow();
    const std::string self = m_nodeId.toStdString();
    const std::set<std::string> upstream = wf.upstreamOf(self);  // every node before this one offers its outputs
    QStringList out;
    for (const auto &n : wf.nodes) {
        if (!upstream.count(n.id))
            continue;
        if (const auto *d = engine::NodeRegistry::builtin().find(n.type))
            for (const auto &o : d->outputsOf(n, wf))
                out << QString::fromStdString(n.id + "." + o.name);
    }
    if (wf.isChat())
        out << "sys.query" << "sys.history" << "sys.conversation_id";
    out << "sys.user";
    return out;
}

void InspectorWidget::apply(const std::string &field, nlohmann::json value)
{
    applyAt("/" + pointerToken(field), std::move(value), true);
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (node && node->type == "mcp.tool" && field == "server")
        rebuildSoon();  // the tool picker lists the other server's tools
}

void InspectorWidget::applyAt(const std::string &pointer, nlohmann::json value, bool merge)
{
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (!node)
        return;
    const nlohmann::json::json_pointer ptr(pointer);
    const nlohmann::json current = node->config.contains(ptr) ? node->config[ptr] : nlohmann::json();
    if (current == value)
        return;
    m_applying = true;
    m_doc->undoStack()->push(new SetConfigFieldCommand(m_doc, m_nodeId.toStdString(), pointer, std::move(value), merge));
    m_applying = false;
}

} // namespace studio
} // namespace flowdeck
