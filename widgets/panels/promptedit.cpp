#include "widgets/panels/promptedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>

namespace flowdeck {
namespace studio {

PromptEdit::PromptEdit(Candidates candidates, QWidget *parent) : QPlainTextEdit(parent), m_candidates(std::move(candidates))
{
    m_model = new QStringListModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &PromptEdit::insertChoice);
}

QString PromptEdit::openReference() const
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
    const QString before = cursor.selectedText();
    const int open = static_cast<int>(before.lastIndexOf("{{"));
    if (open < 0 || before.indexOf("}}", open) >= 0)
        return QString();
    const QString typed = before.mid(open + 2);
    return typed.contains(' ') ? QString() : QString(typed.isNull() ? QStringLiteral("") : typed);
}

void PromptEdit::insertChoice(const QString &choice)
{
    const QString typed = openReference();
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, static_cast<int>(typed.size()));
    cursor.insertText(choice + "}}");
    setTextCursor(cursor);
}

void PromptEdit::setSingleLine(bool on)
{
    m_singleLine = on;
    setLineWrapMode(on ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    setVerticalScrollBarPolicy(on ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(on ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    const int height = fontMetrics().lineSpacing() + 2 * (frameWidth() + static_cast<int>(document()->documentMargin())) + 2;
    if (on)
        setFixedHeight(height);
    else
        setMaximumHeight(QWIDGETSIZE_MAX);
    setTabChangesFocus(true);
}

void PromptEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_singleLine && !m_completer->popup()->isVisible() &&
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        event->ignore();  // a dialog's default button, if any, takes it
        return;
    }
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
            event->ignore();  // the popup takes these
            return;
        default: break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = openReference();
    if (typed.isNull()) {
        m_completer->popup()->hide();
        return;
    }
    if (!m_completer->popup()->isVisible())
        m_model->setStringList(m_candidates());
    m_completer->setCompletionPrefix(typed);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect at = cursorRect();
    at.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(at);
}

} // namespace studio
} // namespace flowdeck
