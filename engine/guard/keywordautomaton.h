#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flowdeck::engine {

// Aho-Corasick over code points: finds every occurrence of thousands of terms in one pass.
// Characters outside every term reset to the root at once; the root's moves are a table,
// the other states' sorted edge lists. Built once, then scanned from any thread.
class KeywordAutomaton {
public:
    // Adds a term (already folded); `id` is what matches report. Empty terms are ignored.
    void add(std::u32string_view term, std::uint32_t id);
    // Room for about this many more characters of terms (saves rehashing on large lists).
    void reserve(std::size_t characters);
    // Computes the failure links; call once after the last add().
    void build();

    // Calls onMatch(id, endIndex) for each occurrence of a term in `text` that ends at
    // text[endIndex]. Characters equal to `skip` are passed over as if absent.
    void scan(std::u32string_view text, char32_t skip,
              const std::function<void(std::uint32_t id, std::size_t endIndex)> &onMatch) const;

    std::size_t stateCount() const { return m_fail.size(); }

private:
    std::uint32_t symbolOf(char32_t c) const;
    std::uint32_t next(std::uint32_t state, std::uint32_t symbol) const;  // 0 when there is no edge
    std::uint32_t child(std::uint32_t state, std::uint32_t symbol) const;

    // Building: the trie as (state, symbol) -> child.
    std::unordered_map<std::uint64_t, std::uint32_t> m_trie;
    std::unordered_map<char32_t, std::uint32_t> m_symbols;  // outside the BMP table
    std::vector<std::uint32_t> m_bmpSymbol;                   // code point -> symbol (0: in no term)
    std::uint32_t m_symbolCount = 0;

    struct Edge {
        std::uint32_t symbol;
        std::uint32_t target;
    };
    std::vector<std::uint32_t> m_edgeBegin;  // per state, into m_edges (state + 1: its end)
    std::vector<Edge> m_edges;
    std::vector<std::uint32_t> m_root;       // symbol -> child of the root
    std::vector<std::uint32_t> m_fail;
    std::vector<std::uint32_t> m_outputLink;  // the nearest state on the failure chain that ends a term (0: none)
    std::vector<std::int32_t> m_firstTerm;    // per state: first term ending here (-1: none)
    std::vector<std::int32_t> m_nextTerm;     // per term: the next term ending at the same state
    std::vector<std::uint32_t> m_termIds;     // per term: the caller's id
};

} // namespace flowdeck::engine
