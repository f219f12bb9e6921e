#include "widgets/editors/assignereditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/rowlist.h"
#include "widgets/editors/scopereferences.h"
#include "widgets/editors/variabletypes.h"
#include "widgets/settings/modelchoice.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(AssignerEditor)
};

struct Target {
    QString selector;  // conversation.name, or loop_id.name
    QString type;
};

// What this node may write: conversation variables, then the variables of the loops around it.
QList<Target> targets(const engine::Workflow &wf, const std::string &nodeId)
{
    QList<Target> out;
    for (const auto &v : wf.variables)
        out.push_back({QString::fromStdString("conversation." + v.name), QString::fromStdString(v.type)});
    for (const auto &id : wf.containersOf(nodeId)) {
        const engine::NodeSpec *loop = wf.findNode(id);
        if (!loop || loop->type != "loop")
            continue;
        for (const auto &v : engine::valueOr(loop->config, "variables", nlohmann::json::array()))
            out.push_back({QString::fromStdString(id + "." + engine::valueOr(v, "name", "")),
                           QString::fromStdString(engine::valueOr(v, "type", "string"))});
    }
    return out;
}

QString typeOf(const QList<Target> &all, const QString &selector)
{
    for (const Target &t : all)
        if (t.selector == selector)
            return t.type;
    return {};
}

bool takesValue(const QString &op)
{
    return op != QLatin1String("clear") && op != QLatin1String("remove-first") && op != QLatin1String("remove-last");
}

// The type the value of `op` on a variable of `type` must have.
QString valueType(const QString &op, const QString &type)
{
    if (op == QLatin1String("append") && type.startsWith(QLatin1String("array[")))
        return type.mid(6, type.size() - 7);
    if (op == QLatin1String("add") || op == QLatin1String("subtract") || op == QLatin1String("multiply") || op == QLatin1String("divide"))
        return QStringLiteral("number");
    return type.isEmpty() ? QStringLiteral("string") : type;
}

QWidget *assignmentRow(const NodeEditorContext &context, const QList<Target> &all, RowList *list, int index,
                       const nlohmann::json &item)
{
    auto edit = context.edit;
    const std::string at = "/items/" + std::to_string(index);
    const QString selector = QString::fromStdString(engine::valueOr(item, "variable", ""));
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 2, 0, 2);
    grid->setVerticalSpacing(2);
    auto *variable = new QComboBox;
    variable->setObjectName("variable");
    for (const Target &t : all)
        variable->addItem(QStringLiteral("%1 (%2)").arg(t.selector, t.type), t.selector);
    if (variable->findData(selector) < 0)  // not declared (any more): shown, for the validator to name
        variable->addItem(selector.isEmpty() ? Text::tr("(choose a variable)") : Text::tr("%1 (not declared)").arg(selector), selector);
    variable->setCurrentIndex(variable->findData(selector));
    auto *operation = new QComboBox;
    operation->setObjectName("operation");
    auto *value = new PromptEdit(context.candidates);
    value->setObjectName("value");
    value->setSingleLine(true);
    value->setPlainText(textOfValue(engine::valueOr(item, "value", nlohmann::json())));
    auto *note = new QLabel;
    note->setObjectName("problem");
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    grid->addWidget(variable, 0, 0);
    grid->addWidget(operation, 0, 1);
    grid->addWidget(value, 1, 0, 1, 2);
    grid->addWidget(note, 2, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    // The operations the chosen variable's type takes, the value only where one is used,
    // and whether what is typed fits.
    auto refresh = [=] {
        const nlohmann::json current = list->items()[static_cast<std::size_t>(index)];
        const QString type = typeOf(all, QString::fromStdString(engine::valueOr(current, "variable", "")));
        const QString op = QString::fromStdString(engine::valueOr(current, "operation", "set"));
        operation->clear();
        for (const auto &[code, label] : assignOperations(type))
            operation->addItem(label, code);
        operation->setCurrentIndex(std::max(0, operation->findData(op)));
        value->setVisible(takesValue(op));
        value->setPlaceholderText(op == QLatin1String("extend") ? Text::tr("a list, e.g. {{llm_1.json}} or [\"a\", \"b\"]")
                                                                 : Text::tr("a value, e.g. {{llm_1.text}}"));
        QString problem;
        if (takesValue(op))
            valueFromText(value->toPlainText(), valueType(op, type), &problem, true);
        if (type.isEmpty())
            problem = all.isEmpty() ? Text::tr("Declare a conversation variable first (Conversation variables…).")
                                    : Text::tr("Choose the variable to write.");
        note->setText(problem);
        note->setVisible(!problem.isEmpty());
    };
    refresh();
    QObject::connect(variable, &QComboBox::activated, variable, [=](int) {
        nlohmann::json changed = list->items()[static_cast<std::size_t>(index)];
        const QString chosen = variable->currentData().toString();
        changed["variable"] = chosen.toStdString();
        // An operation the new type does not take becomes a plain set.
        const QString op = QString::fromStdString(engine::valueOr(changed, "operation", "set"));
        bool allowed = false;
        for (const auto &[code, label] : assignOperations(typeOf(all, chosen)))
            allowed = allowed || code == op;
        if (!allowed)
            changed["operation"] = "set";
        list->setValue(index, "variable", changed["variable"]);
        list->setValue(index, "operation", changed["operation"]);
        edit(at, changed, false);
        refresh();
    });
    QObject::connect(operation, &QComboBox::activated, operation, [=](int) {
        const QString op = operation->currentData().toString();
        list->setValue(index, "operation", op.toStdString());
        nlohmann::json changed = list->items()[static_cast<std::size_t>(index)];
        if (!takesValue(op))
            changed.erase("value");
        list->setValue(index, "value", takesValue(op) ? engine::valueOr(changed, "value", nlohmann::json()) : nlohmann::json());
        edit(at, changed, false);
        refresh();
    });
    QObject::connect(value, &QPlainTextEdit::textChanged, value, [=] {
        const nlohmann::json current = list->items()[static_cast<std::size_t>(index)];
        const QString type = valueType(QString::fromStdString(engine::valueOr(current, "operation", "set")),
                                       typeOf(all, QString::fromStdString(engine::valueOr(current, "variable", ""))));
        QString problem;
        nlohmann::json typed = valueFromText(value->toPlainText(), type, &problem, true);
        if (!problem.isEmpty())  // kept as typed until it fits; the note says why
            typed = value->toPlainText().toStdString();
        list->setValue(index, "value", typed);
        edit(at + "/value", typed, true);
        note->setText(problem);
        note->setVisible(!problem.isEmpty());
    });
    return row;
}

} // namespace

