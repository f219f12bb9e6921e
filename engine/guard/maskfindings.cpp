// maskFindings (localguard.h): PII and secrets replaced by typed placeholders.
#include "engine/guard/localguard.h"

#include <algorithm>

namespace flowdeck::engine {

namespace {

// "[ID_CARD]", "[API_KEY]", "[SECRET]"...; empty for findings that are not masked.
std::string placeholderFor(const GuardFinding &f)
{
    if (f.check == "secret")
        return f.type == "api_key" ? "[API_KEY]" : "[SECRET]";
    if (f.check != "pii" && f.category != "personal_information")
        return {};
    if (f.type.empty())
        return "[PII]";
    std::string upper = "[";
    for (const char c : f.type)
        upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : (c == '-' || c == ' ' ? '_' : c);
    return upper + "]";
}

bool continuation(std::string_view text, std::size_t i)
{
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

struct Masked {
    std::size_t start;
    std::size_t end;
    std::string placeholder;
};

} // namespace

std::string maskFindings(std::string_view text, const GuardFindings &findings)
{
    std::vector<Masked> spans;
    for (const auto &f : findings) {
        std::string placeholder = placeholderFor(f);
        std::size_t start = std::min(f.start, text.size());
        std::size_t end = std::min(f.end, text.size());
        if (placeholder.empty() || end <= start)
            continue;
        while (start > 0 && continuation(text, start))
            --start;  // spans from outside may cut a character: mask all of it
        while (continuation(text, end))
            ++end;
        spans.push_back({start, end, std::move(placeholder)});
    }
    std::stable_sort(spans.begin(), spans.end(), [](const Masked &a, const Masked &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::size_t i = 0; i < spans.size();) {
        // Overlapping spans become one, named after the one that starts first (the longest of those).
        std::size_t end = spans[i].end;
        std::size_t j = i + 1;
        while (j < spans.size() && spans[j].start < end)
            end = std::max(end, spans[j++].end);
        out.append(text.substr(pos, spans[i].start - pos));
        out += spans[i].placeholder;
        pos = end;
        i = j;
    }
    out.append(text.substr(pos));
    return out;
}

} // namespace flowdeck::engine
