#include "widgets/editors/humanformeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/namedrows.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/portedges.h"
#include "widgets/editors/rowlist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(HumanFormEditor)
};

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

QLineEdit *line(const QString &name, const std::string &text, const QString &placeholder)
{
    auto *edit = new QLineEdit(QString::fromStdString(text));
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QString optionsText(const nlohmann::json &options)
{
    QStringList parts;
    for (const auto &o : options.is_array() ? options : nlohmann::json::array())
        if (o.is_string())
            parts << QString::fromStdString(o.get<std::string>());
    return parts.join(QStringLiteral(", "));
}

nlohmann::json optionsValue(const QString &text)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,，]")), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.push_back(part.trimmed().toStdString());
    return out.empty() ? nlohmann::json() : out;
}

RowList *fieldRows(const NodeEditorContext &context)
{
    auto edit = context.edit;
    auto candidates = context.candidates;
    NamedRows rows;
    rows.field = "fields";
    rows.reserved = {QStringLiteral("action"), QStringLiteral("values")};
    rows.beside = [edit](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *type = new QComboBox;
        type->setObjectName("type");
        const std::pair<const char *, QString> types[] = {{"text", Text::tr("Line of text")},
                                                          {"paragraph", Text::tr("Paragraph")},
                                                          {"number", Text::tr("Number")},
                                                          {"select", Text::tr("Choice")},
                                                          {"boolean", Text::tr("Yes or no")}};
        for (const auto &[code, label] : types)
            type->addItem(label, QString::fromLatin1(code));
        type->setCurrentIndex(std::max(0, type->findData(QString::fromStdString(engine::valueOr(item, "type", "text")))));
        QObject::connect(type, &QComboBox::activated, type, [=](int) {
            const std::string chosen = type->currentData().toString().toStdString();
            nlohmann::json field = self->items()[static_cast<std::size_t>(index)];
            field["type"] = chosen;
            if (chosen != "select")  // choices belong to choice fields
                field.erase("options");
            self->setValue(index, "type", chosen);
            self->setValue(index, "options", field.contains("options") ? field["options"] : nlohmann::json());
            edit("/fields/" + std::to_string(index), field, false);
            if (QWidget *row = self->row(index))
                if (auto *options = row->findChild<QLineEdit *>("options"))
                    options->setVisible(chosen == "select");
        });
        return type;
    };
    rows.below = [edit, candidates](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        const std::string at = "/fields/" + std::to_string(index);
        auto *host = new QWidget;
        auto *grid = new QGridLayout(host);
        grid->setContentsMargins(0, 0, 0, 4);
        grid->setVerticalSpacing(2);
        auto *label = line("label", engine::valueOr(item, "label", ""), Text::tr("Label shown on the form"));
        auto *required = new QCheckBox(Text::tr("Required"));
        required->setObjectName("required");
        required->setChecked(engine::valueOr(item, "required", false));
        auto *options = line("options", optionsText(engine::valueOr(item, "options", nlohmann::json())).toStdString(),
                             Text::tr("Choices, comma-separated"));
        options->setVisible(engine::valueOr(item, "type", "text") == "select");
        auto *given = new PromptEdit(candidates);
        given->setObjectName("default");
        given->setSingleLine(true);
        given->setPlainText(QString::fromStdString(engine::valueOr(item, "default", "")));
        given->setPlaceholderText(Text::tr("Default (optional), e.g. {{llm_1.text}}"));
        grid->addWidget(label, 0, 0);
        grid->addWidget(required, 0, 1);
        grid->addWidget(options, 1, 0, 1, 2);
        grid->addWidget(given, 2, 0, 1, 2);
        // Each part edits its own key: one undo step per part typed in.
        auto set = [self, index, edit, at](const std::string &key, nlohmann::json value, bool merge) {
            self->setValue(index, key, value);
            edit(at + "/" + key, std::move(value), merge);
        };
        QObject::connect(label, &QLineEdit::textEdited, label, [set](const QString &text) {
            set("label", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
        });
        QObject::connect(required, &QCheckBox::toggled, required, [set](bool on) { set("required", on, false); });
        QObject::connect(options, &QLineEdit::textEdited, options, [set](const QString &text) { set("options", optionsValue(text), true); });
        QObject::connect(given, &QPlainTextEdit::textChanged, given, [set, given] {
            const QString text = given->toPlainText();
            set("default", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
        });
        return host;
    };
    RowList *list = namedRows(context, std::move(rows));
    list->setObjectName("fields");
    list->setHeader(columnTitles(Text::tr("Name"), Text::tr("Type")));
    list->setAdd(Text::tr("+ Field"), Text::tr("Add a field for the person to fill in: another output of the node"),
                 [](const nlohmann::json &items) {
                     return nlohmann::json{{"name", freshName(items, "field", true)}, {"type", "text"}};
                 });
    return list;
}

QStringList idsBut(const nlohmann::json &actions, int except)
{
    QStringList ids;
    for (int i = 0; i < static_cast<int>(actions.size()); ++i)
        if (i != except)
            ids << QString::fromStdString(engine::valueOr(actions[static_cast<std::size_t>(i)], "id", ""));
    return ids;
}

QWidget *buttonRow(const NodeEditorContext &context, RowList *list, int index, const nlohmann::json &item)
{
    auto edit = context.edit;
    const std::string at = "/actions/" + std::to_string(index);
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    auto *id = line("id", engine::valueOr(item, "id", ""), Text::tr("id"));
    id->setToolTip(Text::tr("The button's port, and the node's {{%1.action}} when it is pressed")
                       .arg(QString::fromStdString(context.nodeId)));
    auto *label = line("label", engine::valueOr(item, "label", ""), Text::tr("Text on the button"));
    auto *style = new QComboBox;
    style->setObjectName("style");
    style->addItem(Text::tr("Primary"), "primary");
    style->addItem(Text::tr("Plain"), "default");
    style->addItem(Text::tr("Danger"), "danger");
    style->setToolTip(Text::tr("Enter presses the first primary button"));
    style->setCurrentIndex(std::max(0, style->findData(QString::fromStdString(engine::valueOr(item, "style", "default")))));
    auto *note = problemNote();
    grid->addWidget(id, 0, 0);
    grid->addWidget(label, 0, 1);
    grid->addWidget(style, 0, 2);
    grid->addWidget(note, 1, 0, 1, 3);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    QObject::connect(id, &QLineEdit::textEdited, id, [=](const QString &text) {
        showProblem(id, note, buttonIdProblem(text, idsBut(list->items(), index)));
    });
    // Taken when the field is left: the port is renamed once, and its connections follow.
    QObject::connect(id, &QLineEdit::editingFinished, id, [=] {
        const std::string before = engine::valueOr(list->items()[static_cast<std::size_t>(index)], "id", "");
        const QString text = id->text().trimmed();
        if (text.toStdString() == before || !buttonIdProblem(text, idsBut(list->items(), index)).isEmpty())
            return;
        nlohmann::json actions = list->items();
        actions[static_cast<std::size_t>(index)]["id"] = text.toStdString();
        list->setValue(index, "id", text.toStdString());
        setConfigWithPorts(context, Text::tr("Rename button %1").arg(QString::fromStdString(before)), "/actions", actions,
                           {{before, text.toStdString()}});
    });
    QObject::connect(label, &QLineEdit::textEdited, label, [=](const QString &text) {
        list->setValue(index, "label", text.toStdString());
        edit(at + "/label", text.toStdString(), true);
    });
    QObject::connect(style, &QComboBox::activated, style, [=](int) {
        list->setValue(index, "style", style->currentData().toString().toStdString());
        edit(at + "/style", style->currentData().toString().toStdString(), false);
    });
    return row;
}

RowList *buttonRows(const NodeEditorContext &context)
{
    auto *list = new RowList(
        engine::valueOr(context.config, "actions", nlohmann::json::array()),
        [context](RowList *self, int index, const nlohmann::json &item) { return buttonRow(context, self, index, item); },
        [context](const nlohmann::json &items, const nlohmann::json &removed) {
            // The connections from a removed button's port go with it, in the same step.
            const std::string port = engine::valueOr(removed, "id", "");
            setConfigWithPorts(context, Text::tr("Remove button %1").arg(QString::fromStdString(port)), "/actions", items,
                               port.empty() ? std::map<std::string, std::string>() : std::map<std::string, std::string>{{port, ""}});
        });
    list->setObjectName("actions");
    list->setMinimumRows(1);  // a form is answered by pressing a button
    list->setHeader(columnTitles(Text::tr("Id"), Text::tr("Text")));
    list->setAdd(Text::tr("+ Button"), Text::tr("Add a button: another output port"), [](const nlohmann::json &items) {
        std::string id;
        for (int n = static_cast<int>(items.size()) + 1;
             id.empty() || !buttonIdProblem(QString::fromStdString(id), idsBut(items, -1)).isEmpty(); ++n)
            id = "action_" + std::to_string(n);
        return nlohmann::json{{"id", id}, {"label", Text::tr("Button %1").arg(items.size() + 1).toStdString()}, {"style", "default"}};
    });
    return list;
}

} // namespace

QString buttonIdProblem(const QString &id, const QStringList &others)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]{0,63}$"));
    if (id.isEmpty())
        return Text::tr("A button needs an id.");
    if (!pattern.match(id).hasMatch())
        return Text::tr("\"%1\" is not an id: use letters, digits, _ and -, starting with a letter or _.").arg(id);
    if (id == QLatin1String("timeout") || id == QLatin1String("error"))
        return Text::tr("\"%1\" is the node's own port; choose another id.").arg(id);
    if (others.contains(id))
        return Text::tr("Another button already has the id \"%1\".").arg(id);
    return {};
}

