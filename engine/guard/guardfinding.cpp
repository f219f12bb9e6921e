#include "engine/guard/guardfinding.h"

#include "engine/core/jsonaccess.h"

#include <algorithm>

namespace flowdeck::engine {

const char *textSourceName(TextSource source)
{
    switch (source) {
    case TextSource::User: return "user";
    case TextSource::Model: return "model";
    case TextSource::Tool: return "tool";
    case TextSource::Retrieved: return "retrieved";
    }
    return "user";
}

TextSource textSourceFrom(const std::string &name)
{
    if (name == "model")
        return TextSource::Model;
    if (name == "tool")
        return TextSource::Tool;
    if (name == "retrieved")
        return TextSource::Retrieved;
    return TextSource::User;
}

nlohmann::json GuardFinding::toJson() const
{
    nlohmann::json out = {{"check", check}, {"category", category}, {"type", type}, {"severity", severity}};
    if (end > start)
        out["span"] = {start, end};
    if (score != 1.0)
        out["score"] = score;
    if (!label.empty())
        out["label"] = label;
    return out;
}

GuardFinding GuardFinding::fromJson(const nlohmann::json &value)
{
    GuardFinding f;
    f.check = valueOr(value, "check", "");
    f.category = valueOr(value, "category", "");
    f.type = valueOr(value, "type", "");
    f.severity = valueOr(value, "severity", "medium");
    f.score = valueOr(value, "score", 1.0);
    f.label = valueOr(value, "label", "");
    const nlohmann::json span = valueOr<nlohmann::json>(value, "span", nlohmann::json());
    if (span.is_array() && span.size() == 2 && span[0].is_number_unsigned() && span[1].is_number_unsigned()) {
        f.start = span[0].get<std::size_t>();
        f.end = std::max(f.start, span[1].get<std::size_t>());
    }
    return f;
}

nlohmann::json findingsToJson(const GuardFindings &findings)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &f : findings)
        out.push_back(f.toJson());
    return out;
}

std::vector<std::string> findingCategories(const GuardFindings &findings)
{
    std::vector<std::string> out;
    for (const auto &f : findings)
        if (std::find(out.begin(), out.end(), f.category) == out.end())
            out.push_back(f.category);
    return out;
}

} // namespace flowdeck::engine
