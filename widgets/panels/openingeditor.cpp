#include "widgets/panels/openingeditor.h"

#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {
namespace studio {

namespace {

// A suggestion as the file keeps it: one line (a pasted line break becomes a space), trimmed.
std::string oneLine(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    for (const QChar breaking : {QChar('\n'), QChar('\r'), QChar(0x2028), QChar(0x2029)})
        text.replace(breaking, QLatin1Char(' '));
    return text.trimmed().toStdString();
}

} // namespace

OpeningEditor::OpeningEditor(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    setObjectName("openingEditor");
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_modeNote = new QLabel(tr("Only chat apps greet their users: this app is a workflow, which runs once per request "
                               "without a conversation, so it has no opening."));
    m_modeNote->setObjectName("openingModeNote");
    m_modeNote->setWordWrap(true);
    layout->addWidget(m_modeNote);
    m_body = new QWidget;
    m_body->setObjectName("openingBody");
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("What the assistant says before the first message of a conversation, and questions the "
                                "user can send with a click to begin. Both are shown as written, as plain text."));
    intro->setWordWrap(true);
    body->addWidget(intro);
    body->addWidget(new QLabel(tr("Opening statement")));
    m_text = new QPlainTextEdit;
    m_text->setObjectName("openingText");
    m_text->setPlaceholderText(tr("Hello! I can help with your orders. What would you like to know?"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(96);
    body->addWidget(m_text);
    body->addWidget(new QLabel(tr("Suggested questions")));
    m_rows = new QWidget;
    m_rows->setObjectName("openingSuggestions");
    m_rowsLayout = new QVBoxLayout(m_rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    auto *rowsHost = new QWidget;  // the rows at the top, the room below them empty
    auto *rowsHostLayout = new QVBoxLayout(rowsHost);
    rowsHostLayout->setContentsMargins(0, 0, 0, 0);
    rowsHostLayout->addWidget(m_rows);
    rowsHostLayout->addStretch(1);
    auto *scroll = new QScrollArea;  // ten questions do not make the dialog taller
    scroll->setWidget(rowsHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    body->addWidget(scroll, 1);
    m_limit = new QLabel;
    m_limit->setObjectName("openingLimit");
    m_limit->setWordWrap(true);
    m_limit->setStyleSheet(QStringLiteral("color: #d93f3f;"));
    m_limit->hide();
    body->addWidget(m_limit);
    m_add = new QPushButton(tr("+ Suggested question"));
    m_add->setObjectName("addSuggestion");
    m_add->setToolTip(tr("Add a question the user can send with a click"));
    body->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addWidget(m_body, 1);

    connect(m_add, &QPushButton::clicked, this, &OpeningEditor::addSuggestion);
    connect(m_text, &QPlainTextEdit::textChanged, this, &OpeningEditor::commitText);
    connect(doc, &GraphDocument::openingChanged, this, [this] {
        if (!m_applying)
            reload();
    });
    connect(doc, &GraphDocument::documentReset, this, &OpeningEditor::reload);
    reload();
}

int OpeningEditor::suggestionCount() const { return m_rowsLayout->count(); }

QLineEdit *OpeningEditor::suggestion(int row) const
{
    return m_rows->findChild<QLineEdit *>(QStringLiteral("suggestion:%1").arg(row));
}

QToolButton *OpeningEditor::removeButton(int row) const
{
    return m_rows->findChild<QToolButton *>(QStringLiteral("removeSuggestion:%1").arg(row));
}

void OpeningEditor::reload()
{
    const engine::Workflow &wf = m_doc->workflow();
    m_modeNote->setVisible(!wf.isChat());
    m_body->setEnabled(wf.isChat());
    m_loading = true;
    const QString text = QString::fromStdString(wf.opening.text);
    if (m_text->toPlainText() != text)
        m_text->setPlainText(text);
    m_textLimit.clear();
    while (QLayoutItem *item = m_rowsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const std::string &question : wf.opening.suggestions)
        addRow(QString::fromStdString(question));
    m_loading = false;
    updateLimits();
}

QLineEdit *OpeningEditor::addRow(const QString &text)
{
    const int row = m_rowsLayout->count();
    auto *line = new QWidget;
    auto *lineLayout = new QHBoxLayout(line);
    lineLayout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(text);
    edit->setObjectName(QStringLiteral("suggestion:%1").arg(row));
    edit->setMaxLength(kMaxSuggestionLength);
    edit->setPlaceholderText(tr("A question, in one line"));
    connect(edit, &QLineEdit::textEdited, this, [this, row] { commitSuggestions(row); });
    auto *remove = new QToolButton;
    remove->setObjectName(QStringLiteral("removeSuggestion:%1").arg(row));
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this suggested question"));
    connect(remove, &QToolButton::clicked, this, [this, row] { removeSuggestion(row); });
    lineLayout->addWidget(edit, 1);
    lineLayout->addWidget(remove);
    m_rowsLayout->addWidget(line);
    return edit;
}

void OpeningEditor::commitText()
{
    if (m_loading)
        return;
    QString text = m_text->toPlainText();
    m_textLimit.clear();
    if (text.size() >= kMaxTextLength) {
        m_textLimit = tr("The opening statement has at most %1 characters.").arg(kMaxTextLength);
        if (text.size() > kMaxTextLength) {  // typed or pasted past it: the end is left out
            int keep = kMaxTextLength;
            if (text.at(keep - 1).isHighSurrogate())  // never half a character
                --keep;
            text.truncate(keep);
            QTextCursor cursor = m_text->textCursor();
            const int at = std::min(cursor.position(), keep);
            m_loading = true;
            m_text->setPlainText(text);
            m_loading = false;
            cursor = m_text->textCursor();
            cursor.setPosition(at);
            m_text->setTextCursor(cursor);
        }
    }
    updateLimits();
    engine::OpeningSpec opening = m_doc->workflow().opening;
    opening.text = text.trimmed().isEmpty() ? std::string() : text.toStdString();
    if (opening == m_doc->workflow().opening)
        return;
    m_applying = true;
    m_doc->undoStack()->push(new SetOpeningCommand(m_doc, std::move(opening), tr("Edit the opening statement"),
                                                   QStringLiteral("text")));
    m_applying = false;
}

void OpeningEditor::commitSuggestions(int row)
{
    updateLimits();
    engine::OpeningSpec opening = m_doc->workflow().opening;
    const std::size_t before = opening.suggestions.size();
    opening.suggestions.clear();
    for (int i = 0; i < suggestionCount(); ++i)
        if (QLineEdit *edit = suggestion(i))
            if (std::string question = oneLine(edit->text()); !question.empty())
                opening.suggestions.push_back(std::move(question));
    if (opening == m_doc->workflow().opening)
        return;
    const QString text = opening.suggestions.size() > before ? tr("Add a suggested question") : tr("Edit a suggested question");
    m_applying = true;
    m_doc->undoStack()->push(new SetOpeningCommand(m_doc, std::move(opening), text, QStringLiteral("suggestion:%1").arg(row)));
    m_applying = false;
}

void OpeningEditor::addSuggestion()
{
    for (int i = 0; i < suggestionCount(); ++i)  // an empty row is there to be filled first
        if (QLineEdit *edit = suggestion(i); edit && oneLine(edit->text()).empty()) {
            edit->setFocus(Qt::OtherFocusReason);
            return;
        }
    if (suggestionCount() >= static_cast<int>(engine::OpeningSpec::kMaxSuggestions)) {
        updateLimits();
        return;
    }
    QLineEdit *edit = addRow({});
    updateLimits();
    QTimer::singleShot(0, edit, [edit] { edit->setFocus(Qt::OtherFocusReason); });  // once it is shown
}

void OpeningEditor::removeSuggestion(int row)
{
    QLineEdit *removed = suggestion(row);
    if (!removed)
        return;
    removed->clear();  // so the list below leaves it out
    engine::OpeningSpec opening = m_doc->workflow().opening;
    opening.suggestions.clear();
    for (int i = 0; i < suggestionCount(); ++i)
        if (QLineEdit *edit = suggestion(i))
            if (std::string question = oneLine(edit->text()); !question.empty())
                opening.suggestions.push_back(std::move(question));
    if (!(opening == m_doc->workflow().opening)) {
        m_applying = true;
        m_doc->undoStack()->push(new SetOpeningCommand(m_doc, std::move(opening), tr("Remove a suggested question")));
        m_applying = false;
    }
    // After the click that asked: the button sending it is in one of the rows built again.
    QTimer::singleShot(0, this, [this] { reload(); });
}

void OpeningEditor::updateLimits()
{
    QStringList reached;
    if (!m_textLimit.isEmpty())
        reached << m_textLimit;
    const int rows = suggestionCount();
    for (int i = 0; i < rows; ++i)
        if (QLineEdit *edit = suggestion(i); edit && edit->text().size() >= kMaxSuggestionLength) {
            reached << tr("A suggested question has at most %1 characters.").arg(kMaxSuggestionLength);
            break;
        }
    const bool full = rows >= static_cast<int>(engine::OpeningSpec::kMaxSuggestions);
    if (full)
        reached << tr("At most %1 suggested questions.").arg(static_cast<int>(engine::OpeningSpec::kMaxSuggestions));
    m_add->setEnabled(!full);
    m_limit->setText(reached.join(QLatin1Char(' ')));
    m_limit->setVisible(!reached.isEmpty());
}

} // namespace studio
} // namespace flowdeck
