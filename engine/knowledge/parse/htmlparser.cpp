// HTML pages with libxml2's forgiving HTML parser: headings with their paths, block text
// as paragraphs, tables as rows with their header; scripts, styles and page chrome
// (nav, footer) left out. The tree is walked without recursion.
#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/textencoding.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

namespace flowdeck::engine::docparse {
namespace {

// libxml2 stops building the tree at 256 levels and drops what is deeper: a page nested
// that far is refused instead of being read in part.
constexpr int kMaxHtmlDepth = 250;

bool named(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->name &&
           xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

bool namedAny(const xmlNode *node, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char *name) { return named(node, name); });
}

bool isDropped(const xmlNode *node)
{
    return namedAny(node, {"script", "style", "nav", "footer", "noscript", "template", "svg", "iframe", "head",
                           "button", "select"});
}

bool isBlock(const xmlNode *node)
{
    return namedAny(node, {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article",
                           "main", "header", "aside", "figure", "figcaption", "address", "br", "hr", "tr", "td",
                           "th", "table", "caption", "form", "fieldset", "details", "summary", "body", "center"});
}

int headingLevelOf(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE || !node->name || std::strlen(reinterpret_cast<const char *>(node->name)) != 2)
        return 0;
    const char *name = reinterpret_cast<const char *>(node->name);
    return (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' ? name[1] - '0' : 0;
}

// Calls enter(node, depth) for `root` and its descendants in document order and leave(node)
// after each; enter returns whether to go into the node's children. False when the tree
// is deeper than kMaxHtmlDepth.
template <typename Enter, typename Leave>
bool walk(xmlNode *root, Enter enter, Leave leave)
{
    xmlNode *node = root;
    int depth = 0;
    while (node) {
        if (enter(node) && node->children) {
            if (++depth > kMaxHtmlDepth)
                return false;
            node = node->children;
            continue;
        }
        while (node) {
            leave(node);
            if (node == root) {
                node = nullptr;
            } else if (node->next) {
                node = node->next;
                break;
            } else {
                node = node->parent;
                --depth;
            }
        }
    }
    return true;
}

// The text under `node`; whitespace collapsed unless `preformatted`. Blocks inside end with a space.
std::string textUnder(xmlNode *node, bool preformatted)
{
    std::string text;
    walk(
        node,
        [&](xmlNode *n) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                if (n->content)
                    text += reinterpret_cast<const char *>(n->content);
                return false;
            }
            return n->type == XML_ELEMENT_NODE && !isDropped(n);
        },
        [&](xmlNode *n) {
            if (n != node && isBlock(n))
                text += named(n, "br") && preformatted ? "\n" : " ";
        });
    return preformatted ? trimmed(text) : collapseWhitespace(text);
}

class HtmlReader {
public:
    ParsedDocument document;
    bool tooDeep = false;

    void read(xmlNode *root)
    {
        tooDeep = !walk(
            root, [this](xmlNode *n) { return enter(n); }, [this](xmlNode *n) { leave(n); });
        flush();
    }

private:
    bool enter(xmlNode *node)
    {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content)
                m_paragraph += reinterpret_cast<const char *>(node->content);
            return false;
        }
        if (node->type != XML_ELEMENT_NODE)
            return false;
        if (named(node, "head") || named(node, "title")) {
            for (xmlNode *child = named(node, "title") ? node : node->children; child; child = child->next)
                if (named(child, "title") && document.title.empty())
                    document.title = textUnder(child, false);
            return false;
        }
        if (isDropped(node))
            return false;
        if (isBlock(node))
            flush();
        if (int level = headingLevelOf(node)) {
            flush();
            const std::string text = textUnder(node, false);
            SourceLocation location;
            if (!text.empty())
                location.headingPath = m_trail.enter(level, text);
            addSection(document, SourceSection::Kind::Heading, text, std::move(location), level);
            return false;
        }
        if (named(node, "pre")) {
            flush();
            addSection(document, SourceSection::Kind::Paragraph, textUnder(node, true), here());
            return false;
        }
        if (named(node, "table")) {
            readTable(node);
            return false;
        }
        return true;
    }

    void leave(xmlNode *node)
    {
        if (isBlock(node))
            flush();
    }

    SourceLocation here() const
    {
        SourceLocation location;
        location.headingPath = m_trail.path();
        return location;
    }

    void flush()
    {
        addSection(document, SourceSection::Kind::Paragraph, collapseWhitespace(m_paragraph), here());
        m_paragraph.clear();
    }

    // The table's own rows (not those of a table inside a cell).
    void readTable(xmlNode *table)
    {
        std::vector<std::vector<std::string>> rows;
        walk(
            table,
            [&](xmlNode *n) {
                if (n->type != XML_ELEMENT_NODE || isDropped(n) || (n != table && named(n, "table")))
                    return false;
                if (!named(n, "tr"))
                    return true;
                std::vector<std::string> cells;
                for (xmlNode *cell = n->children; cell; cell = cell->next)
                    if (namedAny(cell, {"td", "th"}))
                        cells.push_back(textUnder(cell, false));
                if (std::any_of(cells.begin(), cells.end(), [](const std::string &c) { return !c.empty(); }))
                    rows.push_back(std::move(cells));
                return false;
            },
            [](xmlNode *) {});
        addTableRows(document, rows, here());
    }

    HeadingTrail m_trail;
    std::string m_paragraph;
};

// Bytes for libxml2 to read as `encoding`: UTF-8 when they are, the page's own <meta
// charset> otherwise, and GB18030 when a page without one is not UTF-8.
const char *encodingFor(std::string_view bytes)
{
    if (isValidUtf8(bytes))
        return "UTF-8";
    std::string head(bytes.substr(0, 4096));
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return head.find("charset") != std::string::npos ? nullptr : "GB18030";
}

} // namespace

ParseResult parseHtml(std::string_view bytes, const ParseContext &context)
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { xmlInitParser(); });
    if (bytes.size() > std::size_t(INT_MAX))
        return ParseResult::failure(damagedFailure(context, "an HTML"));
    const std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        htmlReadMemory(bytes.data(), int(bytes.size()), nullptr, encodingFor(bytes),
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER),
        xmlFreeDoc);
    xmlNode *root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root)
        return ParseResult::failure(damagedFailure(context, "an HTML"));
    HtmlReader reader;
    reader.read(root);
    if (reader.tooDeep)
        return ParseResult::failure(parseFailure(
            "document-too-deep",
            "'" + context.name + "' is nested more than " + std::to_string(kMaxHtmlDepth) +
                " elements deep and cannot be read.",
            {context.name, std::to_string(kMaxHtmlDepth)}));
    return std::move(reader.document);
}

} // namespace flowdeck::engine::docparse
