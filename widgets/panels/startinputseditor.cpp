#include "widgets/panels/startinputseditor.h"

#include "engine/core/jsonread.h"
#include "widgets/document/commands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

const char *const kTypes[] = {"text", "paragraph", "number", "boolean", "select", "file", "json"};

QString typeName(const std::string &type)
{
    if (type == "paragraph")
        return StartInputsEditor::tr("Paragraph");
    if (type == "number")
        return StartInputsEditor::tr("Number");
    if (type == "boolean")
        return StartInputsEditor::tr("Yes or no");
    if (type == "select")
        return StartInputsEditor::tr("Choice from a list");
    if (type == "file")
        return StartInputsEditor::tr("File");
    if (type == "json")
        return StartInputsEditor::tr("JSON");
    return StartInputsEditor::tr("Text");
}

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split('\n'))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

nlohmann::json toJson(const QStringList &items)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &s : items)
        out.push_back(s.toStdString());
    return out;
}

QString joined(const nlohmann::json &array, const QString &separator)
{
    QStringList out;
    if (array.is_array())
        for (const auto &v : array)
            out << QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
    return out.join(separator);
}

std::string zhText(const engine::InputSpec &in, const char *key)
{
    const auto zh = in.i18n.find("zh");
    if (zh == in.i18n.end() || !zh->is_object())
        return {};
    const auto it = zh->find(key);
    return it != zh->end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Sets (or with a null value removes) i18n.zh.<key>, dropping objects left empty.
void setZh(engine::InputSpec &in, const char *key, nlohmann::json value)
{
    if (!in.i18n.is_object())
        in.i18n = nlohmann::json::object();
    if (!value.is_null())
        in.i18n["zh"][key] = std::move(value);
    else if (in.i18n.contains("zh") && in.i18n["zh"].is_object())
        in.i18n["zh"].erase(key);
    if (in.i18n.contains("zh") && in.i18n["zh"].empty())
        in.i18n.erase("zh");
}

} // namespace

