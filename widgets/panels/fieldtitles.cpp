#include "widgets/panels/fieldtitles.h"

#include <QCoreApplication>

namespace flowdeck::studio {

namespace {

// The titles the built-in node types give their fields (engine/nodes/*.cpp), listed
// here so lupdate finds them; a title not listed is shown as the engine wrote it.
[[maybe_unused]] constexpr const char *kTitles[] = {
    QT_TRANSLATE_NOOP("NodeFields", "Added before"),
    QT_TRANSLATE_NOOP("NodeFields", "Added on or after"),
    QT_TRANSLATE_NOOP("NodeFields", "File names"),
    QT_TRANSLATE_NOOP("NodeFields", "File types"),
    QT_TRANSLATE_NOOP("NodeFields", "Filters"),
    QT_TRANSLATE_NOOP("NodeFields", "Knowledge bases"),
    QT_TRANSLATE_NOOP("NodeFields", "Passages"),
    QT_TRANSLATE_NOOP("NodeFields", "Query"),
    QT_TRANSLATE_NOOP("NodeFields", "Rerank"),
    QT_TRANSLATE_NOOP("NodeFields", "Rerank model"),
    QT_TRANSLATE_NOOP("NodeFields", "Rerank profile"),
    QT_TRANSLATE_NOOP("NodeFields", "Rerank the passages"),
    QT_TRANSLATE_NOOP("NodeFields", "Score threshold"),
    QT_TRANSLATE_NOOP("NodeFields", "Search mode"),
    QT_TRANSLATE_NOOP("NodeFields", "Tags"),
    QT_TRANSLATE_NOOP("NodeFields", "Append sources"),
    QT_TRANSLATE_NOOP("NodeFields", "Arguments"),
    QT_TRANSLATE_NOOP("NodeFields", "Body"),
    QT_TRANSLATE_NOOP("NodeFields", "Fail on 4xx/5xx"),
    QT_TRANSLATE_NOOP("NodeFields", "Headers"),
    QT_TRANSLATE_NOOP("NodeFields", "History turns"),
    QT_TRANSLATE_NOOP("NodeFields", "Instructions"),
    QT_TRANSLATE_NOOP("NodeFields", "JSON Schema"),
    QT_TRANSLATE_NOOP("NodeFields", "Max tokens"),
    QT_TRANSLATE_NOOP("NodeFields", "Method"),
    QT_TRANSLATE_NOOP("NodeFields", "Model"),
    QT_TRANSLATE_NOOP("NodeFields", "Most rounds of tool calls"),
    QT_TRANSLATE_NOOP("NodeFields", "Output format"),
    QT_TRANSLATE_NOOP("NodeFields", "Outputs"),
    QT_TRANSLATE_NOOP("NodeFields", "Plugin"),
    QT_TRANSLATE_NOOP("NodeFields", "Prompt"),
    QT_TRANSLATE_NOOP("NodeFields", "Query parameters"),
    QT_TRANSLATE_NOOP("NodeFields", "Reply"),
    QT_TRANSLATE_NOOP("NodeFields", "Stream"),
    QT_TRANSLATE_NOOP("NodeFields", "System prompt"),
    QT_TRANSLATE_NOOP("NodeFields", "Task"),
    QT_TRANSLATE_NOOP("NodeFields", "Temperature"),
    QT_TRANSLATE_NOOP("NodeFields", "Template"),
    QT_TRANSLATE_NOOP("NodeFields", "Timeout (ms)"),
    QT_TRANSLATE_NOOP("NodeFields", "Tool"),
    QT_TRANSLATE_NOOP("NodeFields", "Tools"),
    QT_TRANSLATE_NOOP("NodeFields", "URL"),
    QT_TRANSLATE_NOOP("NodeFields", "Values, in order of preference"),
    QT_TRANSLATE_NOOP("NodeFields", "Code"),
    QT_TRANSLATE_NOOP("NodeFields", "Input variables"),
    QT_TRANSLATE_NOOP("NodeFields", "Output variables"),
    QT_TRANSLATE_NOOP("NodeFields", "Limits"),
    QT_TRANSLATE_NOOP("NodeFields", "CPU time (ms)"),
    QT_TRANSLATE_NOOP("NodeFields", "Time limit (ms)"),
    QT_TRANSLATE_NOOP("NodeFields", "Memory (MiB)"),
    QT_TRANSLATE_NOOP("NodeFields", "Result size (KiB)"),
    QT_TRANSLATE_NOOP("NodeFields", "Printed text (KiB)"),
    QT_TRANSLATE_NOOP("NodeFields", "Input"),
    QT_TRANSLATE_NOOP("NodeFields", "List"),
};

// The tools of Flowdeck's built-in tables plugin (runtime/tables/tabletools.cpp).
[[maybe_unused]] constexpr const char *kToolTexts[] = {
    QT_TRANSLATE_NOOP("PluginTools", "Describe a table"),
    QT_TRANSLATE_NOOP("PluginTools", "Group and total"),
    QT_TRANSLATE_NOOP("PluginTools", "Chart a grouping"),
    QT_TRANSLATE_NOOP("PluginTools", "Lists a CSV table's columns with their kind (number, date, text) and figures: row count, "
                                     "sum/mean/min/max of numbers, first and last dates, the most common texts."),
    QT_TRANSLATE_NOOP("PluginTools", "Groups a CSV table's rows by a column (a date column by day, month, quarter or year) and "
                                     "sums, averages, counts or takes the min/max of a numeric column per group, with the overall figure."),
    QT_TRANSLATE_NOOP("PluginTools", "Groups and totals like aggregate and returns an ECharts option (bar, line or pie) as JSON, "
                                     "to put in a ```chart block of an answer."),
};

QString translatedTool(const nlohmann::json &tool, const char *key, const std::string &fallback)
{
    const auto it = tool.is_object() ? tool.find(key) : tool.end();
    if (!tool.is_object() || it == tool.end() || !it->is_string())
        return QString::fromStdString(fallback);
    return QCoreApplication::translate("PluginTools", it->get<std::string>().c_str());
}

} // namespace

QString toolTitle(const nlohmann::json &tool)
{
    const std::string name = tool.is_object() && tool.contains("name") && tool["name"].is_string() ? tool["name"].get<std::string>() : "";
    return translatedTool(tool, "title", name);
}

QString toolDescription(const nlohmann::json &tool) { return translatedTool(tool, "description", ""); }

QString fieldTitle(const std::string &englishTitle)
{
    return QCoreApplication::translate("NodeFields", englishTitle.c_str());
}

} // namespace flowdeck::studio
