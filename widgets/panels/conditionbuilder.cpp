#include "widgets/panels/conditionbuilder.h"
#include "engine/core/jsonaccess.h"

#include "widgets/document/commands.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

std::string at(int caseIndex) { return "/cases/" + std::to_string(caseIndex); }
std::string at(int caseIndex, int condition) { return at(caseIndex) + "/conditions/" + std::to_string(condition); }

QToolButton *removeButton(const QString &tip)
{
    auto *b = new QToolButton;
    b->setText(QStringLiteral("✕"));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

QList<QPair<QString, QString>> ConditionBuilder::operators()
{
    return {{"eq", tr("is")},
            {"ne", tr("is not")},
            {"contains", tr("contains")},
            {"not_contains", tr("does not contain")},
            {"starts_with", tr("starts with")},
            {"ends_with", tr("ends with")},
            {"empty", tr("is empty")},
            {"not_empty", tr("is not empty")},
            {"gt", tr("is greater than")},
            {"ge", tr("is at least")},
            {"lt", tr("is less than")},
            {"le", tr("is at most")},
            {"regex", tr("matches the pattern")}};
}

bool ConditionBuilder::takesRight(const QString &op) { return op != "empty" && op != "not_empty"; }

ConditionBuilder::ConditionBuilder(const nlohmann::json &cases, PromptEdit::Candidates candidates, Edit edit,
                                   RemoveCase removeCase, QWidget *parent)
    : QWidget(parent), m_cases(cases.is_array() ? cases : nlohmann::json::array()), m_candidates(std::move(candidates)),
      m_edit(std::move(edit)), m_removeCase(std::move(removeCase))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < static_cast<int>(m_cases.size()); ++i)
        layout->addWidget(caseBox(i, m_cases[i]));
    auto *addCase = new QPushButton(tr("+ Case"));
    addCase->setObjectName("addCase");
    addCase->setToolTip(tr("Add a case: another output port, tried after the ones above"));
    connect(addCase, &QPushButton::clicked, this, [this] {
        nlohmann::json cases = m_cases;
        cases.push_back({{"id", freshCaseId()}, {"logic", "and"}, {"conditions", {{{"left", ""}, {"op", "eq"}, {"right", ""}}}}});
        change("/cases", cases, false);
    });
    auto *elseNote = new QLabel(tr("Otherwise the <b>Else</b> port is taken."));
    auto *row = new QHBoxLayout;
    row->addWidget(addCase);
    row->addWidget(elseNote, 1);
    layout->addLayout(row);
}

ConditionBuilder::ConditionBuilder(const nlohmann::json &group, std::string pointer, PromptEdit::Candidates candidates,
                                   Edit edit, QWidget *parent)
    : QWidget(parent), m_cases(nlohmann::json::array({group.is_object() ? group : nlohmann::json::object()})),
      m_candidates(std::move(candidates)), m_edit(std::move(edit)), m_group(std::move(pointer))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caseBox(0, m_cases[0]));
}

void ConditionBuilder::change(const std::string &pointer, nlohmann::json value, bool merge)
{
    // Keep the builder's copy current, so a later edit starts from what was typed.
    nlohmann::json config = {{"cases", m_cases}};
    setAtPointer(config, pointer, value);
    m_cases = config["cases"];
    // One group is the only "case": its pointers are the group's own.
    m_edit(m_group.empty() ? pointer : m_group + pointer.substr(at(0).size()), std::move(value), merge);
}

std::string ConditionBuilder::freshCaseId() const
{
    for (int n = static_cast<int>(m_cases.size()) + 1;; ++n) {
        const std::string id = "case_" + std::to_string(n);
        if (std::none_of(m_cases.begin(), m_cases.end(), [&](const auto &c) { return engine::valueOr(c, "id", "") == id; }))
            return id;
    }
}