StartInputsEditor::StartInputsEditor(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("What a person fills in before a run. Use an input in a prompt as "
                                "<code>{{start.<i>name</i>}}</code>."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QListWidget;
    m_list->setObjectName("inputList");
    m_list->setMaximumHeight(140);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &text, const QString &tip, const char *name) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        buttons->addWidget(b);
        return b;
    };
    m_add = button(tr("Add Input"), tr("Add an input to the form"), "addInput");
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_remove = button(tr("Remove"), tr("Remove the chosen input"), "removeInput");
    m_up = button(QStringLiteral("↑"), tr("Move the chosen input up"), "moveUp");
    m_down = button(QStringLiteral("↓"), tr("Move the chosen input down"), "moveDown");
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_form = new QWidget;
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 6, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setValidator(new QRegularExpressionValidator(QRegularExpression("[A-Za-z_][A-Za-z0-9_]{0,63}"), m_name));
    m_name->setToolTip(tr("Letters, digits and _, starting with a letter; prompts refer to the input by this name."));
    m_label = new QLineEdit;
    m_label->setPlaceholderText(tr("Shown on the form, e.g. Your question"));
    m_labelZh = new QLineEdit;
    m_labelZh->setPlaceholderText(tr("Shown when the form is in Chinese"));
    m_type = new QComboBox;
    for (const char *type : kTypes)
        m_type->addItem(typeName(type), QString::fromLatin1(type));
    m_required = new QCheckBox(tr("A value must be given"));
    m_default = new QLineEdit;
    m_options = new QPlainTextEdit;
    m_options->setPlaceholderText(tr("One choice per line"));
    m_options->setMaximumHeight(90);
    m_options->setTabChangesFocus(true);
    m_optionsZh = new QPlainTextEdit;
    m_optionsZh->setPlaceholderText(tr("The same choices in Chinese, line by line (optional)"));
    m_optionsZh->setMaximumHeight(90);
    m_optionsZh->setTabChangesFocus(true);
    m_accept = new QLineEdit;
    m_accept->setPlaceholderText(tr("e.g. .csv, .xlsx, image/* (empty: any file)"));
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet("color: #d93f3f;");
    m_problem->hide();
    const std::pair<QWidget *, const char *> named[] = {{m_name, "name"}, {m_label, "label"}, {m_labelZh, "labelZh"},
                                                        {m_type, "type"}, {m_required, "required"}, {m_default, "default"},
                                                        {m_options, "options"}, {m_optionsZh, "optionsZh"}, {m_accept, "accept"}};
    for (const auto &[widget, name] : named)
        widget->setObjectName(QStringLiteral("input-field:") + name);
    form->addRow(tr("Name"), m_name);
    form->addRow(m_problem);
    form->addRow(tr("Label"), m_label);
    form->addRow(tr("Label (Chinese)"), m_labelZh);
    form->addRow(tr("Type"), m_type);
    form->addRow(QString(), m_required);
    form->addRow(tr("Default"), m_default);
    form->addRow(tr("Choices"), m_options);
    form->addRow(tr("Choices (Chinese)"), m_optionsZh);
    form->addRow(tr("File types"), m_accept);
    layout->addWidget(m_form);

    connect(m_add, &QToolButton::clicked, this, &StartInputsEditor::addInput);
    connect(m_remove, &QToolButton::clicked, this, &StartInputsEditor::removeInput);
    connect(m_up, &QToolButton::clicked, this, [this] { moveInput(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveInput(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_name, &QLineEdit::editingFinished, this, &StartInputsEditor::commitName);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString why = nameProblem(text, currentIndex());
        m_problem->setText(why);
        m_problem->setVisible(!why.isEmpty());
    });
    connect(m_label, &QLineEdit::textEdited, this, [this](const QString &text) {
        change("label", [&](engine::InputSpec &in) { in.label = text.toStdString(); });
    });
    connect(m_labelZh, &QLineEdit::textEdited, this, [this](const QString &text) {
        change("labelZh", [&](engine::InputSpec &in) {
            setZh(in, "label", text.trimmed().isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()));
        });
    });
    connect(m_type, &QComboBox::activated, this, [this] {
        const std::string type = m_type->currentData().toString().toStdString();
        change("type", [&](engine::InputSpec &in) {
            in.type = type;
            if (type != "select") {  // choices and file types belong to their own types
                in.options = nullptr;
                setZh(in, "options", nullptr);
            }
            if (type != "file")
                in.accept.clear();
        }, false);
    });
    connect(m_required, &QCheckBox::toggled, this, [this](bool on) {
        change("required", [&](engine::InputSpec &in) { in.required = on; }, false);
    });
    connect(m_default, &QLineEdit::editingFinished, this, &StartInputsEditor::commitDefault);
    connect(m_options, &QPlainTextEdit::textChanged, this, [this] {
        const QStringList items = lines(m_options);
        change("options", [&](engine::InputSpec &in) { in.options = items.isEmpty() ? nlohmann::json() : toJson(items); });
    });
    connect(m_optionsZh, &QPlainTextEdit::textChanged, this, [this] {
        const QStringList items = lines(m_optionsZh);
        change("optionsZh", [&](engine::InputSpec &in) { setZh(in, "options", items.isEmpty() ? nlohmann::json() : toJson(items)); });
    });
    connect(m_accept, &QLineEdit::textEdited, this, [this](const QString &text) {
        change("accept", [&](engine::InputSpec &in) {
            in.accept.clear();
            for (const QString &part : text.split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts))
                in.accept.push_back(part.toStdString());
        });
    });
    connect(doc, &GraphDocument::inputsChanged, this, [this] {
        if (!m_applying)
            reload();
    });
    reload();
    select(0);
}

int StartInputsEditor::currentIndex() const { return m_list->currentRow(); }

void StartInputsEditor::select(int index)
{
    if (index >= 0 && index < m_list->count())
        m_list->setCurrentRow(index);
    showCurrent();
}

QWidget *StartInputsEditor::field(const QString &name) const { return findChild<QWidget *>("input-field:" + name); }

