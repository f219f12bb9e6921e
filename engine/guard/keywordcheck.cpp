#include "engine/guard/keywordcheck.h"

#include <algorithm>
#include <unordered_set>

namespace flowdeck::engine {

std::vector<std::size_t> KeywordCheck::addList(List list, const std::vector<std::string> &terms)
{
    std::vector<std::size_t> empty;
    const auto listIndex = static_cast<std::uint32_t>(m_lists.size());
    m_lists.push_back(std::move(list));
    std::unordered_set<std::u32string> seen;
    seen.reserve(terms.size());
    std::size_t bytes = 0;
    for (const auto &t : terms)
        bytes += t.size();
    m_automaton.reserve(bytes / 2);  // mostly 3-byte CJK characters; Latin terms overestimate, harmlessly
    m_terms.reserve(m_terms.size() + terms.size());
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const std::u32string folded = foldTerm(terms[i]);
        if (folded.empty()) {
            empty.push_back(i);
            continue;
        }
        if (!seen.insert(folded).second)
            continue;  // the same term twice in one list: one finding is enough
        Term term{terms[i], listIndex, static_cast<std::uint32_t>(folded.size()),
                  foldedKind(folded.front()) == FoldKind::Word, foldedKind(folded.back()) == FoldKind::Word};
        m_automaton.add(folded, static_cast<std::uint32_t>(m_terms.size()));
        m_terms.push_back(std::move(term));
        m_longestTerm = std::max(m_longestTerm, folded.size());
    }
    return empty;
}

std::size_t KeywordCheck::longestMatchBytes() const
{
    if (m_longestTerm == 0)
        return 0;
    // Each folded character comes from at most 4 bytes; separators may stand between them.
    return m_longestTerm * 4 + (m_longestTerm - 1) * kMaxGapBytes;
}

void KeywordCheck::find(const FoldedText &folded, GuardFindings &out) const
{
    const std::u32string &chars = folded.chars;
    std::size_t found = 0;
    const auto wordAt = [&](std::size_t index) { return foldedKind(chars[index]) == FoldKind::Word; };
    m_automaton.scan(chars, U' ', [&](std::uint32_t id, std::size_t last) {
        if (found >= kMaxFindings)
            return;
        const Term &term = m_terms[id];
        // Back over the term's characters (spaces between them are separators that were there).
        std::size_t first = last;
        for (std::uint32_t remaining = term.length - 1; remaining > 0;) {
            const std::size_t next = first;
            do
                --first;
            while (chars[first] == U' ');
            const std::uint32_t gapStart = folded.end[first];
            const std::uint32_t gapEnd = folded.start[next];
            if (gapEnd > gapStart && gapEnd - gapStart > kMaxGapBytes)
                return;
            --remaining;
        }
        if (term.wordStart && first > 0 && chars[first - 1] != U' ' && wordAt(first - 1))
            return;
        if (term.wordEnd && last + 1 < chars.size() && chars[last + 1] != U' ' && wordAt(last + 1))
            return;
        const List &list = m_lists[term.list];
        GuardFinding f;
        f.check = "keyword";
        f.category = list.category;
        f.type = list.name;
        f.severity = list.severity;
        f.start = folded.start[first];
        f.end = folded.end[last];
        f.label = term.text;
        out.push_back(std::move(f));
        ++found;
    });
}

} // namespace flowdeck::engine
