#include "runtime/tables/tabletools.h"

#include "engine/core/atomicfile.h"
#include "engine/core/diagnostic.h"
#include "runtime/tables/csvtable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iconv.h>
#include <map>
#include <unordered_map>
#include <set>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;
constexpr std::size_t kMaxDistinct = 20000;

struct ToolError {
    std::string message;
};

// A CallToolResult: the text for the model, the same figures as structured content.
nlohmann::json toolResult(const std::string &text, nlohmann::json structured)
{
    return {{"content", {{{"type", "text"}, {"text", text}}}}, {"structuredContent", std::move(structured)}, {"isError", false}};
}

nlohmann::json errorResult(const std::string &message)
{
    return {{"content", {{{"type", "text"}, {"text", message}}}}, {"isError", true}};
}

std::string number(double v)
{
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

double rounded(double v) { return std::round(v * 100.0) / 100.0; }

const nlohmann::json kSourceProperties = {
    {"path", {{"type", "string"}, {"description", "The CSV file's path (inside an allowed folder). Give this or csv."}}},
    {"csv", {{"type", "string"}, {"description", "The CSV text itself, header row first. Give this or path."}}},
};

nlohmann::json groupingProperties()
{
    nlohmann::json p = kSourceProperties;
    p["group_by"] = {{"type", "string"}, {"description", "The column whose values form the groups."}};
    p["value"] = {{"type", "string"}, {"description", "The numeric column to total; not needed to count rows."}};
    p["op"] = {{"type", "string"}, {"enum", {"sum", "mean", "count", "min", "max"}},
               {"description", "How to combine each group's values (default: sum, or count without a value column)."}};
    p["period"] = {{"type", "string"}, {"enum", {"day", "month", "quarter", "year"}},
                   {"description", "With a date column in group_by: group by this period."}};
    p["sort"] = {{"type", "string"}, {"enum", {"value_desc", "value_asc", "key"}},
                 {"description", "Order of the groups (default: by period with a period, else largest value first)."}};
    p["limit"] = {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}, {"description", "At most this many groups (default 20)."}};
    p["where"] = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}},
                  {"description", "Only rows whose columns equal these values, e.g. {\"region\": \"East\"}."}};
    return p;
}

bool isUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size())
            return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 0x2)
                return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

// Excel in Chinese saves CSV as GBK: convert it (GB18030 covers GBK) to UTF-8 in place.
bool fromGb18030(std::string &text)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    std::string out(text.size() * 2 + 16, '\0');
    char *in = text.data();
    std::size_t inLeft = text.size();
    char *dst = out.data();
    std::size_t outLeft = out.size();
    const std::size_t r = iconv(cd, &in, &inLeft, &dst, &outLeft);
    iconv_close(cd);
    if (r == static_cast<std::size_t>(-1) || inLeft != 0)
        return false;
    out.resize(out.size() - outLeft);
    text = std::move(out);
    return isUtf8(text);
}

class Loaded {
public:
    CsvTable table;
    std::string source;
};

Loaded loadTable(const nlohmann::json &args, const std::vector<fs::path> &allowed)
{
    Loaded out;
    std::string text;
    if (args.contains("csv") && args["csv"].is_string() && !args["csv"].get<std::string>().empty()) {
        text = args["csv"].get<std::string>();
        out.source = "the CSV text";
    } else if (args.contains("path") && args["path"].is_string() && !args["path"].get<std::string>().empty()) {
        std::error_code ec;
        const fs::path path = fs::weakly_canonical(fs::absolute(args["path"].get<std::string>(), ec), ec);
        out.source = path.string();
        if (allowed.empty())
            throw ToolError{"No folder is allowed: start the tables server with the folders it may read."};
        const bool inside = std::any_of(allowed.begin(), allowed.end(), [&](const fs::path &dir) {
            const auto rel = path.lexically_relative(dir);
            return !rel.empty() && *rel.begin() != "..";
        });
        if (!inside)
            throw ToolError{"The file " + path.string() + " is outside the allowed folders."};
        if (!fs::is_regular_file(path, ec))
            throw ToolError{"The file " + path.string() + " does not exist."};
        if (fs::file_size(path, ec) > kMaxFileBytes)
            throw ToolError{"The file " + path.string() + " is larger than 64 MiB."};
        auto read = engine::readWholeFile(path);
        if (!read)
            throw ToolError{"The file " + path.string() + " cannot be read."};
        text = std::move(*read);
    } else {
        throw ToolError{"Give \"path\" (a CSV file) or \"csv\" (the CSV text)."};
    }
    if (!isUtf8(text) && !fromGb18030(text))
        throw ToolError{"The CSV in " + out.source + " is neither UTF-8 nor GB18030 (GBK) text; save it as UTF-8 CSV."};
    auto parsed = parseCsv(std::move(text));
    if (!parsed.table)
        throw ToolError{"The CSV in " + out.source + " cannot be read: " + parsed.error};
    out.table = std::move(*parsed.table);
    return out;
}