void StartInputsEditor::reload()
{
    const int keep = std::max(0, m_list->currentRow());
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const auto &in : m_doc->workflow().inputs) {
        const QString label = QString::fromStdString(in.label.empty() ? in.name : in.label);
        auto *item = new QListWidgetItem(QStringLiteral("%1  ·  %2%3").arg(label, typeName(in.type), in.required ? QStringLiteral(" *") : QString()));
        item->setToolTip(QStringLiteral("{{start.%1}}").arg(QString::fromStdString(in.name)));
        m_list->addItem(item);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::min(keep, m_list->count() - 1));
    showCurrent();
}

void StartInputsEditor::showCurrent()
{
    const auto &inputs = m_doc->workflow().inputs;
    const int i = currentIndex();
    const bool any = i >= 0 && i < static_cast<int>(inputs.size());
    m_form->setVisible(any);
    m_remove->setEnabled(any);
    m_up->setEnabled(any && i > 0);
    m_down->setEnabled(any && i + 1 < static_cast<int>(inputs.size()));
    if (!any)
        return;
    const engine::InputSpec &in = inputs[static_cast<std::size_t>(i)];
    m_applying = true;
    // Only fields not being typed in are refreshed, so an undo elsewhere keeps the cursor.
    auto setLine = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    setLine(m_name, QString::fromStdString(in.name));
    setLine(m_label, QString::fromStdString(in.label == in.name ? std::string() : in.label));
    m_label->setPlaceholderText(QString::fromStdString(in.name));
    setLine(m_labelZh, QString::fromStdString(zhText(in, "label")));
    m_type->setCurrentIndex(std::max(0, m_type->findData(QString::fromStdString(in.type))));
    {
        const QSignalBlocker block(m_required);
        m_required->setChecked(in.required);
    }
    setLine(m_default, in.defaultValue.is_null()     ? QString()
                       : in.defaultValue.is_string() ? QString::fromStdString(in.defaultValue.get<std::string>())
                                                     : QString::fromStdString(in.defaultValue.dump()));
    m_default->setPlaceholderText(in.type == "boolean" ? tr("true or false") : in.type == "number" ? tr("a number") : tr("none"));
    const QString options = joined(in.options, "\n");
    if (lines(m_options).join('\n') != options)
        m_options->setPlainText(options);
    const auto zh = in.i18n.contains("zh") && in.i18n["zh"].is_object() ? in.i18n["zh"] : nlohmann::json::object();
    const QString optionsZh = joined(zh.value("options", nlohmann::json::array()), "\n");
    if (lines(m_optionsZh).join('\n') != optionsZh)
        m_optionsZh->setPlainText(optionsZh);
    QStringList accept;
    for (const auto &a : in.accept)
        accept << QString::fromStdString(a);
    if (m_accept->text().split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts) != accept)
        m_accept->setText(accept.join(", "));
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    form->setRowVisible(m_options, in.type == "select");
    form->setRowVisible(m_optionsZh, in.type == "select");
    form->setRowVisible(m_accept, in.type == "file");
    m_problem->hide();
    m_applying = false;
}

void StartInputsEditor::change(const QString &what, const std::function<void(engine::InputSpec &)> &edit, bool merge)
{
    const int i = currentIndex();
    auto inputs = m_doc->workflow().inputs;
    if (m_applying || i < 0 || i >= static_cast<int>(inputs.size()))
        return;
    const QString text = tr("Edit input %1").arg(QString::fromStdString(inputs[static_cast<std::size_t>(i)].name));
    edit(inputs[static_cast<std::size_t>(i)]);
    const QString key = merge ? QStringLiteral("%1:%2").arg(what).arg(i) : QString();
    m_applying = true;
    m_doc->undoStack()->push(new SetInputsCommand(m_doc, std::move(inputs), text, key));
    m_applying = false;
    reload();  // the list shows label and type; the form shows the rows this type has
}

QString StartInputsEditor::nameProblem(const QString &name, int index) const
{
    if (name.isEmpty())
        return tr("An input needs a name.");
    if (!QRegularExpression("^[A-Za-z_][A-Za-z0-9_]*$").match(name).hasMatch())
        return tr("A name may hold letters, digits and _ only, and starts with a letter.");
    if (name == "query")
        return tr("'query' is the chat message's own name; choose another name.");
    const auto &inputs = m_doc->workflow().inputs;
    for (int i = 0; i < static_cast<int>(inputs.size()); ++i)
        if (i != index && inputs[static_cast<std::size_t>(i)].name == name.toStdString())
            return tr("Another input is already named '%1'.").arg(name);
    return {};
}

