#pragma once

#include <QPlainTextEdit>

namespace flowdeck::studio {

class CodeHighlighter;

// The text editor of a code node's body: a monospace font, line numbers in a gutter,
// syntax colours for Python or JavaScript, Tab indenting by four spaces (Shift+Tab
// takes them back), a new line keeping the indentation (one level more after ":" or
// "{"), and Ctrl+Enter asking to run the code with the sample input.
class CodeEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kIndent = 4;

    explicit CodeEdit(QWidget *parent = nullptr);
    void setLanguage(const QString &language);  // "python3" or "javascript"
    CodeHighlighter *highlighter() const { return m_highlighter; }
    QWidget *lineNumbers() const { return m_gutter; }
    int gutterWidth() const;

signals:
    void runRequested();  // Ctrl+Enter

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class CodeGutter;
    void paintGutter(QPaintEvent *event);
    void indentSelection(bool back);
    void newLine();

    QWidget *m_gutter;
    CodeHighlighter *m_highlighter;
};

} // namespace flowdeck::studio
