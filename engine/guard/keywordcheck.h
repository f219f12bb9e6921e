#pragma once

#include "engine/guard/guardfinding.h"
#include "engine/guard/keywordautomaton.h"
#include "engine/guard/textnormalizer.h"

#include <string>
#include <vector>

namespace flowdeck::engine {

// The guard's keyword lists (check "keyword"): every term of every list in one automaton
// over folded text, so "法轮功" also finds "法輪功", "法 轮 功" and "法*輪*功", and "fuck" finds
// "ｆｕｃｋ" and "f.u.c.k". A term that starts or ends with a letter or digit of a spaced
// script only matches whole words there ("ass" is not found in "class"). Between two
// characters of a term at most kMaxGapBytes of spaces, punctuation and symbols may stand.
class KeywordCheck {
public:
    struct List {
        std::string name;      // the findings' type
        std::string category;  // a taxonomy id
        std::string severity;
    };

    // Adds a list; returns the indexes (into `terms`) of the terms that fold to nothing
    // (only punctuation or spaces) and so never match. Call build() after the last list.
    std::vector<std::size_t> addList(List list, const std::vector<std::string> &terms);
    void build() { m_automaton.build(); }

    void find(const FoldedText &folded, GuardFindings &out) const;
    bool empty() const { return m_terms.empty(); }
    std::size_t termCount() const { return m_terms.size(); }
    // The longest span in bytes a match can cover in the original text.
    std::size_t longestMatchBytes() const;

    static constexpr std::size_t kMaxGapBytes = 12;
    static constexpr std::size_t kMaxFindings = 1000;

private:
    struct Term {
        std::string text;    // as the list wrote it: the finding's label
        std::uint32_t list;
        std::uint32_t length;  // folded characters
        bool wordStart;       // starts with a word character: must not continue a word on its left
        bool wordEnd;
    };
    std::vector<List> m_lists;
    std::vector<Term> m_terms;
    KeywordAutomaton m_automaton;
    std::size_t m_longestTerm = 0;
};

} // namespace flowdeck::engine