QWidget *humanFormEditor(const NodeEditorContext &context)
{
    auto edit = context.edit;
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(Text::tr("Text shown (markdown)")));
    auto *text = new PromptEdit(context.candidates);
    text->setObjectName("text");
    text->setPlainText(QString::fromStdString(engine::valueOr(context.config, "text", "")));
    text->setPlaceholderText(Text::tr("What the person reads before answering, e.g. Approve this refund of {{start.amount}}?"));
    text->setTabChangesFocus(true);
    text->setMinimumHeight(90);
    QObject::connect(text, &QPlainTextEdit::textChanged, text, [edit, text] { edit("/text", text->toPlainText().toStdString(), true); });
    layout->addWidget(text);
    layout->addWidget(heading(Text::tr("Fields")));
    layout->addWidget(fieldRows(context));
    layout->addWidget(heading(Text::tr("Buttons")));
    layout->addWidget(buttonRows(context));

    auto *timeout = new QSpinBox;
    timeout->setObjectName("timeout");
    timeout->setRange(0, 31536000);
    timeout->setSpecialValueText(Text::tr("no limit"));
    timeout->setSuffix(Text::tr(" s"));
    timeout->setValue(static_cast<int>(engine::valueOr(context.config, "timeout", 0.0)));
    timeout->setToolTip(Text::tr("Without an answer in this time the run goes on through the timeout port, with the fields' defaults."));
    QObject::connect(timeout, &QSpinBox::valueChanged, timeout, [context](int seconds) {
        if (seconds > 0)
            return context.edit("/timeout", seconds, true);
        // No limit: no timeout port, and no connections from it.
        setConfigWithPorts(context, Text::tr("Remove the time limit"), "/timeout", nullptr, {{"timeout", ""}});
    });
    auto *limit = new QFormLayout;
    limit->addRow(Text::tr("Time limit"), timeout);
    layout->addLayout(limit);
    return host;
}

} // namespace flowdeck::studio
