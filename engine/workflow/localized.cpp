#include "engine/workflow/localized.h"

#include <cctype>

namespace flowdeck::engine {

namespace {

// The string at i18n[key][field], when there is a non-empty one.
const std::string *translated(const nlohmann::json &i18n, std::string_view language, const char *field)
{
    const std::string key = languageKey(language);
    if (key.empty() || !i18n.is_object())
        return nullptr;
    auto entry = i18n.find(key);
    if (entry == i18n.end() || !entry->is_object())
        return nullptr;
    auto value = entry->find(field);
    if (value == entry->end() || !value->is_string() || value->get_ref<const std::string &>().empty())
        return nullptr;
    return &value->get_ref<const std::string &>();
}

} // namespace

std::string languageKey(std::string_view language)
{
    std::string key;
    for (char c : language) {
        if (!std::isalpha(static_cast<unsigned char>(c)))
            break;
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::string languageFromAcceptLanguage(std::string_view header)
{
    // "zh-CN,zh;q=0.9,en;q=0.8": the highest q wins; ties keep the header's order.
    std::string best = "en";
    double bestQ = -1;
    std::size_t start = 0;
    while (start <= header.size()) {
        std::size_t comma = header.find(',', start);
        std::string_view item = header.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        double q = 1;
        if (std::size_t semi = item.find(';'); semi != std::string_view::npos) {
            std::string_view params = item.substr(semi + 1);
            item = item.substr(0, semi);
            if (std::size_t qpos = params.find("q="); qpos != std::string_view::npos) {
                try {
                    q = std::stod(std::string(params.substr(qpos + 2, 5)));
                } catch (...) {
                    q = 0;
                }
            }
        }
        const std::string key = languageKey(item);
        if ((key == "zh" || key == "en") && q > bestQ) {
            best = key;
            bestQ = q;
        }
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return best;
}

std::string localizedName(const Workflow &workflow, std::string_view language)
{
    const std::string *text = translated(workflow.i18n, language, "name");
    return text ? *text : workflow.name;
}

std::string localizedDescription(const Workflow &workflow, std::string_view language)
{
    const std::string *text = translated(workflow.i18n, language, "description");
    return text ? *text : workflow.description;
}

std::string localizedTitle(const NodeSpec &node, std::string_view language, std::string_view fallback)
{
    if (const std::string *text = translated(node.i18n, language, "title"))
        return *text;
    return node.title.empty() ? std::string(fallback) : node.title;
}

std::string localizedLabel(const InputSpec &input, std::string_view language)
{
    if (const std::string *text = translated(input.i18n, language, "label"))
        return *text;
    return input.label.empty() ? input.name : input.label;
}

nlohmann::json localizedOptions(const InputSpec &input, std::string_view language)
{
    const std::string key = languageKey(language);
    if (!key.empty() && input.i18n.is_object() && input.options.is_array()) {
        auto entry = input.i18n.find(key);
        if (entry != input.i18n.end() && entry->is_object()) {
            auto options = entry->find("options");
            if (options != entry->end() && options->is_array() && options->size() == input.options.size())
                return *options;
        }
    }
    return input.options;
}

} // namespace flowdeck::engine
