#include "widgets/editors/loopeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/namedrows.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/rowlist.h"
#include "widgets/editors/scopereferences.h"
#include "widgets/editors/variabletypes.h"
#include "widgets/panels/conditionbuilder.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(LoopEditor)
};

// A starting value checked against the variable's type; its problem is shown under it.
void checkStart(RowList *list, int index)
{
    QWidget *row = list->row(index);
    auto *value = row ? row->findChild<PromptEdit *>("value") : nullptr;
    auto *note = row ? row->findChild<QLabel *>("valueProblem") : nullptr;
    if (!value || !note)
        return;
    QString problem;
    const QString type = QString::fromStdString(engine::valueOr(list->items()[static_cast<std::size_t>(index)], "type", "string"));
    valueFromText(value->toPlainText(), type, &problem, true);
    note->setText(problem);
    note->setVisible(!problem.isEmpty());
}

RowList *variableRows(const NodeEditorContext &context)
{
    auto edit = context.edit;
    auto candidates = context.candidates;
    NamedRows rows;
    rows.field = "variables";
    rows.reserved = {QStringLiteral("index"), QStringLiteral("rounds")};
    rows.beside = [edit](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *type = new QComboBox;
        type->setObjectName("type");
        for (const auto &[code, label] : variableTypeChoices())
            type->addItem(label, code);
        type->setCurrentIndex(std::max(0, type->findData(QString::fromStdString(engine::valueOr(item, "type", "string")))));
        QObject::connect(type, &QComboBox::activated, type, [=](int) {
            self->setValue(index, "type", type->currentData().toString().toStdString());
            edit("/variables/" + std::to_string(index) + "/type", type->currentData().toString().toStdString(), false);
            checkStart(self, index);
        });
        return type;
    };
    rows.below = [edit, candidates](RowList *self, int index, const nlohmann::json &item) -> QWidget * {
        auto *host = new QWidget;
        auto *layout = new QVBoxLayout(host);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        auto *value = new PromptEdit(candidates);
        value->setObjectName("value");
        value->setSingleLine(true);
        value->setPlainText(textOfValue(engine::valueOr(item, "value", nlohmann::json())));
        value->setPlaceholderText(Text::tr("Starting value (empty: the type's empty value)"));
        auto *note = new QLabel;
        note->setObjectName("valueProblem");
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: #d93f3f;"));
        note->hide();
        layout->addWidget(value);
        layout->addWidget(note);
        QObject::connect(value, &QPlainTextEdit::textChanged, value, [=] {
            const QString type = QString::fromStdString(engine::valueOr(self->items()[static_cast<std::size_t>(index)], "type", "string"));
            QString problem;
            nlohmann::json start = valueFromText(value->toPlainText(), type, &problem, true);
            if (!problem.isEmpty())  // kept as typed, for the validator to name, until it fits
                start = value->toPlainText().toStdString();
            self->setValue(index, "value", start);
            edit("/variables/" + std::to_string(index) + "/value", start, true);
            checkStart(self, index);
        });
        return host;
    };
    RowList *list = namedRows(context, std::move(rows));
    list->setObjectName("variables");
    list->setHeader(columnTitles(Text::tr("Name"), Text::tr("Type")));
    list->setAdd(Text::tr("+ Variable"), Text::tr("Add a loop variable: the nodes inside read and change it from round to round"),
                 [](const nlohmann::json &items) { return nlohmann::json{{"name", freshName(items, "var", true)}, {"type", "string"}}; });
    for (int i = 0; i < static_cast<int>(list->items().size()); ++i)
        checkStart(list, i);
    return list;
}

} // namespace

QWidget *loopEditor(const NodeEditorContext &context)
{
    const nlohmann::json &config = context.config;
    auto edit = context.edit;
    auto rebuild = context.rebuild;
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *variables = new QGroupBox(Text::tr("Loop variables"));
    auto *variablesLayout = new QVBoxLayout(variables);
    auto *intro = new QLabel(Text::tr("The nodes inside read them as {{%1.<i>name</i>}}; a Variable assigner inside the loop "
                                "changes them for the next round.").arg(QString::fromStdString(context.nodeId)));
    intro->setWordWrap(true);
    variablesLayout->addWidget(intro);
    variablesLayout->addWidget(variableRows(context));
    layout->addWidget(variables);

    auto *rounds = new QSpinBox;
    rounds->setObjectName("maxRounds");
    rounds->setRange(1, 100000);
    rounds->setValue(engine::valueOr(config, "maxRounds", 10));
    rounds->setToolTip(Text::tr("The loop stops after this many rounds even if its condition never holds."));
    QObject::connect(rounds, &QSpinBox::valueChanged, rounds, [edit](int v) { edit("/maxRounds", v, true); });
    auto *limit = new QFormLayout;
    limit->addRow(Text::tr("At most this many rounds"), rounds);
    layout->addLayout(limit);

    auto *stopBox = new QGroupBox(Text::tr("Stop when"));
    auto *stopLayout = new QVBoxLayout(stopBox);
    auto *note = new QLabel(Text::tr("Checked after each round; with no condition the loop runs until a Break node or its last round."));
    note->setWordWrap(true);
    stopLayout->addWidget(note);
    GraphDocument *doc = context.doc;
    const std::string id = context.nodeId;
    auto outer = context.candidates;
    auto *stop = new ConditionBuilder(
        engine::valueOr(config, "breakWhen", nlohmann::json::object()), "/breakWhen",
        [doc, id, outer] { return innerReferences(doc->workflow(), id) + outer(); },
        [edit, rebuild](const std::string &pointer, nlohmann::json value, bool merge) {
            edit(pointer, std::move(value), merge);
            if (!merge)
                rebuild();  // a condition added or removed
        });
    stop->setObjectName("breakWhen");
    stopLayout->addWidget(stop);
    layout->addWidget(stopBox);
    return host;
}

} // namespace flowdeck::studio
