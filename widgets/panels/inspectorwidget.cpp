#include "widgets/panels/inspectorwidget.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/knowledge/knowledgepack.h"
#include "engine/model/providerprofile.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/modelbinding.h"
#include "widgets/document/commands.h"
#include "widgets/document/localized.h"
#include "widgets/panels/fieldtitles.h"
#include "widgets/knowledge/basespicker.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/scopereferences.h"
#include "widgets/panels/conditionbuilder.h"
#include "widgets/panels/objectfieldseditor.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/startinputseditor.h"
#include "widgets/panels/toolpicker.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/settings/modelchoice.h"
#include "widgets/settings/modelspanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace flowdeck {
namespace studio {

namespace {

// "default — Huawei Cloud MaaS · DeepSeek-V3", or "default — no provider chosen yet".
QString modelAliasLabel(const std::string &alias, const nlohmann::json &entry)
{
    const std::string profile = engine::boundProfile(entry);
    if (profile.empty())
        return InspectorWidget::tr("%1 — no provider chosen yet").arg(QString::fromStdString(alias));
    const engine::ProfileStore presets;
    const engine::ProviderProfile *p = presets.find(profile);
    const QString provider = p ? QString::fromStdString(p->titleIn(modelsLanguage().toStdString())) : QString::fromStdString(profile);
    std::string model = engine::valueOr(entry, "model", std::string());
    if (model.empty() && p)
        model = p->modelFor(engine::modelKind(entry));
    return model.empty() ? QStringLiteral("%1 — %2").arg(QString::fromStdString(alias), provider)
                         : QStringLiteral("%1 — %2 · %3").arg(QString::fromStdString(alias), provider, QString::fromStdString(model));
}

// The config fields in the order a person reads them, in sections: the descriptor's
// "x-form" ([{"section": "model", "fields": [...]}, ...]) when it has one; fields it does
// not list follow in a last section. Without one, every field in schema order.
std::vector<std::pair<std::string, std::vector<std::string>>> formSections(const nlohmann::json &schema)
{
    const auto properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    std::set<std::string> placed;
    for (const auto &section : engine::valueOr(schema, "x-form", nlohmann::json::array())) {
        std::vector<std::string> fields;
        for (const auto &f : engine::valueOr(section, "fields", nlohmann::json::array()))
            if (f.is_string() && properties.contains(f.get<std::string>()) && placed.insert(f.get<std::string>()).second)
                fields.push_back(f.get<std::string>());
        if (!fields.empty())
            out.emplace_back(engine::valueOr(section, "section", ""), std::move(fields));
    }
    std::vector<std::string> rest;
    for (const auto &[field, property] : properties.items())
        if (!placed.count(field))
            rest.push_back(field);
    if (!rest.empty())
        out.emplace_back(out.empty() ? std::string() : std::string("more"), std::move(rest));
    return out;
}

QLabel *sectionHeading(const std::string &section)
{
    static const std::map<std::string, const char *> titles = {
        {"model", QT_TRANSLATE_NOOP("InspectorWidget", "Model")},       {"prompt", QT_TRANSLATE_NOOP("InspectorWidget", "Prompt")},
        {"tools", QT_TRANSLATE_NOOP("InspectorWidget", "Tools")},       {"output", QT_TRANSLATE_NOOP("InspectorWidget", "Output")},
        {"advanced", QT_TRANSLATE_NOOP("InspectorWidget", "Advanced")}, {"more", QT_TRANSLATE_NOOP("InspectorWidget", "More")},
        {"search", QT_TRANSLATE_NOOP("InspectorWidget", "Search")},     {"results", QT_TRANSLATE_NOOP("InspectorWidget", "Results")},
        {"filters", QT_TRANSLATE_NOOP("InspectorWidget", "Filters")},   {"input", QT_TRANSLATE_NOOP("InspectorWidget", "Input")},
        {"classes", QT_TRANSLATE_NOOP("InspectorWidget", "Classes")},   {"parameters", QT_TRANSLATE_NOOP("InspectorWidget", "Parameters")},
        {"operations", QT_TRANSLATE_NOOP("InspectorWidget", "Operations")}};
    const auto it = titles.find(section);
    auto *label = new QLabel(it != titles.end() ? QCoreApplication::translate("InspectorWidget", it->second)
                                                : QString::fromStdString(section));
    label->setObjectName(QString::fromStdString("section:" + section));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

} // namespace

InspectorWidget::InspectorWidget(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the form fits the dock's width
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);
    connect(doc, &GraphDocument::nodeChanged, this, [this](const QString &id) {
        // A start node also "changes" with every edit of the inputs, which its own editor follows.
        const auto *node = m_doc->node(id.toStdString());
        if (id == m_nodeId && !m_applying &&
            (!node || node->title != m_shown.title || node->config != m_shown.config || node->i18n != m_shown.i18n ||
             node->disabled != m_shown.disabled || node->type != m_shown.type))
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

void InspectorWidget::setProjectFile(const QString &flowFile)
{
    const std::filesystem::path folder = flowFile.isEmpty() ? std::filesystem::path() : engine::knowledgeFolderFor(flowFile.toStdString());
    if (folder == m_knowledgeFolder)
        return;
    m_knowledgeFolder = folder;
    rebuild();
}

QWidget *InspectorWidget::editorFor(const QString &field) const { return m_formHost->findChild<QWidget *>("field:" + field); }

void InspectorWidget::rebuild()
{
    buildForm();
    // A choice with long entries (a model's provider and id) narrows to the dock instead
    // of widening the form past it.
    for (auto *box : m_formHost->findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
}

void InspectorWidget::buildForm()
{
    // A fresh form each time; the old one goes once the event that asked for this is over.
    if (QWidget *old = m_scroll->takeWidget()) {
        m_applying = true;  // a field losing its focus as it goes commits nothing
        old->deleteLater();
        old->hide();
        m_applying = false;
    }
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
    m_shown = *node;
    const auto *descriptor = engine::NodeRegistry::builtin().find(node->type);
    QString title = typeTitle(descriptor, node->type);
    m_heading->setText(QStringLiteral("<b>%1</b> &nbsp;<code>%2</code>").arg(title.toHtmlEscaped(), m_nodeId.toHtmlEscaped()));
    addIdentityRows(*node, title);
    if (!descriptor)
        return;
    if (node->type == "start") {  // its "config" is the workflow's inputs
        m_form->addRow(new StartInputsEditor(m_doc));
        return;
    }
    const auto properties = engine::valueOr(descriptor->configSchema, "properties", nlohmann::json::object());
    const auto &prompts = descriptor->promptFields;
    for (const auto &[section, fields] : formSections(descriptor->configSchema)) {
        if (!section.empty())
            m_form->addRow(sectionHeading(section));
        for (const std::string &field : fields) {
            const nlohmann::json &property = properties[field];
            if (node->type == "mcp.tool" && field == "arguments")
                continue;  // the tool picker has the arguments' form
            if (NodeEditors::builtin().covered(node->type, field))
                continue;  // edited inside another field's editor
            if (QWidget *special = specialEditor(node->type, field, node->config)) {
                special->setObjectName(QString::fromStdString("field:" + field));
                if (property.contains("title") && !special->property("ownTitle").toBool())
                    m_form->addRow(new QLabel(fieldTitle(engine::valueOr(property, "title", field))));
                m_form->addRow(special);
                continue;
            }
            const nlohmann::json value = node->config.contains(field) ? node->config[field] : nlohmann::json();
            const bool multiline = engine::valueOr(property, "format", "") == "template" ||
                                   std::find(prompts.begin(), prompts.end(), field) != prompts.end();
            QWidget *editor = makeEditor(field, property, value, multiline);
            editor->setObjectName(QString::fromStdString("field:" + field));
            editor->setToolTip(QString::fromStdString(engine::valueOr(property, "description", "")));
            if (qobject_cast<BasesPicker *>(editor) || qobject_cast<ObjectFieldsEditor *>(editor)) {  // full width, title above
                m_form->addRow(new QLabel(fieldTitle(engine::valueOr(property, "title", field))));
                m_form->addRow(editor);
                continue;
            }
            m_form->addRow(fieldTitle(engine::valueOr(property, "title", field)), editor);
        }
    }
}

void InspectorWidget::addIdentityRows(const engine::NodeSpec &node, const QString &typeTitle)
{
    // The title in the studio's language: in Chinese it is the node's i18n.zh.title, over
    // the English title (the placeholder).
    const std::string language = studioLanguage().toStdString();
    auto ownTitle = [language](const engine::NodeSpec &n) {
        if (language.empty() || language == "en")
            return n.title;
        return engine::valueOr(engine::valueOr(n.i18n, language, nlohmann::json::object()), "title", std::string());
    };
    auto *title = new QLineEdit(QString::fromStdString(ownTitle(node)));
    title->setObjectName("node:title");
    title->setPlaceholderText(node.title.empty() || language == "en" ? typeTitle : QString::fromStdString(node.title));
    title->setToolTip(tr("The name shown on the canvas and in run results (F2 on the canvas)."));
    connect(title, &QLineEdit::editingFinished, this, [this, title, language, ownTitle] {
        const auto *n = m_doc->node(m_nodeId.toStdString());
        const std::string text = title->text().trimmed().toStdString();
        if (m_applying || !n || text == ownTitle(*n))
            return;
        m_applying = true;
        m_doc->undoStack()->push(new RenameNodeCommand(m_doc, n->id, text, language));
        m_shown = *m_doc->node(m_nodeId.toStdString());
        m_applying = false;
    });
    m_form->addRow(tr("Title"), title);

    auto *idRow = new QWidget;
    auto *idLayout = new QHBoxLayout(idRow);
    idLayout->setContentsMargins(0, 0, 0, 0);
    auto *id = new QLineEdit(QString::fromStdString(node.id));
    id->setObjectName("node:id");
    id->setReadOnly(true);
    id->setToolTip(tr("Other nodes use this node's outputs as {{%1.output}}; the id never changes.").arg(QString::fromStdString(node.id)));
    auto *copy = new QToolButton;
    copy->setObjectName("node:copyId");
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the node's id"));
    connect(copy, &QToolButton::clicked, this, [nodeId = QString::fromStdString(node.id)] { QApplication::clipboard()->setText(nodeId); });
    idLayout->addWidget(id, 1);
    idLayout->addWidget(copy);
    m_form->addRow(tr("ID"), idRow);

    if (node.type == "start")
        return;  // the inputs' node always runs
    auto *enabled = new QCheckBox(tr("Run this node"));
    enabled->setObjectName("node:enabled");
    enabled->setToolTip(tr("When off, the node is skipped over: the nodes after it still run and its outputs are empty."));
    enabled->setChecked(!node.disabled);
    connect(enabled, &QCheckBox::toggled, this, [this](bool on) {
        m_applying = true;
        m_doc->undoStack()->push(new SetNodesDisabledCommand(m_doc, {m_nodeId.toStdString()}, !on));
        m_shown = *m_doc->node(m_nodeId.toStdString());
        m_applying = false;
    });
    m_form->addRow(QString(), enabled);
}

QWidget *InspectorWidget::outputFormatEditor(const std::string &field, const nlohmann::json &value)
{
    // Text, JSON, or JSON following a schema (written below the choice).
    auto *host = new QWidget;
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *choice = new QComboBox;
    choice->setObjectName("outputFormat");
    choice->addItem(tr("Text"), "text");
    choice->addItem(tr("JSON"), "json");
    choice->addItem(tr("JSON following a schema"), "schema");
    auto *schema = new QPlainTextEdit;
    schema->setObjectName("outputSchema");
    schema->setPlaceholderText(tr("{\"type\": \"object\", \"properties\": {...}}"));
    schema->setMinimumHeight(90);
    schema->setTabChangesFocus(true);
    choice->setCurrentIndex(value.is_object() ? 2 : value == "json" ? 1 : 0);
    schema->setPlainText(value.is_object() ? QString::fromStdString(value.dump(2)) : QString());
    schema->setVisible(value.is_object());
    layout->addWidget(choice);
    layout->addWidget(schema);
    connect(choice, &QComboBox::activated, this, [this, choice, schema, field] {
        const QString kind = choice->currentData().toString();
        schema->setVisible(kind == "schema");
        if (kind != "schema")
            return apply(field, kind.toStdString());
        auto parsed = engine::parseJson(schema->toPlainText().toStdString());
        apply(field, parsed.is_object() ? parsed : nlohmann::json{{"type", "object"}, {"properties", nlohmann::json::object()}});
        if (!parsed.is_object())
            schema->setPlainText(QString::fromStdString(nlohmann::json{{"type", "object"}, {"properties", nlohmann::json::object()}}.dump(2)));
    });
    connect(schema, &QPlainTextEdit::textChanged, this, [this, schema, field] {
        auto parsed = engine::parseJson(schema->toPlainText().toStdString());
        schema->setStyleSheet(parsed.is_object() ? "" : "QPlainTextEdit { border: 1px solid #d93f3f; }");
        if (parsed.is_object())
            apply(field, parsed);
    });
    return host;
}

QWidget *InspectorWidget::makeEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value,
                                     bool multiline)
{
    if (field == "responseFormat")
        return outputFormatEditor(field, value.is_null() ? engine::valueOr(property, "default", nlohmann::json("text")) : value);
    if (QWidget *structured = structuredEditor(field, property, value))
        return structured;
    const nlohmann::json type = engine::valueOr(property, "type", nlohmann::json("string"));
    if (property.contains("enum") && property["enum"].is_array()) {
        auto *box = new QComboBox;
        box->addItem(QString());
        for (const auto &option : property["enum"])
            box->addItem(QString::fromStdString(option.is_string() ? option.get<std::string>() : option.dump()),
                         QString::fromStdString(option.dump()));
        // Unset, it shows what the node does without a value: the descriptor's default.
        const nlohmann::json shown = value.is_null() && property.contains("default") ? property["default"] : value;
        const int at = shown.is_null() ? 0 : box->findData(QString::fromStdString(shown.dump()));
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
            if (format == "model-alias")
                label = modelAliasLabel(alias, entry);
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
        if (format != "model-alias")
            return box;
        // The provider and model behind each name are the workflow's: Workflow → Models….
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(box, 1);
        auto *change = new QPushButton(tr("Provider…"));
        change->setObjectName(QStringLiteral("modelProvider"));
        change->setToolTip(tr("Choose the provider and model of the workflow's models (Workflow → Models…)"));
        connect(change, &QPushButton::clicked, this, [this] {
            if (auto *choice = window()->findChild<ModelChoice *>())
                choice->showModelsDialog(m_doc);
        });
        rowLayout->addWidget(change);
        return row;
    }
    if (type == "boolean") {
        auto *check = new QCheckBox;
        check->setChecked(value.is_boolean() ? value.get<bool>() : engine::valueOr(property, "default", false));
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
        line->setPlaceholderText(QString::fromStdString(engine::valueOr(property, "default", "")));
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

QWidget *InspectorWidget::structuredEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value)
{
    // "x-format" since valijson's format check aborts on arrays; "format" as the design names it.
    if (engine::valueOr(property, "x-format", "") == "knowledge-bases" || engine::valueOr(property, "format", "") == "knowledge-bases")
        return new BasesPicker(
            m_knowledgeFolder, value, [this, field](nlohmann::json names) { applyAt("/" + pointerToken(field), std::move(names), false); },
            [this](const QString &base) { emit manageKnowledge(base); });
    // An object of simple properties (the knowledge node's filters and rerank): a small form.
    const nlohmann::json properties = engine::valueOr(property, "properties", nlohmann::json::object());
    if (engine::valueOr(property, "type", "") != "object" || properties.empty())
        return nullptr;
    for (const auto &[name, p] : properties.items()) {
        const std::string type = engine::valueOr(p, "type", "");
        const bool strings = type == "array" && engine::valueOr(engine::valueOr(p, "items", nlohmann::json::object()), "type", "") == "string";
        if (type != "boolean" && type != "string" && !strings)
            return nullptr;
    }
    return new ObjectFieldsEditor(field, property, value,
                                  [this](const std::string &pointer, nlohmann::json v) { applyAt(pointer, std::move(v), false); });
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
    NodeEditorContext context;
    context.doc = m_doc;
    context.nodeId = m_nodeId.toStdString();
    context.config = config;
    context.candidates = candidates;
    context.edit = [this](const std::string &pointer, nlohmann::json value, bool merge) { applyAt(pointer, std::move(value), merge); };
    context.macro = [this](const QString &text, const std::function<void()> &push) {
        m_applying = true;
        m_doc->undoStack()->beginMacro(text);
        push();
        m_doc->undoStack()->endMacro();
        m_applying = false;
        rebuildSoon();
    };
    context.rebuild = [this] { rebuildSoon(); };
    return NodeEditors::builtin().create(type, field, context);
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
    const std::vector<std::string> around = wf.containersOf(self);  // seen from inside: item, index, loop variables
    QStringList out;
    for (const auto &n : wf.nodes) {
        if (!upstream.count(n.id))
            continue;
        const auto *d = engine::NodeRegistry::builtin().find(n.type);
        const bool inside = d && d->innerOutputsFor && std::find(around.begin(), around.end(), n.id) != around.end();
        if (d)
            for (const auto &o : inside ? d->innerOutputsFor(n, wf) : d->outputsOf(n, wf))
                out << QString::fromStdString(n.id + "." + o.name);
    }
    if (wf.isChat())
        out << "sys.query" << "sys.history" << "sys.conversation_id";
    out << "sys.user" << envReferences(wf);
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
    // The form shows this state now: an undo back to the old one must rebuild it.
    if (const auto *changed = m_doc->node(m_nodeId.toStdString()))
        m_shown = *changed;
}

} // namespace studio
} // namespace flowdeck
