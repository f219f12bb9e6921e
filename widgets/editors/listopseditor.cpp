#include "widgets/editors/listopseditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/rowlist.h"
#include "widgets/panels/conditionbuilder.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

bool takesValue(const QString &op) { return op != QLatin1String("empty") && op != QLatin1String("not_empty"); }

bool numericOp(const QString &op) { return op == "gt" || op == "ge" || op == "lt" || op == "le"; }

QString valueText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList parts;
        for (const auto &v : value)
            parts << QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
        return parts.join(QStringLiteral(", "));
    }
    return value.is_null() ? QString() : QString::fromStdString(value.dump());
}

// What is typed, as the engine compares it: a number after a numeric comparison, else text
// ("in" takes its choices separated by commas).
nlohmann::json conditionValue(const QString &text, const QString &op)
{
    bool isNumber = false;
    const double d = text.trimmed().toDouble(&isNumber);
    if (isNumber && numericOp(op))
        return d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::json(static_cast<long long>(d)) : nlohmann::json(d);
    return text.toStdString();
}

QComboBox *choiceBox(const QString &name, const QList<QPair<QString, QString>> &choices, const std::string &current)
{
    auto *box = new QComboBox;
    box->setObjectName(name);
    for (const auto &[code, label] : choices)
        box->addItem(label, code);
    box->setCurrentIndex(std::max(0, box->findData(QString::fromStdString(current))));
    return box;
}

QLineEdit *fieldLine(const nlohmann::json &where)
{
    auto *line = new QLineEdit(QString::fromStdString(engine::valueOr(where, "field", "")));
    line->setObjectName("field");
    line->setPlaceholderText(ListOpsEditor::tr("field of each item, e.g. price (empty: the item)"));
    return line;
}

} // namespace

QList<QPair<QString, QString>> ListOpsEditor::comparisons()
{
    QList<QPair<QString, QString>> out;
    const auto known = ConditionBuilder::operators();
    for (const auto &op : schemaAt("list", "/properties/filter/properties/conditions/items/properties/op/enum")) {
        const QString code = QString::fromStdString(op.is_string() ? op.get<std::string>() : "");
        QString label = code == "in" ? tr("is one of") : code == "not_in" ? tr("is none of") : code;
        for (const auto &[c, text] : known)
            if (c == code)
                label = text;
        if (!code.isEmpty())
            out.append({code, label});
    }
    return out;
}

ListOpsEditor::ListOpsEditor(const NodeEditorContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    setProperty("ownTitle", true);  // its boxes carry the operations' names
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *order = new QLabel(tr("Applied in this order, each to what the one before left."));
    order->setWordWrap(true);
    order->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    layout->addWidget(order);
    const nlohmann::json &c = context.config;
    auto *filter = operationBox("filter", tr("Filter"), {{"logic", "and"}, {"conditions", {{{"field", ""}, {"op", "eq"}, {"value", ""}}}}});
    fillFilter(filter, engine::valueOr(c, "filter", nlohmann::json::object()));
    auto *unique = operationBox("unique", tr("Remove duplicates"), nlohmann::json::object());
    fillUnique(unique, engine::valueOr(c, "unique", nlohmann::json::object()));
    auto *sort = operationBox("sort", tr("Sort"), {{"order", "asc"}});
    fillSort(sort, engine::valueOr(c, "sort", nlohmann::json::object()));
    auto *limit = operationBox("limit", tr("Keep the first or last items"), {{"take", "first"}, {"count", 10}});
    fillLimit(limit, engine::valueOr(c, "limit", nlohmann::json{{"take", "first"}, {"count", 10}}));
    for (QGroupBox *box : {filter, unique, sort, limit})
        layout->addWidget(box);
}

QGroupBox *ListOpsEditor::operation(const QString &key) const { return findChild<QGroupBox *>("operation:" + key); }

QGroupBox *ListOpsEditor::operationBox(const std::string &key, const QString &title, const nlohmann::json &fresh)
{
    auto *box = new QGroupBox(title);
    box->setObjectName(QString::fromStdString("operation:" + key));
    box->setCheckable(true);
    box->setChecked(m_context.config.is_object() && m_context.config.contains(key) && m_context.config[key].is_object());
    // On: the operation with what its fields show; off: out of the config.
    connect(box, &QGroupBox::toggled, this, [this, key, fresh](bool on) {
        m_context.edit("/" + key, on ? fresh : nlohmann::json(), false);
        m_context.rebuild();  // the fields show what was written
    });
    return box;
}

