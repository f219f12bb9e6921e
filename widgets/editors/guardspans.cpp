#include "widgets/editors/guardspans.h"

namespace flowdeck::studio {

namespace {

// The length of the UTF-8 sequence a lead byte starts, and how many UTF-16 units it
// decodes to; a byte that starts none counts as one replacement character.
std::pair<std::size_t, int> sequence(unsigned char lead)
{
    if (lead < 0x80)
        return {1, 1};
    if ((lead & 0xE0) == 0xC0)
        return {2, 1};
    if ((lead & 0xF0) == 0xE0)
        return {3, 1};
    if ((lead & 0xF8) == 0xF0)
        return {4, 2};
    return {1, 1};
}

} // namespace

std::vector<GuardTextRange> guardTextRanges(std::string_view utf8, const engine::GuardFindings &findings)
{
    // The UTF-16 position of each byte that starts a character; -1 inside one.
    std::vector<int> at(utf8.size() + 1, -1);
    int units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        auto [length, width] = sequence(static_cast<unsigned char>(utf8[i]));
        bool whole = i + length <= utf8.size();
        for (std::size_t k = 1; whole && k < length; ++k)
            whole = (static_cast<unsigned char>(utf8[i + k]) & 0xC0) == 0x80;
        if (!whole)
            length = 1, width = 1;
        at[i] = units;
        units += width;
        i += length;
    }
    at[utf8.size()] = units;
    std::vector<GuardTextRange> out;
    out.reserve(findings.size());
    for (const auto &f : findings) {
        GuardTextRange range;
        if (f.end > f.start && f.end <= utf8.size() && at[f.start] >= 0 && at[f.end] >= 0)
            range = {at[f.start], at[f.end]};
        out.push_back(range);
    }
    return out;
}

} // namespace flowdeck::studio
