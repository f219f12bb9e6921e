#include "engine/knowledge/parse/documentparser.h"

#include "engine/knowledge/parse/formatparsers.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <new>

namespace flowdeck::engine {
namespace docparse {

Diagnostic parseFailure(std::string code, std::string message, std::vector<std::string> args)
{
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

Diagnostic damagedFailure(const ParseContext &context, const std::string &kind)
{
    return parseFailure("document-damaged", "'" + context.name + "' is not " + kind + " file or is damaged.",
                        {context.name, kind});
}

Diagnostic cancelledFailure(const ParseContext &context)
{
    return parseFailure("document-cancelled", "Reading '" + context.name + "' was cancelled.", {context.name});
}

std::string columnLetters(int column)
{
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
}

std::string tableRowText(const std::vector<std::string> &headers, const std::vector<std::string> &cells)
{
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string value = collapseWhitespace(cells[i]);
        if (value.empty())
            continue;
        std::string header = i < headers.size() ? collapseWhitespace(headers[i]) : std::string();
        if (header.empty())
            header = "Column " + columnLetters(int(i));
        if (!text.empty())
            text += "; ";
        text += header + ": " + value;
    }
    return text;
}

static bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string collapseWhitespace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

std::string trimmed(std::string_view text)
{
    std::size_t begin = 0, end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> HeadingTrail::enter(int level, const std::string &text)
{
    while (!m_open.empty() && m_open.back().first >= level)
        m_open.pop_back();
    std::vector<std::string> parents = path();
    m_open.emplace_back(level, text);
    return parents;
}

std::vector<std::string> HeadingTrail::path() const
{
    std::vector<std::string> texts;
    texts.reserve(m_open.size());
    for (const auto &[level, text] : m_open)
        texts.push_back(text);
    return texts;
}

void addSection(ParsedDocument &document, SourceSection::Kind kind, std::string text, SourceLocation location,
                int headingLevel)
{
    if (trimmed(text).empty())
        return;
    SourceSection section;
    section.kind = kind;
    section.headingLevel = kind == SourceSection::Kind::Heading ? std::clamp(headingLevel, 1, 6) : 0;
    section.text = std::move(text);
    section.location = std::move(location);
    document.sections.push_back(std::move(section));
}

void addTableRows(ParsedDocument &document, const std::vector<std::vector<std::string>> &rows,
                  const SourceLocation &location)
{
    if (rows.size() == 1) {
        std::string text;
        for (const std::string &cell : rows.front())
            text += (text.empty() || cell.empty() ? "" : " ") + cell;
        addSection(document, SourceSection::Kind::Paragraph, text, location);
    }
    for (std::size_t r = 1; r < rows.size(); ++r)
        addSection(document, SourceSection::Kind::TableRow, tableRowText(rows.front(), rows[r]), location);
}

} // namespace docparse

using namespace docparse;

static Diagnostic tooLargeFailure(const ParseContext &context)
{
    const std::string limit = std::to_string((context.options.maxFileBytes + (1 << 20) - 1) >> 20);
    return parseFailure("document-too-large",
                        "'" + context.name + "' is larger than " + limit + " MB, the largest file a knowledge base reads.",
                        {context.name, limit});
}

std::string documentTypeFor(const std::filesystem::path &path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".txt" || extension == ".text")
        return "txt";
    if (extension == ".md" || extension == ".markdown")
        return "md";
    if (extension == ".html" || extension == ".htm" || extension == ".xhtml")
        return "html";
    if (extension == ".csv" || extension == ".tsv")
        return "csv";
    if (extension == ".xlsm")
        return "xlsx";
    for (const char *type : {".pdf", ".docx", ".xlsx", ".pptx"})
        if (extension == type)
            return extension.substr(1);
    return {};
}

static ParseResult dispatch(std::string_view bytes, const std::string &type, const ParseContext &context)
{
    if (bytes.size() > context.options.maxFileBytes)
        return ParseResult::failure(tooLargeFailure(context));
    using Parser = ParseResult (*)(std::string_view, const ParseContext &);
    static const std::pair<const char *, Parser> parsers[] = {
        {"txt", parseText}, {"md", parseMarkdown}, {"html", parseHtml}, {"url", parseHtml},
        {"pdf", parsePdf},  {"docx", parseDocx},   {"xlsx", parseXlsx}, {"csv", parseCsv},
        {"pptx", parsePptx},
    };
    for (const auto &[name, parser] : parsers) {
        if (type != name)
            continue;
        ParseResult result = parser(bytes, context);
        if (result.ok()) {
            result->type = type;
            if (result->sections.empty()) {
                std::string why = result->warnings.empty() ? std::string() : " " + result->warnings.front();
                return ParseResult::failure(parseFailure(
                    "document-empty", "'" + context.name + "' contains no text that could be read." + why,
                    {context.name}));
            }
        }
        return result;
    }
    return ParseResult::failure(parseFailure(
        "document-unsupported-type",
        "'" + context.name + "' cannot be read: files of type '" + type +
            "' are not supported (supported: txt, md, html, pdf, docx, xlsx, csv, pptx).",
        {context.name, type}));
}

static ParseResult guarded(std::string_view bytes, const std::string &type, const ParseContext &context)
{
    // The libraries underneath (pugixml, poppler) may throw; nothing leaves as an exception.
    try {
        return dispatch(bytes, type, context);
    } catch (const std::bad_alloc &) {
        return ParseResult::failure(parseFailure(
            "document-too-large", "'" + context.name + "' needs more memory to read than is available.",
            {context.name}));
    } catch (const std::exception &e) {
        return ParseResult::failure(parseFailure(
            "document-damaged", "'" + context.name + "' could not be read: " + e.what() + ".",
            {context.name, e.what()}));
    } catch (...) {
        return ParseResult::failure(damagedFailure(context, "a readable"));
    }
}

Result<ParsedDocument> parseDocumentBytes(std::string_view bytes, const std::string &type,
                                          const ParseOptions &options)
{
    const ParseContext context{options.name.empty() ? std::string("the document") : options.name, options};
    return guarded(bytes, type, context);
}

Result<ParsedDocument> parseDocumentFile(const std::filesystem::path &path, const ParseOptions &options)
{
    const ParseContext context{path.filename().string(), options};
    const std::string type = documentTypeFor(path);
    if (type.empty())
        return ParseResult::failure(parseFailure(
            "document-unsupported-type",
            "'" + context.name +
                "' cannot be read: its type is not supported (supported: txt, md, html, pdf, docx, xlsx, csv, pptx).",
            {context.name}));
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > options.maxFileBytes)
        return ParseResult::failure(tooLargeFailure(context));
    std::ifstream in(path, std::ios::binary);
    std::string bytes;
    if (in && !error) {
        try {
            bytes.resize(std::size_t(size));
            in.read(bytes.data(), std::streamsize(size));
            bytes.resize(std::size_t(in.gcount()));
        } catch (const std::exception &) {
            return ParseResult::failure(tooLargeFailure(context));
        }
    }
    if (!in && !in.eof())
        return ParseResult::failure(parseFailure(
            "document-unreadable-file", "'" + context.name + "' could not be opened: check that it exists and can be read.",
            {context.name, path.string()}));
    return guarded(bytes, type, context);
}

} // namespace flowdeck::engine
