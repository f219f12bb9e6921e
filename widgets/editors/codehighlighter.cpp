#include "widgets/editors/codehighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>
#include <QTextLayout>

namespace flowdeck::studio {

namespace {

constexpr int kKindProperty = QTextFormat::UserProperty + 1;

const char *kPythonKeywords[] = {"False", "None",   "True",   "and",    "as",     "assert", "async", "await", "break",
                                 "case",  "class",  "continue", "def",  "del",    "elif",   "else",  "except", "finally",
                                 "for",   "from",   "global", "if",     "import", "in",     "is",    "lambda", "match",
                                 "nonlocal", "not", "or",     "pass",   "raise",  "return", "try",   "while",  "with", "yield"};
const char *kPythonBuiltins[] = {"abs",   "all",   "any",  "bool",  "dict",    "enumerate", "filter", "float", "int",
                                 "isinstance", "len", "list", "map", "max",   "min",       "print",  "range", "reversed",
                                 "round", "self",  "set",  "sorted", "str",   "sum",       "tuple",  "type",  "zip"};
const char *kJsKeywords[] = {"async",  "await",   "break",    "case",  "catch",     "class",  "const",  "continue",
                             "debugger", "default", "delete", "do",    "else",      "export", "extends", "false",
                             "finally", "for",    "function", "if",    "import",    "in",     "instanceof", "let",
                             "new",    "null",    "of",       "return", "super",    "switch", "this",   "throw",
                             "true",   "try",     "typeof",   "undefined", "var",   "void",   "while",  "yield"};
const char *kJsBuiltins[] = {"Array",  "Boolean", "Date",    "JSON",     "Map",   "Math",       "Number",  "Object",
                             "Promise", "RegExp", "Set",     "String",   "console", "isNaN",   "parseFloat", "parseInt"};

template <std::size_t N>
QString wordsPattern(const char *(&words)[N])
{
    QStringList list;
    for (const char *w : words)
        list << QString::fromLatin1(w);
    return QStringLiteral("\\b(?:%1)\\b").arg(list.join('|'));
}

QTextCharFormat kindFormat(const QString &kind, const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    f.setProperty(kKindProperty, kind);
    return f;
}

bool covered(const QList<QPair<int, int>> &spans, int at)
{
    for (const auto &[start, end] : spans)
        if (at >= start && at < end)
            return true;
    return false;
}

} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument *document, const QString &language) : QSyntaxHighlighter(document)
{
    m_language = language;
    buildRules();
}

void CodeHighlighter::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    buildRules();
    rehighlight();
}

void CodeHighlighter::buildRules()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const QTextCharFormat keyword = kindFormat("keyword", dark ? QColor("#cc7832") : QColor("#0033b3"), true);
    const QTextCharFormat builtin = kindFormat("builtin", dark ? QColor("#b392f0") : QColor("#871094"));
    const QTextCharFormat number = kindFormat("number", dark ? QColor("#6897bb") : QColor("#1750eb"));
    m_stringFormat = kindFormat("string", dark ? QColor("#8fbf6a") : QColor("#067d17"));
    m_commentFormat = kindFormat("comment", dark ? QColor("#8a8a8a") : QColor("#8c8c8c"), false, true);
    const bool python = m_language != QLatin1String("javascript");
    m_rules.clear();
    m_rules.push_back({QRegularExpression(python ? wordsPattern(kPythonKeywords) : wordsPattern(kJsKeywords)), keyword});
    m_rules.push_back({QRegularExpression(python ? wordsPattern(kPythonBuiltins) : wordsPattern(kJsBuiltins)), builtin});
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b(?:0[xXoObB][0-9a-fA-F_]+|\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\b")), number});
    m_spans.clear();
    if (python) {
        m_spans.push_back({QStringLiteral("\"\"\""), QStringLiteral("\"\"\""), m_stringFormat});
        m_spans.push_back({QStringLiteral("'''"), QStringLiteral("'''"), m_stringFormat});
    } else {
        m_spans.push_back({QStringLiteral("/*"), QStringLiteral("*/"), m_commentFormat});
        m_spans.push_back({QStringLiteral("`"), QStringLiteral("`"), m_stringFormat});
    }
    m_lineComment = QRegularExpression(python ? QStringLiteral("#") : QStringLiteral("//"));
}

QList<QPair<int, int>> CodeHighlighter::highlightSpans(const QString &text)
{
    QList<QPair<int, int>> spans;
    const int length = static_cast<int>(text.size());
    int i = 0;
    // A span left open on the line before goes on here.
    if (const int open = previousBlockState(); open >= 0 && open < static_cast<int>(m_spans.size())) {
        const Span &span = m_spans[static_cast<std::size_t>(open)];
        const int end = static_cast<int>(text.indexOf(span.close));
        if (end < 0) {
            setFormat(0, length, span.format);
            setCurrentBlockState(open);
            spans.append({0, length});
            return spans;
        }
        i = end + static_cast<int>(span.close.size());
        setFormat(0, i, span.format);
        spans.append({0, i});
    }
    setCurrentBlockState(-1);
    while (i < length) {
        bool opened = false;
        for (std::size_t s = 0; s < m_spans.size() && !opened; ++s) {
            const Span &span = m_spans[s];
            if (!QStringView(text).mid(i).startsWith(span.open))
                continue;
            opened = true;
            const int from = i + static_cast<int>(span.open.size());
            const int end = static_cast<int>(text.indexOf(span.close, from));
            if (end < 0) {  // runs on to the next line
                setFormat(i, length - i, span.format);
                spans.append({i, length});
                setCurrentBlockState(static_cast<int>(s));
                return spans;
            }
            const int stop = end + static_cast<int>(span.close.size());
            setFormat(i, stop - i, span.format);
            spans.append({i, stop});
            i = stop;
        }
        if (opened)
            continue;
        if (m_lineComment.match(text, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption).hasMatch()) {
            setFormat(i, length - i, m_commentFormat);
            spans.append({i, length});
            return spans;
        }
        const QChar c = text.at(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < length && text.at(j) != c)
                j += text.at(j) == '\\' ? 2 : 1;
            const int stop = std::min(length, j + 1);
            setFormat(i, stop - i, m_stringFormat);
            spans.append({i, stop});
            i = stop;
            continue;
        }
        ++i;
    }
    return spans;
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    const QList<QPair<int, int>> spans = highlightSpans(text);
    for (const Rule &rule : m_rules) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            if (!covered(spans, static_cast<int>(m.capturedStart())))
                setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), rule.format);
        }
    }
}

QString CodeHighlighter::kindAt(const QTextBlock &block, int position)
{
    if (!block.layout())
        return {};
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (position >= range.start && position < range.start + range.length)
            return range.format.property(kKindProperty).toString();
    return {};
}

} // namespace flowdeck::studio
