#include "widgets/panels/enveditor.h"

#include "widgets/document/workflowpartcommand.h"
#include "widgets/document/graphdocument.h"

#include <QComboBox>
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

#include <cmath>

namespace flowdeck {
namespace studio {

namespace {

const char *const kColumns[] = {"name", "type", "value", "description", "remove"};

// The text a value cell shows: a string as it is, a number without a trailing ".0".
QString valueText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number_integer() || value.is_number_unsigned())
        return QString::fromStdString(value.dump());
    if (value.is_number_float())
        return QString::number(value.get<double>(), 'g', 15);
    return value.is_null() ? QString() : QString::fromStdString(value.dump());
}

// `text` as a value of `type`; empty text is null (no value). A number that does not read
// as one gives null and a sentence in `problem`.
nlohmann::json valueOf(const QString &text, const std::string &type, QString *problem)
{
    if (text.isEmpty())
        return nullptr;
    if (type != "number")
        return text.toStdString();
    const QString trimmed = text.trimmed();
    bool ok = false;
    if (const qlonglong whole = trimmed.toLongLong(&ok); ok)
        return static_cast<std::int64_t>(whole);
    if (const double real = trimmed.toDouble(&ok); ok && std::isfinite(real))
        return real;
    *problem = EnvironmentVariablesEditor::tr("'%1' is not a number.").arg(text);
    return nullptr;
}

// Names that usually hold a credential: worth a warning, since this file is not the place.
bool looksSecret(const QString &name)
{
    static const QRegularExpression secretish("(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL)",
                                              QRegularExpression::CaseInsensitiveOption);
    return secretish.match(name).hasMatch();
}

} // namespace

EnvironmentVariablesEditor::EnvironmentVariablesEditor(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Settings of this workflow that prompts and fields read as <code>{{env.<i>NAME</i>}}</code>. "
                                "The value here is the default: where the app runs, a setting of the same name "
                                "(the deployed app's environment) takes its place."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *secrets = new QLabel(tr("<b>No secrets here.</b> These values are saved in the workflow file as plain text. "
                                  "Keep API keys, tokens and passwords in the keychain and write "
                                  "<code>{{secret.<i>NAME</i>}}</code> instead."));
    secrets->setObjectName("secretHint");
    secrets->setWordWrap(true);
    layout->addWidget(secrets);
    m_table = new QTableWidget(0, 5);
    m_table->setObjectName("environmentVariables");
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value"), tr("Description"), QString()});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);  // the cells are editors of their own
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RemoveColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(NameColumn, 150);
    m_table->setColumnWidth(TypeColumn, 90);
    m_table->setColumnWidth(ValueColumn, 160);
    layout->addWidget(m_table, 1);
    m_problem = new QLabel;
    m_problem->setObjectName("problem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    m_add = new QPushButton(tr("+ Environment variable"));
    m_add->setObjectName("addEnv");
    m_add->setToolTip(tr("Add an environment variable"));
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    connect(m_add, &QPushButton::clicked, this, &EnvironmentVariablesEditor::addVariable);
    connect(doc, &GraphDocument::envChanged, this, [this] {
        if (!m_applying)
            reload();
    });
    connect(doc, &GraphDocument::documentReset, this, &EnvironmentVariablesEditor::reload);
    reload();
}

QWidget *EnvironmentVariablesEditor::cell(int row, const QString &column) const
{
    for (int c = 0; c < 5; ++c)
        if (column == QLatin1String(kColumns[c]))
            return m_table->cellWidget(row, c);
    return nullptr;
}

void EnvironmentVariablesEditor::reload()
{
    const auto &env = m_doc->workflow().env;
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(env.size()));
    for (int row = 0; row < static_cast<int>(env.size()); ++row) {
        const engine::EnvSpec &v = env[static_cast<std::size_t>(row)];
        auto *name = new QLineEdit(QString::fromStdString(v.name));
        name->setValidator(new QRegularExpressionValidator(QRegularExpression("[A-Za-z_][A-Za-z0-9_]{0,63}"), name));
        name->setToolTip(tr("Read as {{env.%1}}").arg(QString::fromStdString(v.name)));
        connect(name, &QLineEdit::textEdited, this, [this, row](const QString &text) {
            showProblem(nameProblem(m_doc->workflow().env, text, row));
        });
        connect(name, &QLineEdit::editingFinished, this, [this, row] { commitName(row); });
        auto *type = new QComboBox;
        type->addItem(tr("Text"), QStringLiteral("string"));
        type->addItem(tr("Number"), QStringLiteral("number"));
        type->setCurrentIndex(v.type == "number" ? 1 : 0);
        connect(type, &QComboBox::activated, this, [this, row, type] { changeType(row, type->currentData().toString()); });
        auto *value = new QLineEdit(valueText(v.value));
        value->setPlaceholderText(tr("(empty)"));
        value->setToolTip(v.type == "number" ? tr("The default value, a number") : tr("The default value, text"));
        connect(value, &QLineEdit::editingFinished, this, [this, row] { commitValue(row); });
        auto *description = new QLineEdit(QString::fromStdString(v.description));
        description->setPlaceholderText(tr("What it sets (optional)"));
        connect(description, &QLineEdit::textEdited, this, [this, row](const QString &text) {
            change(row, "description", [&](engine::EnvSpec &spec) { spec.description = text.toStdString(); }, true);
        });
        auto *remove = new QToolButton;
        remove->setText(QStringLiteral("✕"));
        remove->setAutoRaise(true);
        remove->setToolTip(tr("Remove the environment variable %1").arg(QString::fromStdString(v.name)));
        connect(remove, &QToolButton::clicked, this, [this, row] { removeVariable(row); });
        QWidget *cells[] = {name, type, value, description, remove};
        for (int c = 0; c < 5; ++c) {
            cells[c]->setObjectName(QString::fromLatin1(kColumns[c]));
            m_table->setCellWidget(row, c, cells[c]);
        }
    }
    m_table->resizeRowsToContents();
}

