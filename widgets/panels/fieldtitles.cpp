#include "widgets/panels/fieldtitles.h"

#include <QCoreApplication>

namespace flowdeck::studio {

namespace {

// The titles the built-in node types give their fields (engine/nodes/*.cpp), listed
// here so lupdate finds them; a title not listed is shown as the engine wrote it.
[[maybe_unused]] constexpr const char *kTitles[] = {
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
};

} // namespace

QString fieldTitle(const std::string &englishTitle)
{
    return QCoreApplication::translate("NodeFields", englishTitle.c_str());
}

} // namespace flowdeck::studio
