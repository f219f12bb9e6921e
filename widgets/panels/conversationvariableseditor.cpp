#include "widgets/panels/conversationvariableseditor.h"

#include "widgets/document/graphdocument.h"
#include "widgets/document/workflowpartcommand.h"
#include "widgets/editors/variabletypes.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

const char *const kColumns[] = {"name", "type", "default", "description", "remove"};

QString typeLabel(const std::string &type)
{
    for (const auto &[code, label] : variableTypeChoices())
        if (code.toStdString() == type)
            return label;
    return QString::fromStdString(type);
}

} // namespace

ConversationVariablesEditor::ConversationVariablesEditor(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Values kept for the length of a conversation: each turn reads them as "
                                "<code>{{conversation.<i>name</i>}}</code>, and Variable assigner nodes change them. "
                                "A new conversation starts from the defaults."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 5);
    m_table->setObjectName("conversationVariables");
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Default"), tr("Description"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);  // the cells are editors of their own
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RemoveColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(NameColumn, 140);
    m_table->setColumnWidth(TypeColumn, 130);
    m_table->setColumnWidth(DefaultColumn, 140);
    layout->addWidget(m_table, 1);
    m_problem = new QLabel;
    m_problem->setObjectName("problem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_add = new QPushButton(tr("+ Variable"));
    m_add->setObjectName("addVariable");
    m_add->setToolTip(tr("Add a conversation variable"));
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    connect(m_add, &QPushButton::clicked, this, &ConversationVariablesEditor::addVariable);
    connect(doc, &GraphDocument::variablesChanged, this, [this] {
        if (!m_applying)
            reload();
    });
    connect(doc, &GraphDocument::documentReset, this, &ConversationVariablesEditor::reload);
    reload();
}

QWidget *ConversationVariablesEditor::cell(int row, const QString &column) const
{
    for (int c = 0; c < 5; ++c)
        if (column == QLatin1String(kColumns[c]))
            return m_table->cellWidget(row, c);
    return nullptr;
}

void ConversationVariablesEditor::reload()
{
    const auto &variables = m_doc->workflow().variables;
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(variables.size()));
    for (int row = 0; row < static_cast<int>(variables.size()); ++row) {
        const engine::VariableSpec &v = variables[static_cast<std::size_t>(row)];
        auto *name = new QLineEdit(QString::fromStdString(v.name));
        name->setValidator(new QRegularExpressionValidator(QRegularExpression("[A-Za-z_][A-Za-z0-9_]{0,63}"), name));
        name->setToolTip(tr("Read as {{conversation.%1}}").arg(QString::fromStdString(v.name)));
        connect(name, &QLineEdit::textEdited, this, [this, row](const QString &text) { showProblem(nameProblem(text, row)); });
        connect(name, &QLineEdit::editingFinished, this, [this, row] { commitName(row); });
        auto *type = new QComboBox;
        for (const auto &[code, label] : variableTypeChoices())
            type->addItem(label, code);
        type->setCurrentIndex(std::max(0, type->findData(QString::fromStdString(v.type))));
        connect(type, &QComboBox::activated, this, [this, row, type] {
            const QString chosen = type->currentData().toString();
            change(row, "type", [&](engine::VariableSpec &spec) {
                spec.type = chosen.toStdString();
                QString why;  // a default that does not fit the new type goes ("3" becomes 3)
                const nlohmann::json kept = valueFromText(textOfValue(spec.defaultValue), chosen, &why, false);
                spec.defaultValue = why.isEmpty() ? kept : nlohmann::json();
            }, false);
            QTimer::singleShot(0, this, [this] { reload(); });  // the box sending this is one of the cells
        });
        auto *value = new QLineEdit(textOfValue(v.defaultValue));
        engine::VariableSpec empty;
        empty.type = v.type;
        value->setPlaceholderText(textOfValue(empty.initialValue()).isEmpty() ? tr("(empty)") : textOfValue(empty.initialValue()));
        value->setToolTip(tr("The value a new conversation starts with (%1)").arg(typeLabel(v.type)));
        connect(value, &QLineEdit::editingFinished, this, [this, row] { commitDefault(row); });
        auto *description = new QLineEdit(QString::fromStdString(v.description));
        description->setPlaceholderText(tr("What it keeps (optional)"));
        connect(description, &QLineEdit::textEdited, this, [this, row](const QString &text) {
            change(row, "description", [&](engine::VariableSpec &spec) { spec.description = text.toStdString(); }, true);
        });
        auto *remove = new QToolButton;
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove the variable %1").arg(QString::fromStdString(v.name)));
        connect(remove, &QToolButton::clicked, this, [this, row] { removeVariable(row); });
        QWidget *cells[] = {name, type, value, description, remove};
        for (int c = 0; c < 5; ++c) {
            cells[c]->setObjectName(QString::fromLatin1(kColumns[c]));
            m_table->setCellWidget(row, c, cells[c]);
        }
    }
    m_table->resizeRowsToContents();
}

