// diffLines: Myers' shortest edit script over lines, bounded in edits and work.
#include "engine/history/workflowdiff.h"

#include <algorithm>
#include <unordered_map>

namespace flowdeck::engine {

namespace {

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The edit script between a and b (line numbers), in order; false when it needs more than
// kMaxDiffEdits edits or kMaxDiffWork steps.
bool myers(const std::vector<int> &a, const std::vector<int> &b, std::vector<DiffLine> &out,
           const std::vector<std::string_view> &aText, const std::vector<std::string_view> &bText)
{
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    const int maxD = static_cast<int>(std::min<std::size_t>(kMaxDiffEdits, a.size() + b.size()));
    const int offset = maxD + 1;
    std::vector<int> v(static_cast<std::size_t>(2 * maxD + 3), 0);
    std::vector<std::vector<int>> trace;  // v after each step d, for k in [-d, d]
    std::size_t work = 0;
    int found = -1;
    for (int d = 0; d <= maxD && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
                ++work;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        work += static_cast<std::size_t>(d) + 1;
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
        if (work > kMaxDiffWork)
            return false;
    }
    if (found < 0)
        return false;
    std::vector<DiffLine> reversed;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const auto &prev = trace[static_cast<std::size_t>(d - 1)];
        auto at = [&](int k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            reversed.push_back({' ', std::string(aText[static_cast<std::size_t>(--x)])});
            --y;
        }
        if (down)
            reversed.push_back({'+', std::string(bText[static_cast<std::size_t>(--y)])});
        else
            reversed.push_back({'-', std::string(aText[static_cast<std::size_t>(--x)])});
    }
    while (x > 0 && y > 0) {
        reversed.push_back({' ', std::string(aText[static_cast<std::size_t>(--x)])});
        --y;
    }
    out.insert(out.end(), std::make_move_iterator(reversed.rbegin()), std::make_move_iterator(reversed.rend()));
    return true;
}

} // namespace

std::vector<DiffLine> diffLines(std::string_view before, std::string_view after)
{
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;

    std::vector<DiffLine> out;
    out.reserve(a.size() + b.size() - head - tail);
    for (std::size_t i = 0; i < head; ++i)
        out.push_back({' ', std::string(a[i])});
    // The middle, each distinct line numbered so that comparing two lines is one int compare.
    const std::vector<std::string_view> aMid(a.begin() + static_cast<std::ptrdiff_t>(head), a.end() - static_cast<std::ptrdiff_t>(tail));
    const std::vector<std::string_view> bMid(b.begin() + static_cast<std::ptrdiff_t>(head), b.end() - static_cast<std::ptrdiff_t>(tail));
    std::unordered_map<std::string_view, int> numbers;
    auto number = [&](const std::vector<std::string_view> &lines) {
        std::vector<int> ids;
        ids.reserve(lines.size());
        for (const auto line : lines)
            ids.push_back(numbers.emplace(line, static_cast<int>(numbers.size())).first->second);
        return ids;
    };
    const auto aIds = number(aMid);
    const auto bIds = number(bMid);
    if (!myers(aIds, bIds, out, aMid, bMid)) {
        for (const auto line : aMid)
            out.push_back({'-', std::string(line)});
        for (const auto line : bMid)
            out.push_back({'+', std::string(line)});
    }
    for (std::size_t i = b.size() - tail; i < b.size(); ++i)
        out.push_back({' ', std::string(b[i])});
    return out;
}

} // namespace flowdeck::engine
