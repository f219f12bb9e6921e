#include "studio/panels/inspectorwidget.h"

#include "engine/nodes/noderegistry.h"
#include "studio/document/commands.h"
#include "studio/panels/promptedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
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
    m_formHost = new QWidget;
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
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
    const auto properties = descriptor->configSchema.value("properties", nlohmann::json::object());
    const auto &prompts = descriptor->promptFields;
    for (const auto &[field, property] : properties.items()) {
        const nlohmann::json value = node->config.contains(field) ? node->config[field] : nlohmann::json();
        const bool multiline = property.value("format", "") == "template" ||
                               std::find(prompts.begin(), prompts.end(), field) != prompts.end();
        QWidget *editor = makeEditor(field, property, value, multiline);
        editor->setObjectName(QString::fromStdString("field:" + field));
        const std::string label = property.value("title", field);
        editor->setToolTip(QString::fromStdString(property.value("description", "")));
        m_form->addRow(QString::fromStdString(label), editor);
    }
}

QWidget *InspectorWidget::makeEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value,
                                     bool multiline)
{
    const nlohmann::json type = property.value("type", nlohmann::json("string"));
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
    const std::string format = property.value("format", "");
    if (type == "string" && (format == "model-alias" || format == "plugin-alias")) {
        // Pickers for the workflow's declared models and plugins; other names can still be typed.
        auto *box = new QComboBox;
        box->setEditable(true);
        const auto &declared = format == "model-alias" ? m_doc->workflow().models : m_doc->workflow().plugins;
        for (const auto &[alias, entry] : declared.items()) {
            QString label = QString::fromStdString(alias);
            if (entry.is_object() && entry.contains("model"))
                label += QString::fromStdString(" — " + entry.value("profile", "") + " / " + entry.value("model", ""));
            else if (entry.is_object() && entry.contains("catalog"))
                label += QString::fromStdString(" — " + entry.value("catalog", ""));
            box->addItem(label, QString::fromStdString(alias));
        }
        const QString current = QString::fromStdString(value.is_string() ? value.get<std::string>() : property.value("default", ""));
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
        spin->setRange(property.value("minimum", -1e9), property.value("maximum", 1e9));
        spin->setValue(value.is_number() ? value.get<double>() : property.value("default", 0.0));
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, field, type](double v) {
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
        auto parsed = nlohmann::json::parse(content, nullptr, false);
        edit->setStyleSheet(parsed.is_discarded() && !content.empty() ? "QPlainTextEdit { border: 1px solid #d93f3f; }" : "");
        if (!parsed.is_discarded())
            apply(field, parsed);
        else if (content.empty())
            apply(field, nullptr);
    });
    return edit;
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
    const auto *node = m_doc->node(m_nodeId.toStdString());
    if (!node)
        return;
    const nlohmann::json current = node->config.contains(field) ? node->config[field] : nlohmann::json();
    if (current == value)
        return;
    m_applying = true;
    m_doc->undoStack()->push(new SetConfigFieldCommand(m_doc, m_nodeId.toStdString(), "/" + field, std::move(value)));
    m_applying = false;
}

} // namespace studio
} // namespace flowdeck
