#include "widgets/debug/jsoneditdialog.h"

#include "engine/core/jsonread.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

QPlainTextEdit *jsonView(const nlohmann::json &value, bool readOnly)
{
    auto *view = new QPlainTextEdit;
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setReadOnly(readOnly);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setPlainText(QString::fromStdString(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
    return view;
}

} // namespace

JsonEditDialog::JsonEditDialog(const QString &title, const QString &intro, const nlohmann::json &value, const QString &okText,
                               Check check, QWidget *parent)
    : QDialog(parent), m_check(std::move(check))
{
    setWindowTitle(title);
    auto *introLabel = new QLabel(intro);
    introLabel->setWordWrap(true);
    m_referenceLabel = new QLabel;
    m_reference = jsonView(nlohmann::json(), true);
    m_reference->setObjectName("reference");
    auto *referenceBox = new QWidget;
    auto *referenceLayout = new QVBoxLayout(referenceBox);
    referenceLayout->setContentsMargins(0, 0, 0, 0);
    referenceLayout->addWidget(m_referenceLabel);
    referenceLayout->addWidget(m_reference);
    referenceBox->hide();
    m_editor = jsonView(value, false);
    m_editor->setObjectName("json");
    m_editLabel = new QLabel;
    m_editLabel->hide();
    auto *editBox = new QWidget;
    auto *editLayout = new QVBoxLayout(editBox);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(m_editLabel);
    editLayout->addWidget(m_editor);
    auto *split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(referenceBox);
    split->addWidget(editBox);
    split->setStretchFactor(1, 2);
    m_problem = new QLabel;
    m_problem->setObjectName("problem");
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName("ok");
    m_ok->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(split, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(620, 520);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonEditDialog::validate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (!m_ok->isEnabled())
            return;
        emit accepted(m_value);
        accept();
    });
    validate();
}

void JsonEditDialog::setReference(const QString &label, const nlohmann::json &value)
{
    m_referenceLabel->setText(label);
    m_reference->setPlainText(QString::fromStdString(value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
    m_reference->parentWidget()->show();
}

void JsonEditDialog::setEditLabel(const QString &label)
{
    m_editLabel->setText(label);
    m_editLabel->setVisible(!label.isEmpty());
}

void JsonEditDialog::validate()
{
    engine::JsonReadError error;
    const std::string text = m_editor->toPlainText().toStdString();
    m_value = engine::parseJson(text, &error);
    QString why;
    if (m_value.is_discarded()) {
        why = tr("This is not valid JSON (line %1, column %2).").arg(error.line).arg(error.column);
    } else if (m_check) {
        why = m_check(m_value);
    }
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_ok->setEnabled(why.isEmpty());
}

} // namespace studio
} // namespace flowdeck