int requireColumn(const CsvTable &t, const nlohmann::json &args, const char *field)
{
    const std::string name = args.value(field, "");
    const int index = t.column(name);
    if (index < 0) {
        std::string list;
        for (const auto &c : t.columns)
            list += (list.empty() ? "" : ", ") + c;
        throw ToolError{std::string("\"") + field + "\": there is no column \"" + name + "\". The columns are: " + list + "."};
    }
    return index;
}

nlohmann::json describe(const Loaded &loaded)
{
    const CsvTable &t = loaded.table;
    nlohmann::json columns = nlohmann::json::array();
    std::string text = std::to_string(t.rowCount()) + " rows, " + std::to_string(t.columns.size()) + " columns.\n";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::size_t filled = 0, numbers = 0, dates = 0;
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        std::string_view first, last;
        int firstDay = 0, lastDay = 0;
        std::unordered_map<std::string_view, int> counts;
        bool manyDistinct = false;
        for (std::size_t r = 0; r < t.rowCount(); ++r) {
            const std::string_view v = t.row(r)[c];
            if (v.empty())
                continue;
            ++filled;
            // Distinct values are counted up to a cap: ids and amounts would fill memory for nothing.
            if (auto it = counts.find(v); it != counts.end())
                ++it->second;
            else if (counts.size() < kMaxDistinct)
                counts.emplace(v, 1);
            else
                manyDistinct = true;
            if (auto n = parseNumber(v, t.decimalComma)) {
                ++numbers;
                sum += *n;
                lo = std::min(lo, *n);
                hi = std::max(hi, *n);
            }
            if (const auto d = parseDate(v)) {
                ++dates;
                const int day = d->year * 10000 + d->month * 100 + d->day;  // "2026/3/9" before "2026/3/14"
                if (first.empty() || day < firstDay) {
                    first = v;
                    firstDay = day;
                }
                if (last.empty() || day > lastDay) {
                    last = v;
                    lastDay = day;
                }
            }
        }
        nlohmann::json col = {{"name", t.columns[c]}, {"filled", filled}, {"distinct", counts.size()}};
        if (manyDistinct)
            col["distinctAtLeast"] = true;  // more than kMaxDistinct different values
        text += "- " + t.columns[c];
        if (filled > 0 && dates == filled) {
            col["kind"] = "date";
            col["first"] = std::string(first);
            col["last"] = std::string(last);
            text += " (date): " + std::string(first) + " to " + std::string(last);
        } else if (filled > 0 && numbers == filled) {
            col["kind"] = "number";
            col["sum"] = rounded(sum);
            col["mean"] = rounded(sum / static_cast<double>(filled));
            col["min"] = rounded(lo);
            col["max"] = rounded(hi);
            text += " (number): sum " + number(sum) + ", mean " + number(sum / static_cast<double>(filled)) + ", min " +
                    number(lo) + ", max " + number(hi);
        } else {
            col["kind"] = "text";
            std::vector<std::pair<std::string_view, int>> top(counts.begin(), counts.end());
            std::sort(top.begin(), top.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            top.resize(std::min<std::size_t>(top.size(), 5));
            nlohmann::json common = nlohmann::json::array();
            std::string list;
            for (const auto &[value, n] : top) {
                common.push_back({{"value", std::string(value)}, {"rows", n}});
                list += (list.empty() ? "" : ", ") + std::string(value) + " (" + std::to_string(n) + ")";
            }
            col["common"] = common;
            text += " (text, " + std::string(manyDistinct ? "over " : "") + std::to_string(counts.size()) + " different): " + list;
        }
        if (filled < t.rowCount())
            text += "; " + std::to_string(t.rowCount() - filled) + " empty";
        text += "\n";
        columns.push_back(std::move(col));
    }
    nlohmann::json structured = {{"rows", t.rowCount()}, {"columns", columns}};
    return toolResult(text, std::move(structured));
}