QWidget *ConditionBuilder::caseBox(int index, const nlohmann::json &c)
{
    const std::string id = engine::valueOr(c, "id", "");
    const bool group = !m_group.empty();
    auto *box = new QGroupBox(group        ? QString()
                              : index == 0 ? tr("If (%1)").arg(QString::fromStdString(id))
                                           : tr("Else if (%1)").arg(QString::fromStdString(id)));
    box->setObjectName(QString::fromStdString(group ? "group" : "case:" + id));
    auto *layout = new QVBoxLayout(box);
    auto *head = new QHBoxLayout;
    if (!group) {
        auto *label = new QLineEdit(QString::fromStdString(engine::valueOr(c, "label", "")));
        label->setObjectName("label");
        label->setPlaceholderText(tr("Port label (shown on the canvas)"));
        connect(label, &QLineEdit::textEdited, this, [this, index](const QString &text) {
            change(at(index) + "/label", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
        });
        head->addWidget(label, 1);
    }
    auto *logic = new QComboBox;
    logic->setObjectName("logic");
    logic->addItem(tr("all of these hold"), "and");
    logic->addItem(tr("any of these holds"), "or");
    logic->setCurrentIndex(engine::valueOr(c, "logic", "and") == "or" ? 1 : 0);
    connect(logic, &QComboBox::activated, this, [this, index, logic](int) {
        change(at(index) + "/logic", logic->currentData().toString().toStdString(), false);
    });
    head->addWidget(logic);
    if (group)
        head->addStretch(1);
    if (!group && m_cases.size() > 1) {
        auto *remove = removeButton(tr("Remove this case and the connections from its port"));
        remove->setObjectName("removeCase");
        connect(remove, &QToolButton::clicked, this, [this, id] { m_removeCase(id); });
        head->addWidget(remove);
    }
    layout->addLayout(head);
    const nlohmann::json conditions = engine::valueOr(c, "conditions", nlohmann::json::array());
    for (int i = 0; i < static_cast<int>(conditions.size()); ++i)
        layout->addWidget(conditionRow(index, i, conditions[i]));
    auto *add = new QPushButton(tr("+ Condition"));
    add->setObjectName("addCondition");
    connect(add, &QPushButton::clicked, this, [this, index] {
        nlohmann::json conditions = engine::valueOr(m_cases[index], "conditions", nlohmann::json::array());
        conditions.push_back({{"left", ""}, {"op", "eq"}, {"right", ""}});
        change(at(index) + "/conditions", conditions, false);
    });
    layout->addWidget(add, 0, Qt::AlignLeft);
    return box;
}

QWidget *ConditionBuilder::conditionRow(int caseIndex, int index, const nlohmann::json &condition)
{
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("condition:%1").arg(index));
    // Two lines: the value compared (wide, with {{ completion), then how and with what.
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setColumnStretch(1, 1);
    auto *left = new PromptEdit(m_candidates);
    left->setObjectName("left");
    left->setSingleLine(true);
    left->setPlaceholderText(tr("a value, e.g. {{llm_1.text}}"));
    left->setPlainText(QString::fromStdString(engine::valueOr(condition, "left", "")));
    auto *op = new QComboBox;
    op->setObjectName("op");
    for (const auto &[code, text] : operators())
        op->addItem(text, code);
    op->setCurrentIndex(std::max(0, op->findData(QString::fromStdString(engine::valueOr(condition, "op", "eq")))));
    auto *right = new QLineEdit;
    right->setObjectName("right");
    right->setPlaceholderText(tr("compared with"));
    const nlohmann::json r = engine::valueOr(condition, "right", nlohmann::json(""));
    right->setText(QString::fromStdString(r.is_string() ? r.get<std::string>() : r.dump()));
    right->setVisible(takesRight(op->currentData().toString()));
    const std::string pointer = at(caseIndex, index);
    connect(left, &QPlainTextEdit::textChanged, this, [this, left, pointer] {
        change(pointer + "/left", left->toPlainText().toStdString(), true);
    });
    // Numbers compare as numbers: what is typed after a numeric comparison is kept as one.
    auto rightValue = [right, op]() -> nlohmann::json {
        const QString text = right->text();
        const QString code = op->currentData().toString();
        bool isNumber = false;
        const double d = text.toDouble(&isNumber);
        if (isNumber && (code == "gt" || code == "ge" || code == "lt" || code == "le"))
            return d == static_cast<double>(static_cast<long long>(d)) ? nlohmann::json(static_cast<long long>(d)) : nlohmann::json(d);
        return text.toStdString();
    };
    connect(op, &QComboBox::activated, this, [this, op, right, pointer, rightValue, caseIndex, index](int) {
        const QString code = op->currentData().toString();
        right->setVisible(takesRight(code));
        nlohmann::json condition = m_cases[caseIndex]["conditions"][index];
        condition["op"] = code.toStdString();
        if (takesRight(code))
            condition["right"] = rightValue();
        else
            condition.erase("right");
        change(pointer, condition, false);
    });
    connect(right, &QLineEdit::textEdited, this, [this, pointer, rightValue] { change(pointer + "/right", rightValue(), true); });
    layout->addWidget(left, 0, 0, 1, 2);
    layout->addWidget(op, 1, 0);
    layout->addWidget(right, 1, 1);
    const int count = static_cast<int>(engine::valueOr(m_cases[caseIndex], "conditions", nlohmann::json::array()).size());
    if (count > 1 || !m_group.empty()) {
        auto *remove = removeButton(tr("Remove this condition"));
        remove->setObjectName("removeCondition");
        connect(remove, &QToolButton::clicked, this, [this, caseIndex, index] {
            nlohmann::json conditions = m_cases[caseIndex]["conditions"];
            conditions.erase(conditions.begin() + index);
            change(at(caseIndex) + "/conditions", conditions, false);
        });
        layout->addWidget(remove, 0, 2);
    }
    return row;
}

} // namespace studio
} // namespace flowdeck