void StartInputsEditor::commitName()
{
    const int i = currentIndex();
    const auto &inputs = m_doc->workflow().inputs;
    if (i < 0 || i >= static_cast<int>(inputs.size()))
        return;
    const QString name = m_name->text().trimmed();
    if (name.toStdString() == inputs[static_cast<std::size_t>(i)].name)
        return m_problem->hide();
    const QString why = nameProblem(name, i);
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (!why.isEmpty())
        return;
    change("name", [&](engine::InputSpec &in) { in.name = name.toStdString(); }, false);
}

void StartInputsEditor::commitDefault()
{
    const int i = currentIndex();
    const auto &inputs = m_doc->workflow().inputs;
    if (i < 0 || i >= static_cast<int>(inputs.size()))
        return;
    const engine::InputSpec &in = inputs[static_cast<std::size_t>(i)];
    const QString text = m_default->text().trimmed();
    nlohmann::json value;
    QString why;
    if (text.isEmpty()) {
        value = nullptr;
    } else if (in.type == "number") {
        bool ok = false;
        const double d = text.toDouble(&ok);
        value = d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::json(static_cast<long long>(d)) : nlohmann::json(d);
        if (!ok)
            why = tr("The default of a number input must be a number, such as 3 or 2.5.");
    } else if (in.type == "boolean") {
        const QString t = text.toLower();
        value = t == "true" || t == "yes" || t == "1";
        if (!value.get<bool>() && t != "false" && t != "no" && t != "0")
            why = tr("The default of a yes-or-no input is true or false.");
    } else if (in.type == "json") {
        value = engine::parseJson(text.toStdString());
        if (value.is_discarded())
            why = tr("The default is not valid JSON.");
    } else {
        value = text.toStdString();
    }
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (!why.isEmpty() || value == in.defaultValue)
        return;
    change("default", [&](engine::InputSpec &spec) { spec.defaultValue = value; }, false);
}

void StartInputsEditor::addInput()
{
    auto inputs = m_doc->workflow().inputs;
    engine::InputSpec in;
    for (int k = 1;; ++k) {
        in.name = "input_" + std::to_string(k);
        if (nameProblem(QString::fromStdString(in.name), -1).isEmpty())
            break;
    }
    inputs.push_back(in);
    const QString text = tr("Add input %1").arg(QString::fromStdString(in.name));
    m_applying = true;
    m_doc->undoStack()->push(new SetInputsCommand(m_doc, std::move(inputs), text));
    m_applying = false;
    reload();
    select(m_list->count() - 1);
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void StartInputsEditor::removeInput()
{
    const int i = currentIndex();
    auto inputs = m_doc->workflow().inputs;
    if (i < 0 || i >= static_cast<int>(inputs.size()))
        return;
    const QString name = QString::fromStdString(inputs[static_cast<std::size_t>(i)].name);
    inputs.erase(inputs.begin() + i);
    m_applying = true;
    m_doc->undoStack()->push(new SetInputsCommand(m_doc, std::move(inputs), tr("Remove input %1").arg(name)));
    m_applying = false;
    reload();
}

void StartInputsEditor::moveInput(int delta)
{
    const int i = currentIndex();
    auto inputs = m_doc->workflow().inputs;
    const int to = i + delta;
    if (i < 0 || to < 0 || to >= static_cast<int>(inputs.size()))
        return;
    const QString text = tr("Move input %1").arg(QString::fromStdString(inputs[static_cast<std::size_t>(i)].name));
    std::swap(inputs[static_cast<std::size_t>(i)], inputs[static_cast<std::size_t>(to)]);
    m_applying = true;
    m_doc->undoStack()->push(new SetInputsCommand(m_doc, std::move(inputs), text));
    m_applying = false;
    reload();
    select(to);
}

} // namespace studio
} // namespace flowdeck
