#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace flowdeck::studio {

// Colours a code node's body: keywords, built-in names, strings, comments and numbers,
// for Python 3 ("python3") or JavaScript ("javascript"). Triple-quoted Python strings
// and /* */ comments may span lines. Colours suit the palette (light or dark).
class CodeHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit CodeHighlighter(QTextDocument *document, const QString &language = QStringLiteral("python3"));
    void setLanguage(const QString &language);
    const QString &language() const { return m_language; }

    // What a character at `position` of `block` is drawn as: keyword, builtin, string,
    // comment, number, or empty for plain text (for tests and tooltips).
    static QString kindAt(const QTextBlock &block, int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    // A span that may run on to the next lines: its opening and closing delimiters.
    struct Span {
        QString open;
        QString close;
        QTextCharFormat format;
    };

    void buildRules();
    // Colours one line's spans (strings, comments) and returns where each one is, so the
    // word rules leave them alone.
    QList<QPair<int, int>> highlightSpans(const QString &text);

    QString m_language;
    std::vector<Rule> m_rules;
    std::vector<Span> m_spans;          // multi-line: Python's """ and ''', JavaScript's /* */
    QRegularExpression m_lineComment;   // # or //
    QRegularExpression m_quoted;        // one-line strings (and JavaScript template strings)
    QTextCharFormat m_stringFormat;
    QTextCharFormat m_commentFormat;
};

} // namespace flowdeck::studio
