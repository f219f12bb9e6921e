// Excel (.xlsx): each sheet apart, in workbook order. Cell text is kept as written in
// the file (numbers without float noise; dates stay the serial numbers Excel stores,
// since turning them into dates needs the cell's number format from xl/styles.xml).
// Merged ranges give every cell the top-left value. The first non-empty row is the
// header; each later row is one section "Header: value; ..." with its sheet and row number.
#include "engine/knowledge/parse/officepackage.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>

namespace flowdeck::engine::docparse {
namespace {

// Cells filled by expanding merged ranges, all sheets together: a range over a whole
// sheet (A1:XFD1048576) is clipped to where values are, and this bounds the rest.
constexpr std::int64_t kMaxMergedCells = 4'000'000;

using Grid = std::map<int, std::map<int, std::string>>;  // row → column → text, both 1-based

// "BC12" → column 55, row 12; false when it is not a cell reference.
bool cellReference(std::string_view ref, int &column, int &row)
{
    column = 0, row = 0;
    std::size_t i = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) && i < 3; ++i)
        column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (i == 0 || i == ref.size())
        return false;
    for (; i < ref.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(ref[i])) || row > 10'000'000)
            return false;
        row = row * 10 + (ref[i] - '0');
    }
    return row > 0;
}

std::vector<std::string> sharedStrings(OfficePackage &package)
{
    std::vector<std::string> strings;
    pugi::xml_document xml;
    if (!package.load("xl/sharedStrings.xml", xml))
        return strings;  // a workbook without text has none
    forEachElement(xml, [&](const pugi::xml_node &node) {
        if (localName(node) != "si")
            return true;
        strings.push_back(runText(node));  // rich text: the runs' texts together
        return false;
    });
    return strings;
}

std::string cellText(const pugi::xml_node &cell, const std::vector<std::string> &strings)
{
    const std::string_view type = attribute(cell, "t").value();
    if (type == "inlineStr")
        return runText(child(cell, "is"));
    const std::string value = child(cell, "v").text().get();
    if (type == "s") {
        char *end = nullptr;
        const unsigned long index = std::strtoul(value.c_str(), &end, 10);
        return end != value.c_str() && index < strings.size() ? strings[index] : std::string();
    }
    if (type == "b")
        return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
    return value;  // numbers as written, formula results ("str"), errors ("e")
}

class XlsxReader {
public:
    const ParseContext &context;
    std::vector<std::string> strings;
    ParsedDocument document;
    std::int64_t mergedBudget = kMaxMergedCells;

    void readSheet(const pugi::xml_node &root, const std::string &sheetName)
    {
        Grid grid;
        std::vector<std::pair<std::string, std::string>> merges;
        int maxRow = 0, maxColumn = 0;
        int nextRow = 1;
        forEachElement(root, [&](const pugi::xml_node &node) {
            const std::string_view name = localName(node);
            if (name == "row") {
                int row = attribute(node, "r").as_int(nextRow);
                if (row < 1 || row > 10'000'000)
                    row = nextRow;
                nextRow = row + 1;
                int nextColumn = 1;
                for (pugi::xml_node cell = node.first_child(); cell; cell = cell.next_sibling()) {
                    if (localName(cell) != "c")
                        continue;
                    int column = nextColumn, cellRow = row;
                    if (!cellReference(attribute(cell, "r").value(), column, cellRow))
                        column = nextColumn;
                    nextColumn = column + 1;
                    std::string text = cellText(cell, strings);
                    if (trimmed(text).empty())
                        continue;
                    grid[row][column] = std::move(text);
                    maxRow = std::max(maxRow, row), maxColumn = std::max(maxColumn, column);
                }
                return false;
            }
            if (name == "mergeCell") {
                const std::string ref = attribute(node, "ref").value();
                const std::size_t colon = ref.find(':');
                if (colon != std::string::npos)
                    merges.emplace_back(ref.substr(0, colon), ref.substr(colon + 1));
                return false;
            }
            return true;
        });
        for (const auto &[from, to] : merges)
            expandMerge(grid, from, to, maxRow, maxColumn, sheetName);
        emitRows(grid, sheetName);
    }

private:
    void expandMerge(Grid &grid, const std::string &from, const std::string &to, int maxRow, int maxColumn,
                     const std::string &sheetName)
    {
        int c1, r1, c2, r2;
        if (!cellReference(from, c1, r1) || !cellReference(to, c2, r2))
            return;
        const auto rowFound = grid.find(r1);
        if (rowFound == grid.end())
            return;
        const auto cellFound = rowFound->second.find(c1);
        if (cellFound == rowFound->second.end())
            return;
        const std::string value = cellFound->second;
        for (int r = r1; r <= std::min(r2, maxRow); ++r)
            for (int c = c1; c <= std::min(c2, maxColumn); ++c) {
                if (--mergedBudget < 0) {
                    if (mergedBudget == -1)
                        document.warnings.push_back("Merged cells in sheet '" + sheetName + "' of '" + context.name +
                                                    "' cover too many cells; only part of them were filled in.");
                    return;
                }
                grid[r][c] = value;
            }
    }

    void emitRows(const Grid &grid, const std::string &sheetName)
    {
        const bool onlyRow = grid.size() == 1;  // then it is text of its own, not a header
        std::vector<std::string> headers;
        bool haveHeader = false;
        for (const auto &[row, cells] : grid) {
            std::vector<std::string> values(std::size_t(cells.rbegin()->first), std::string());
            for (const auto &[column, text] : cells)
                values[std::size_t(column - 1)] = text;
            if (!haveHeader && !onlyRow) {
                headers = std::move(values);
                haveHeader = true;
                continue;
            }
            SourceLocation location;
            location.sheet = sheetName;
            location.row = location.rowEnd = row;
            addSection(document, SourceSection::Kind::TableRow, tableRowText(headers, values), std::move(location));
        }
    }
};

} // namespace

ParseResult parseXlsx(std::string_view bytes, const ParseContext &context)
{
    OfficePackage package(bytes, context, "an Excel (.xlsx)");
    pugi::xml_document workbook;
    if (!package.load("xl/workbook.xml", workbook))
        return ParseResult::failure(package.failure());
    std::vector<std::pair<std::string, std::string>> sheets;  // name, part
    for (const auto &[node, part] : package.linkedParts(workbook, "xl/workbook.xml", "sheet"))
        sheets.emplace_back(node.attribute("name").value(), part);
    if (sheets.empty())
        return ParseResult::failure(damagedFailure(context, "an Excel (.xlsx)"));
    XlsxReader reader{context, sharedStrings(package), {}};
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (context.cancelled())
            return ParseResult::failure(cancelledFailure(context));
        pugi::xml_document sheet;
        if (!package.load(sheets[i].second, sheet)) {
            if (package.failure().code != "document-damaged")
                return ParseResult::failure(package.failure());
            // Chart sheets and dialog sheets have no cells; a sheet that cannot be read is reported.
            if (!sheets[i].second.starts_with("xl/chartsheets/") && !sheets[i].second.starts_with("xl/dialogsheets/"))
                reader.document.warnings.push_back("Sheet '" + sheets[i].first + "' of '" + context.name +
                                                   "' could not be read and was left out.");
        } else {
            reader.readSheet(sheet, sheets[i].first);
        }
        context.progress(int(i + 1), int(sheets.size()));
    }
    reader.document.title = package.coreTitle();
    return std::move(reader.document);
}

} // namespace flowdeck::engine::docparse