void ListOpsEditor::fillFilter(QGroupBox *box, const nlohmann::json &filter)
{
    auto *layout = new QVBoxLayout(box);
    auto *logic = choiceBox("logic", {{"and", tr("Keep items matching all of these")}, {"or", tr("Keep items matching any of these")}},
                            engine::valueOr(filter, "logic", "and"));
    connect(logic, &QComboBox::activated, this, [this, logic](int) {
        m_context.edit("/filter/logic", logic->currentData().toString().toStdString(), false);
    });
    layout->addWidget(logic);
    auto *list = new RowList(
        engine::valueOr(filter, "conditions", nlohmann::json::array()),
        [this](RowList *self, int index, const nlohmann::json &condition) { return conditionRow(self, index, condition); },
        [this](const nlohmann::json &items, const nlohmann::json &) { m_context.edit("/filter/conditions", items, false); });
    list->setObjectName("conditions");
    list->setAdd(tr("+ Condition"), tr("Add a condition on a field of each item"), [](const nlohmann::json &) {
        return nlohmann::json{{"field", ""}, {"op", "eq"}, {"value", ""}};
    });
    layout->addWidget(list);
}

QWidget *ListOpsEditor::conditionRow(RowList *list, int index, const nlohmann::json &condition)
{
    const std::string at = "/filter/conditions/" + std::to_string(index);
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 0, 0, 4);
    grid->setVerticalSpacing(2);
    auto *field = fieldLine(condition);
    auto *op = choiceBox("op", comparisons(), engine::valueOr(condition, "op", "eq"));
    auto *value = new PromptEdit(m_context.candidates);
    value->setObjectName("value");
    value->setSingleLine(true);
    value->setPlaceholderText(tr("compared with (a value or {{reference}})"));
    value->setPlainText(valueText(engine::valueOr(condition, "value", nlohmann::json(""))));
    value->setVisible(takesValue(op->currentData().toString()));
    grid->addWidget(field, 0, 0, 1, 2);
    grid->addWidget(op, 1, 0);
    grid->addWidget(value, 1, 1);
    grid->setColumnStretch(1, 1);
    connect(field, &QLineEdit::textEdited, this, [this, list, index, at](const QString &text) {
        list->setValue(index, "field", text.toStdString());
        m_context.edit(at + "/field", text.toStdString(), true);
    });
    connect(value, &QPlainTextEdit::textChanged, this, [this, list, index, at, value, op] {
        const nlohmann::json v = conditionValue(value->toPlainText(), op->currentData().toString());
        list->setValue(index, "value", v);
        m_context.edit(at + "/value", v, true);
    });
    connect(op, &QComboBox::activated, this, [this, list, index, at, value, op](int) {
        const QString code = op->currentData().toString();
        value->setVisible(takesValue(code));
        nlohmann::json c = list->items()[static_cast<std::size_t>(index)];
        c["op"] = code.toStdString();
        if (takesValue(code))
            c["value"] = conditionValue(value->toPlainText(), code);
        else
            c.erase("value");
        list->setValue(index, "op", c["op"]);
        list->setValue(index, "value", c.contains("value") ? c["value"] : nlohmann::json());
        m_context.edit(at, c, false);
    });
    return row;
}

void ListOpsEditor::fillUnique(QGroupBox *box, const nlohmann::json &unique)
{
    auto *form = new QFormLayout(box);
    auto *field = fieldLine(unique);
    field->setPlaceholderText(tr("empty: whole items"));
    connect(field, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_context.edit("/unique/field", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
    });
    form->addRow(tr("By field"), field);
}

void ListOpsEditor::fillSort(QGroupBox *box, const nlohmann::json &sort)
{
    auto *form = new QFormLayout(box);
    auto *field = fieldLine(sort);
    connect(field, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_context.edit("/sort/field", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
    });
    auto *order = choiceBox("order", {{"asc", tr("Ascending (A→Z, 1→9)")}, {"desc", tr("Descending (Z→A, 9→1)")}},
                            engine::valueOr(sort, "order", "asc"));
    connect(order, &QComboBox::activated, this, [this, order](int) {
        m_context.edit("/sort/order", order->currentData().toString().toStdString(), false);
    });
    form->addRow(tr("By field"), field);
    form->addRow(tr("Order"), order);
}

void ListOpsEditor::fillLimit(QGroupBox *box, const nlohmann::json &limit)
{
    auto *form = new QFormLayout(box);
    auto *take = choiceBox("take", {{"first", tr("The first")}, {"last", tr("The last")}}, engine::valueOr(limit, "take", "first"));
    auto *count = new QSpinBox;
    count->setObjectName("count");
    count->setRange(0, 1000000);
    count->setValue(engine::valueOr(limit, "count", 10));
    count->setSuffix(tr(" items"));
    connect(take, &QComboBox::activated, this, [this, take](int) {
        m_context.edit("/limit/take", take->currentData().toString().toStdString(), false);
    });
    connect(count, &QSpinBox::valueChanged, this, [this](int n) { m_context.edit("/limit/count", n, true); });
    form->addRow(tr("Keep"), take);
    form->addRow(tr("How many"), count);
}

} // namespace flowdeck::studio