void ConversationVariablesEditor::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void ConversationVariablesEditor::change(int row, const QString &what, const std::function<void(engine::VariableSpec &)> &edit,
                                         bool merge)
{
    auto variables = m_doc->workflow().variables;
    if (row < 0 || row >= static_cast<int>(variables.size()))
        return;
    engine::VariableSpec &v = variables[static_cast<std::size_t>(row)];
    const QString text = tr("Edit conversation variable %1").arg(QString::fromStdString(v.name));
    edit(v);
    m_applying = true;
    m_doc->undoStack()->push(new SetVariablesCommand(m_doc, std::move(variables), text,
                                                     merge ? QStringLiteral("%1:%2").arg(what).arg(row) : QString()));
    m_applying = false;
}

QString ConversationVariablesEditor::nameProblem(const QString &name, int row) const
{
    if (name.isEmpty())
        return tr("A conversation variable needs a name.");
    if (!QRegularExpression("^[A-Za-z_][A-Za-z0-9_]*$").match(name).hasMatch())
        return tr("A name may hold letters, digits and _ only, and starts with a letter or _.");
    const auto &variables = m_doc->workflow().variables;
    for (int i = 0; i < static_cast<int>(variables.size()); ++i)
        if (i != row && variables[static_cast<std::size_t>(i)].name == name.toStdString())
            return tr("Another conversation variable is already named '%1'.").arg(name);
    return {};
}

void ConversationVariablesEditor::commitName(int row)
{
    auto *edit = qobject_cast<QLineEdit *>(cell(row, "name"));
    const auto &variables = m_doc->workflow().variables;
    if (!edit || row >= static_cast<int>(variables.size()))
        return;
    const QString name = edit->text().trimmed();
    const QString why = nameProblem(name, row);
    showProblem(why);
    if (!why.isEmpty() || name.toStdString() == variables[static_cast<std::size_t>(row)].name)
        return;
    change(row, "name", [&](engine::VariableSpec &spec) { spec.name = name.toStdString(); }, false);
    edit->setToolTip(tr("Read as {{conversation.%1}}").arg(name));
}

void ConversationVariablesEditor::commitDefault(int row)
{
    auto *edit = qobject_cast<QLineEdit *>(cell(row, "default"));
    const auto &variables = m_doc->workflow().variables;
    if (!edit || row >= static_cast<int>(variables.size()))
        return;
    const engine::VariableSpec &v = variables[static_cast<std::size_t>(row)];
    QString why;
    nlohmann::json value = valueFromText(edit->text(), QString::fromStdString(v.type), &why, false);
    if (!why.isEmpty())
        why = tr("The default of '%1': %2").arg(QString::fromStdString(v.name), why);
    showProblem(why);
    if (!why.isEmpty() || value == v.defaultValue)
        return;
    change(row, "default", [&](engine::VariableSpec &spec) { spec.defaultValue = std::move(value); }, false);
}

void ConversationVariablesEditor::addVariable()
{
    auto variables = m_doc->workflow().variables;
    engine::VariableSpec v;
    for (int k = 1; v.name.empty() || !nameProblem(QString::fromStdString(v.name), -1).isEmpty(); ++k)
        v.name = "var_" + std::to_string(k);
    const QString text = tr("Add conversation variable %1").arg(QString::fromStdString(v.name));
    variables.push_back(std::move(v));
    m_applying = true;
    m_doc->undoStack()->push(new SetVariablesCommand(m_doc, std::move(variables), text));
    m_applying = false;
    reload();
    if (auto *name = qobject_cast<QLineEdit *>(cell(m_table->rowCount() - 1, "name"))) {
        m_table->scrollToBottom();
        QTimer::singleShot(0, name, [name] {  // once it is shown
            name->setFocus(Qt::OtherFocusReason);
            name->selectAll();
        });
    }
}

void ConversationVariablesEditor::removeVariable(int row)
{
    auto variables = m_doc->workflow().variables;
    if (row < 0 || row >= static_cast<int>(variables.size()))
        return;
    const QString name = QString::fromStdString(variables[static_cast<std::size_t>(row)].name);
    variables.erase(variables.begin() + row);
    m_applying = true;
    m_doc->undoStack()->push(new SetVariablesCommand(m_doc, std::move(variables), tr("Remove conversation variable %1").arg(name)));
    m_applying = false;
    showProblem({});
    // After the click that asked: the button sending it is one of the cells rebuilt.
    QTimer::singleShot(0, this, [this] { reload(); });
}

} // namespace studio
} // namespace flowdeck
