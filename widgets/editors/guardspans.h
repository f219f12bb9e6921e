#pragma once

#include "engine/guard/guardfinding.h"

#include <string_view>
#include <vector>

namespace flowdeck::studio {

// Where a finding is in a QString of the checked text: findings count UTF-8 bytes,
// Qt's text positions count UTF-16 units.
struct GuardTextRange {
    int start = 0;
    int end = 0;
    bool valid() const { return end > start; }
};

// The ranges of `findings` in QString::fromUtf8(utf8), in the findings' order. A finding
// without a span (a verdict on the whole text), or whose span does not lie inside the
// text on character boundaries, gets an invalid range.
std::vector<GuardTextRange> guardTextRanges(std::string_view utf8, const engine::GuardFindings &findings);

} // namespace flowdeck::studio