void EnvironmentVariablesEditor::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void EnvironmentVariablesEditor::change(int row, const QString &what, const std::function<void(engine::EnvSpec &)> &edit,
                                        bool merge)
{
    auto env = m_doc->workflow().env;
    if (row < 0 || row >= static_cast<int>(env.size()))
        return;
    engine::EnvSpec &v = env[static_cast<std::size_t>(row)];
    const QString text = tr("Edit environment variable %1").arg(QString::fromStdString(v.name));
    edit(v);
    m_applying = true;
    m_doc->undoStack()->push(new SetEnvCommand(m_doc, std::move(env), text,
                                               merge ? QStringLiteral("%1:%2").arg(what).arg(row) : QString()));
    m_applying = false;
}

QString EnvironmentVariablesEditor::nameProblem(const std::vector<engine::EnvSpec> &env, const QString &name, int row)
{
    if (name.isEmpty())
        return tr("An environment variable needs a name.");
    if (!QRegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,63}$").match(name).hasMatch())
        return tr("A name may hold letters, digits and _ only, starts with a letter or _, and has at most 64 characters.");
    for (int i = 0; i < static_cast<int>(env.size()); ++i)
        if (i != row && env[static_cast<std::size_t>(i)].name == name.toStdString())
            return tr("Another environment variable is already named '%1'.").arg(name);
    return {};
}

void EnvironmentVariablesEditor::commitName(int row)
{
    auto *edit = qobject_cast<QLineEdit *>(cell(row, "name"));
    const auto &env = m_doc->workflow().env;
    if (!edit || row >= static_cast<int>(env.size()))
        return;
    const QString name = edit->text().trimmed();
    const QString why = nameProblem(env, name, row);
    if (!why.isEmpty() || name.toStdString() == env[static_cast<std::size_t>(row)].name) {
        showProblem(why);
        return;
    }
    change(row, "name", [&](engine::EnvSpec &spec) { spec.name = name.toStdString(); }, false);
    edit->setToolTip(tr("Read as {{env.%1}}").arg(name));
    showProblem(looksSecret(name) ? tr("'%1' sounds like a secret. If it is one, remove it here, keep it in the keychain "
                                       "and write {{secret.%1}}.").arg(name)
                                  : QString());
}

void EnvironmentVariablesEditor::commitValue(int row)
{
    auto *edit = qobject_cast<QLineEdit *>(cell(row, "value"));
    const auto &env = m_doc->workflow().env;
    if (!edit || row >= static_cast<int>(env.size()))
        return;
    const engine::EnvSpec &v = env[static_cast<std::size_t>(row)];
    QString why;
    nlohmann::json value = valueOf(edit->text(), v.type, &why);
    if (!why.isEmpty())
        why = tr("The value of %1: %2").arg(QString::fromStdString(v.name), why);
    showProblem(why);
    if (!why.isEmpty() || value == v.value)
        return;
    change(row, "value", [&](engine::EnvSpec &spec) { spec.value = std::move(value); }, false);
}

void EnvironmentVariablesEditor::changeType(int row, const QString &type)
{
    change(row, "type", [&](engine::EnvSpec &spec) {
        spec.type = type.toStdString();
        QString why;  // a value that fits the new type stays ("3" becomes 3, 3 becomes "3")
        const nlohmann::json kept = valueOf(valueText(spec.value), spec.type, &why);
        spec.value = why.isEmpty() ? kept : nlohmann::json();
    }, false);
    QTimer::singleShot(0, this, [this] { reload(); });  // the box sending this is one of the cells
}

void EnvironmentVariablesEditor::addVariable()
{
    auto env = m_doc->workflow().env;
    engine::EnvSpec v;
    for (int k = 1; v.name.empty() || !nameProblem(env, QString::fromStdString(v.name), -1).isEmpty(); ++k)
        v.name = "SETTING_" + std::to_string(k);
    const QString text = tr("Add environment variable %1").arg(QString::fromStdString(v.name));
    env.push_back(std::move(v));
    m_applying = true;
    m_doc->undoStack()->push(new SetEnvCommand(m_doc, std::move(env), text));
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

void EnvironmentVariablesEditor::removeVariable(int row)
{
    auto env = m_doc->workflow().env;
    if (row < 0 || row >= static_cast<int>(env.size()))
        return;
    const QString name = QString::fromStdString(env[static_cast<std::size_t>(row)].name);
    env.erase(env.begin() + row);
    m_applying = true;
    m_doc->undoStack()->push(new SetEnvCommand(m_doc, std::move(env), tr("Remove environment variable %1").arg(name)));
    m_applying = false;
    showProblem({});
    // After the click that asked: the button sending it is one of the cells rebuilt.
    QTimer::singleShot(0, this, [this] { reload(); });
}

} // namespace studio
} // namespace flowdeck
