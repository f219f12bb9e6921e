#include "widgets/editors/codeedit.h"

#include "widgets/editors/codehighlighter.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>

namespace flowdeck::studio {

// The line-number gutter: drawn by the editor, beside its viewport.
class CodeGutter : public QWidget {
public:
    explicit CodeGutter(CodeEdit *editor) : QWidget(editor), m_editor(editor) { setObjectName("lineNumbers"); }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    CodeEdit *m_editor;
};

CodeEdit::CodeEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * kIndent);
    m_gutter = new CodeGutter(this);
    m_highlighter = new CodeHighlighter(document());
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEdit::setLanguage(const QString &language) { m_highlighter->setLanguage(language); }

int CodeEdit::gutterWidth() const
{
    const int digits = static_cast<int>(QString::number(std::max(1, blockCount())).size());
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, digits);
}

void CodeEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(block.blockNumber() == current ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 5, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

void CodeEdit::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && control) {
        emit runRequested();
        return;
    }
    if (event->key() == Qt::Key_Tab && !control) {
        indentSelection(false);
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentSelection(true);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !(event->modifiers() & Qt::ShiftModifier)) {
        newLine();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeEdit::indentSelection(bool back)
{
    QTextCursor cursor = textCursor();
    const QString spaces(kIndent, QLatin1Char(' '));
    if (!back && !cursor.hasSelection()) {
        // Up to the next multiple of four columns.
        const int column = cursor.positionInBlock();
        cursor.insertText(QString(kIndent - column % kIndent, QLatin1Char(' ')));
        return;
    }
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlock(cursor.selectionStart());
    QTextBlock last = doc->findBlock(cursor.selectionEnd());
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();  // a selection ending at a line's start leaves that line alone
    cursor.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        QTextCursor line(b);
        if (back) {
            const QString text = b.text();
            int n = 0;
            while (n < kIndent && n < text.size() && text.at(n) == QLatin1Char(' '))
                ++n;
            line.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, n);
            line.removeSelectedText();
        } else {
            line.insertText(spaces);
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

void CodeEdit::newLine()
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    int indent = 0;
    while (indent < before.size() && before.at(indent) == QLatin1Char(' '))
        ++indent;
    const QString trimmed = before.trimmed();
    const bool opens = trimmed.endsWith(QLatin1Char(':')) || trimmed.endsWith(QLatin1Char('{')) ||
                       trimmed.endsWith(QLatin1Char('(')) || trimmed.endsWith(QLatin1Char('['));
    cursor.insertText(QLatin1Char('\n') + QString(indent + (opens ? kIndent : 0), QLatin1Char(' ')));
    setTextCursor(cursor);
}

} // namespace flowdeck::studio
