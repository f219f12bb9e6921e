#include "engine/guard/keywordautomaton.h"

#include <algorithm>
#include <deque>

namespace flowdeck::engine {

namespace {

std::uint64_t trieKey(std::uint32_t state, std::uint32_t symbol)
{
    return (static_cast<std::uint64_t>(state) << 32) | symbol;
}

} // namespace

std::uint32_t KeywordAutomaton::symbolOf(char32_t c) const
{
    if (c < 0x10000)
        return m_bmpSymbol.empty() ? 0 : m_bmpSymbol[c];
    const auto it = m_symbols.find(c);
    return it == m_symbols.end() ? 0 : it->second;
}

void KeywordAutomaton::reserve(std::size_t characters)
{
    m_trie.reserve(m_trie.size() + characters);
    m_firstTerm.reserve(m_firstTerm.size() + characters + 1);
}

void KeywordAutomaton::add(std::u32string_view term, std::uint32_t id)
{
    if (term.empty())
        return;
    if (m_firstTerm.empty())
        m_firstTerm.push_back(-1);  // the root
    if (m_bmpSymbol.empty())
        m_bmpSymbol.assign(0x10000, 0);
    std::uint32_t state = 0;
    for (const char32_t c : term) {
        std::uint32_t symbol = symbolOf(c);
        if (symbol == 0) {
            symbol = ++m_symbolCount;
            if (c < 0x10000)
                m_bmpSymbol[c] = symbol;
            else
                m_symbols.emplace(c, symbol);
        }
        const auto [it, inserted] = m_trie.try_emplace(trieKey(state, symbol), static_cast<std::uint32_t>(m_firstTerm.size()));
        if (inserted)
            m_firstTerm.push_back(-1);
        state = it->second;
    }
    m_nextTerm.push_back(m_firstTerm[state]);
    m_firstTerm[state] = static_cast<std::int32_t>(m_termIds.size());
    m_termIds.push_back(id);
}

std::uint32_t KeywordAutomaton::child(std::uint32_t state, std::uint32_t symbol) const
{
    if (state == 0)
        return m_root[symbol];
    const Edge *first = m_edges.data() + m_edgeBegin[state];
    const Edge *last = m_edges.data() + m_edgeBegin[state + 1];
    const Edge *it = std::lower_bound(first, last, symbol, [](const Edge &e, std::uint32_t s) { return e.symbol < s; });
    return it != last && it->symbol == symbol ? it->target : 0;
}

std::uint32_t KeywordAutomaton::next(std::uint32_t state, std::uint32_t symbol) const
{
    for (;;) {
        if (const std::uint32_t target = child(state, symbol))
            return target;
        if (state == 0)
            return 0;
        state = m_fail[state];
    }
}

void KeywordAutomaton::build()
{
    if (m_firstTerm.empty())
        m_firstTerm.push_back(-1);
    const std::size_t states = m_firstTerm.size();
    // The trie's edges grouped by state (a counting sort), each state's edges by symbol.
    m_root.assign(m_symbolCount + 1, 0);
    m_edgeBegin.assign(states + 1, 0);
    for (const auto &[key, target] : m_trie)
        ++m_edgeBegin[(key >> 32) + 1];
    for (std::size_t s = 0; s < states; ++s)
        m_edgeBegin[s + 1] += m_edgeBegin[s];
    m_edges.assign(m_trie.size(), Edge{0, 0});
    std::vector<std::uint32_t> fill(m_edgeBegin.begin(), m_edgeBegin.end() - 1);
    for (const auto &[key, target] : m_trie) {
        const auto state = static_cast<std::uint32_t>(key >> 32);
        const auto symbol = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
        m_edges[fill[state]++] = {symbol, target};
        if (state == 0)
            m_root[symbol] = target;
    }
    m_trie = {};
    for (std::size_t s = 1; s < states; ++s)
        std::sort(m_edges.begin() + m_edgeBegin[s], m_edges.begin() + m_edgeBegin[s + 1],
                  [](const Edge &a, const Edge &b) { return a.symbol < b.symbol; });

    // Breadth first, so that a state's failure target is complete before its children need it.
    m_fail.assign(states, 0);
    m_outputLink.assign(states, 0);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t e = m_edgeBegin[0]; e < m_edgeBegin[1]; ++e)
        queue.push_back(m_edges[e].target);
    while (!queue.empty()) {
        const std::uint32_t u = queue.front();
        queue.pop_front();
        for (std::uint32_t e = m_edgeBegin[u]; e < m_edgeBegin[u + 1]; ++e) {
            const auto [symbol, v] = m_edges[e];
            std::uint32_t f = m_fail[u];
            std::uint32_t target = child(f, symbol);
            while (target == 0 && f != 0) {
                f = m_fail[f];
                target = child(f, symbol);
            }
            m_fail[v] = target != v ? target : 0;
            const std::uint32_t fv = m_fail[v];
            m_outputLink[v] = m_firstTerm[fv] >= 0 ? fv : m_outputLink[fv];
            queue.push_back(v);
        }
    }
}

void KeywordAutomaton::scan(std::u32string_view text, char32_t skip,
                            const std::function<void(std::uint32_t, std::size_t)> &onMatch) const
{
    if (m_termIds.empty())
        return;
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == skip)
            continue;
        const std::uint32_t symbol = symbolOf(c);
        if (symbol == 0) {
            state = 0;
            continue;
        }
        state = next(state, symbol);
        if (state == 0)
            continue;
        for (std::uint32_t s = m_firstTerm[state] >= 0 ? state : m_outputLink[state]; s != 0; s = m_outputLink[s])
            for (std::int32_t t = m_firstTerm[s]; t >= 0; t = m_nextTerm[static_cast<std::size_t>(t)])
                onMatch(m_termIds[static_cast<std::size_t>(t)], i);
    }
}

} // namespace flowdeck::engine