std::string periodKey(const DateParts &d, const std::string &period)
{
    char buf[32];
    if (period == "year")
        std::snprintf(buf, sizeof buf, "%04d", d.year);
    else if (period == "quarter")
        std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
    else if (period == "month")
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

struct Grouping {
    std::string groupBy, valueName, op, period;
    std::vector<std::pair<std::string, double>> groups;  // ordered, limited
    std::size_t groupCount = 0, skipped = 0, rowsUsed = 0;
    double total = 0;
};

Grouping group(const Loaded &loaded, const nlohmann::json &args)
{
    const CsvTable &t = loaded.table;
    Grouping g;
    const int key = requireColumn(t, args, "group_by");
    g.groupBy = t.columns[key];
    const bool hasValue = args.contains("value") && args["value"].is_string() && !args["value"].get<std::string>().empty();
    const int value = hasValue ? requireColumn(t, args, "value") : -1;
    g.valueName = hasValue ? t.columns[value] : "rows";
    g.op = args.value("op", hasValue ? "sum" : "count");
    if (g.op != "count" && !hasValue)
        throw ToolError{"\"op\": " + g.op + " needs a \"value\" column."};
    g.period = args.value("period", "");
    const int limit = std::clamp(args.value("limit", 20), 1, 1000);
    std::vector<std::pair<int, std::string>> filters;
    const nlohmann::json where = args.value("where", nlohmann::json::object());
    for (const auto &[column, wanted] : where.items()) {
        const int index = t.column(column);
        if (index < 0)
            throw ToolError{"\"where\": there is no column \"" + column + "\"."};
        filters.emplace_back(index, wanted.is_string() ? wanted.get<std::string>() : engine::safeDump(wanted));
    }
    struct Acc {
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        std::size_t n = 0;
    };
    std::map<std::string, Acc, std::less<>> acc;
    Acc all;
    std::string periodText;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        const auto row = t.row(r);
        if (!std::all_of(filters.begin(), filters.end(), [&](const auto &f) { return row[f.first] == f.second; }))
            continue;
        std::string_view k = row[key].empty() ? std::string_view("(empty)") : row[key];
        if (!g.period.empty()) {
            const auto date = parseDate(row[key]);
            if (!date) {
                ++g.skipped;
                continue;
            }
            periodText = periodKey(*date, g.period);
            k = periodText;
        }
        double v = 1;
        if (value >= 0) {
            const auto n = parseNumber(row[value], t.decimalComma);
            if (!n) {
                if (g.op != "count") {
                    ++g.skipped;
                    continue;
                }
            } else {
                v = *n;
            }
        }
        auto slot = acc.find(k);
        if (slot == acc.end())
            slot = acc.emplace(std::string(k), Acc{}).first;
        for (Acc *a : {&slot->second, &all}) {
            a->sum += v;
            a->lo = std::min(a->lo, v);
            a->hi = std::max(a->hi, v);
            ++a->n;
        }
        ++g.rowsUsed;
    }
    auto result = [&](const Acc &a) {
        if (g.op == "count")
            return static_cast<double>(a.n);
        if (g.op == "mean")
            return a.n ? a.sum / static_cast<double>(a.n) : 0.0;
        if (g.op == "min")
            return a.lo;
        if (g.op == "max")
            return a.hi;
        return a.sum;
    };
    for (const auto &[k, a] : acc)
        g.groups.emplace_back(k, rounded(result(a)));
    g.groupCount = g.groups.size();
    g.total = g.rowsUsed ? rounded(result(all)) : 0;
    const std::string sort = args.value("sort", g.period.empty() ? "value_desc" : "key");
    if (sort == "value_desc")
        std::stable_sort(g.groups.begin(), g.groups.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    else if (sort == "value_asc")
        std::stable_sort(g.groups.begin(), g.groups.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    if (g.groups.size() > static_cast<std::size_t>(limit))
        g.groups.resize(static_cast<std::size_t>(limit));
    return g;
}

nlohmann::json aggregate(const Loaded &loaded, const nlohmann::json &args)
{
    const Grouping g = group(loaded, args);
    const std::string label = g.op == "count" ? "rows" : g.op + " of " + g.valueName;
    const std::string keyLabel = g.period.empty() ? g.groupBy : g.groupBy + " (" + g.period + ")";
    std::string text = "| " + keyLabel + " | " + label + " |\n|---|---:|\n";
    nlohmann::json rows = nlohmann::json::array();
    for (const auto &[k, v] : g.groups) {
        text += "| " + k + " | " + number(v) + " |\n";
        rows.push_back({{"key", k}, {"value", v}});
    }
    text += "\nAll " + std::to_string(g.rowsUsed) + " rows: " + label + " = " + number(g.total) + ".";
    if (g.groups.size() < g.groupCount)
        text += " Showing " + std::to_string(g.groups.size()) + " of " + std::to_string(g.groupCount) + " groups.";
    if (g.skipped)
        text += " " + std::to_string(g.skipped) + " rows were left out (no number or date where one was needed).";
    nlohmann::json structured = {{"group_by", g.groupBy}, {"value", g.valueName}, {"op", g.op},   {"period", g.period},
                                 {"rows", rows},         {"groups", g.groupCount}, {"total", g.total}, {"skipped", g.skipped}};
    return toolResult(text, std::move(structured));
}

nlohmann::json chart(const Loaded &loaded, const nlohmann::json &args)
{
    const Grouping g = group(loaded, args);
    const std::string type = args.value("type", g.period.empty() ? "bar" : "line");
    if (type != "bar" && type != "line" && type != "pie")
        throw ToolError{"\"type\" must be bar, line or pie."};
    const std::string seriesName = g.op == "count" ? "rows" : g.valueName;
    std::string title = args.value("title", "");
    if (title.empty())
        title = (g.op == "count" ? std::string("Rows") : g.op + " of " + g.valueName) + " by " + g.groupBy +
                (g.period.empty() ? "" : " (" + g.period + ")");
    nlohmann::json option = {{"title", {{"text", title}, {"left", "center"}}}};
    if (type == "pie") {
        nlohmann::json data = nlohmann::json::array();
        for (const auto &[k, v] : g.groups)
            data.push_back({{"name", k}, {"value", v}});
        option["tooltip"] = {{"trigger", "item"}};
        option["legend"] = {{"bottom", 0}};
        option["series"] = {{{"type", "pie"}, {"name", seriesName}, {"radius", "60%"}, {"data", data}}};
    } else {
        nlohmann::json keys = nlohmann::json::array(), values = nlohmann::json::array();
        for (const auto &[k, v] : g.groups) {
            keys.push_back(k);
            values.push_back(v);
        }
        option["tooltip"] = {{"trigger", "axis"}};
        option["grid"] = {{"left", 60}, {"right", 20}, {"bottom", 40}, {"top", 50}};
        option["xAxis"] = {{"type", "category"}, {"data", keys}};
        option["yAxis"] = {{"type", "value"}};
        option["series"] = {{{"type", type}, {"name", seriesName}, {"data", values}}};
        if (type == "line")
            option["series"][0]["smooth"] = true;
    }
    return toolResult(engine::safeDump(option, -1), {{"option", option}});
}

} // namespace

TableToolbox::TableToolbox(std::vector<fs::path> allowedFolders)
{
    for (const auto &dir : allowedFolders) {
        std::error_code ec;
        m_allowed.push_back(fs::weakly_canonical(fs::absolute(dir, ec), ec));
    }
}

nlohmann::json TableToolbox::toolList() const
{
    nlohmann::json describeSchema = {{"type", "object"}, {"properties", kSourceProperties}};
    nlohmann::json aggregateSchema = {{"type", "object"}, {"properties", groupingProperties()}, {"required", {"group_by"}}};
    nlohmann::json chartSchema = aggregateSchema;
    chartSchema["properties"]["type"] = {{"type", "string"}, {"enum", {"bar", "line", "pie"}},
                                         {"description", "The kind of chart (default: line with a period, else bar)."}};
    chartSchema["properties"]["title"] = {{"type", "string"}, {"description", "The chart's title."}};
    return nlohmann::json::array({
        {{"name", "describe_table"},
         {"title", "Describe a table"},
         {"description", "Lists a CSV table's columns with their kind (number, date, text) and figures: row count, "
                         "sum/mean/min/max of numbers, first and last dates, the most common texts."},
         {"inputSchema", describeSchema},
         {"annotations", {{"readOnlyHint", true}}}},
        {{"name", "aggregate"},
         {"title", "Group and total"},
         {"description", "Groups a CSV table's rows by a column (a date column by day, month, quarter or year) and "
                         "sums, averages, counts or takes the min/max of a numeric column per group, with the overall figure."},
         {"inputSchema", aggregateSchema},
         {"annotations", {{"readOnlyHint", true}}}},
        {{"name", "chart"},
         {"title", "Chart a grouping"},
         {"description", "Groups and totals like aggregate and returns an ECharts option (bar, line or pie) as JSON, "
                         "to put in a ```chart block of an answer."},
         {"inputSchema", chartSchema},
         {"annotations", {{"readOnlyHint", true}}}},
    });
}

nlohmann::json TableToolbox::call(const std::string &tool, const nlohmann::json &arguments) const
{
    const nlohmann::json args = arguments.is_object() ? arguments : nlohmann::json::object();
    try {
        if (tool == "describe_table")
            return describe(loadTable(args, m_allowed));
        if (tool == "aggregate")
            return aggregate(loadTable(args, m_allowed), args);
        if (tool == "chart")
            return chart(loadTable(args, m_allowed), args);
        return errorResult("There is no tool \"" + tool + "\"; the tools are describe_table, aggregate and chart.");
    } catch (const ToolError &e) {
        return errorResult(e.message);
    } catch (const nlohmann::json::exception &e) {
        return errorResult(std::string("An argument has the wrong type: ") + e.what());
    }
}

} // namespace flowdeck::runtime