QList<QPair<QString, QString>> assignOperations(const QString &type)
{
    QList<QPair<QString, QString>> out = {
        {"set", Text::tr("set to")}, {"overwrite", Text::tr("overwrite with")}, {"clear", Text::tr("clear")}};
    const bool any = type.isEmpty();
    if (any || type.startsWith(QLatin1String("array")))
        out += {{"append", Text::tr("append")},
                {"extend", Text::tr("extend with a list")},
                {"remove-first", Text::tr("remove the first item")},
                {"remove-last", Text::tr("remove the last item")}};
    if (any || type == QLatin1String("number"))
        out += {{"add", Text::tr("add")},
                {"subtract", Text::tr("subtract")},
                {"multiply", Text::tr("multiply by")},
                {"divide", Text::tr("divide by")}};
    return out;
}

QWidget *assignerEditor(const NodeEditorContext &context)
{
    GraphDocument *doc = context.doc;
    const QList<Target> all = targets(doc->workflow(), context.nodeId);
    auto edit = context.edit;
    auto *host = new QWidget;
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *list = new RowList(
        engine::valueOr(context.config, "items", nlohmann::json::array()),
        [context, all](RowList *self, int index, const nlohmann::json &item) { return assignmentRow(context, all, self, index, item); },
        [edit](const nlohmann::json &items, const nlohmann::json &) { edit("/items", items, false); });
    list->setObjectName("assignments");
    list->setMinimumRows(1);  // an assigner writes at least one variable
    list->setAdd(Text::tr("+ Assignment"), Text::tr("Write another variable"), [all](const nlohmann::json &) {
        const std::string first = all.isEmpty() ? std::string() : all.front().selector.toStdString();
        return nlohmann::json{{"variable", first}, {"operation", "set"}, {"value", ""}};
    });
    layout->addWidget(list);
    auto *manage = new QPushButton(Text::tr("Conversation variables…"));
    manage->setObjectName("manageVariables");
    manage->setToolTip(
        Text::tr("Declare, rename or remove the workflow's conversation variables (Workflow → Conversation Variables…)"));
    QObject::connect(manage, &QPushButton::clicked, manage, [manage, doc] {
        // Once the click is over: declaring a variable rebuilds this form, button and all.
        if (auto *choice = manage->window()->findChild<ModelChoice *>())
            QMetaObject::invokeMethod(choice, [choice, doc] { choice->showModelsDialog(doc, ModelChoice::Page::Variables); },
                                      Qt::QueuedConnection);
    });
    layout->addWidget(manage, 0, Qt::AlignLeft);
    // The choice of variables follows the declarations.
    auto rebuild = context.rebuild;
    QObject::connect(doc, &GraphDocument::variablesChanged, host, [rebuild] { rebuild(); });
    return host;
}

} // namespace flowdeck::studio
