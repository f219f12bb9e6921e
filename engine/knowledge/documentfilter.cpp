#include "engine/knowledge/documentfilter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace flowdeck::engine {

namespace {

std::string listed(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + "]";
}

std::string isoDate(std::int64_t seconds)
{
    using namespace std::chrono;
    const year_month_day day{floor<days>(sys_seconds{std::chrono::seconds{seconds}})};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

bool DocumentFilter::globMatches(std::string_view pattern, std::string_view text)
{
    // Iterative matching with one backtrack point for the last '*'.
    std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

std::optional<std::string> DocumentFilter::rejection(const std::string &path, const std::string &type,
                                                     const std::vector<std::string> &tags, std::int64_t addedAt) const
{
    const auto &f = m_filters;
    if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), type) == f.types.end())
        return "filtered out: type " + (type.empty() ? std::string("(none)") : type) + " not in " + listed(f.types);
    if (!f.fileNames.empty()) {
        const auto slash = path.find_last_of('/');
        const std::string_view name = slash == std::string::npos ? std::string_view(path)
                                                                  : std::string_view(path).substr(slash + 1);
        const bool matches = std::any_of(f.fileNames.begin(), f.fileNames.end(), [&](const std::string &glob) {
            return globMatches(glob, path) || (glob.find('/') == std::string::npos && globMatches(glob, name));
        });
        if (!matches)
            return "filtered out: name " + path + " matches none of " + listed(f.fileNames);
    }
    if (!f.tags.empty()
        && std::none_of(tags.begin(), tags.end(), [&](const std::string &tag) {
               return std::find(f.tags.begin(), f.tags.end(), tag) != f.tags.end();
           }))
        return "filtered out: tags " + listed(tags) + " include none of " + listed(f.tags);
    if (f.addedFrom && addedAt < *f.addedFrom)
        return "filtered out: added " + isoDate(addedAt) + ", before " + isoDate(*f.addedFrom);
    if (f.addedTo && addedAt > *f.addedTo)
        return "filtered out: added " + isoDate(addedAt) + ", after " + isoDate(*f.addedTo);
    return std::nullopt;
}

} // namespace flowdeck::engine
