#include "engine/guard/guardstream.h"

#include "engine/guard/guardscreen.h"

#include <algorithm>
#include <utility>

namespace flowdeck::engine {

namespace {

bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset `chars` code points before the end of `text` (0 when it is shorter).
std::size_t backChars(std::string_view text, std::size_t chars)
{
    std::size_t at = text.size();
    while (at > 0 && chars > 0) {
        --at;
        while (at > 0 && continuationByte(text[at]))
            --at;
        --chars;
    }
    return chars > 0 ? 0 : at;
}

// After the last sentence end in `text`: CJK full stops anywhere, a line break, and
// '.', '!', '?', ';' followed by white space (so "3.14" and "example.com" are not ends).
std::size_t lastSentenceEnd(std::string_view text)
{
    static constexpr std::string_view kCjkEnds[] = {"。", "！", "？", "；", "…"};
    std::size_t best = 0;
    for (std::string_view end : kCjkEnds)
        if (const auto at = text.rfind(end); at != std::string_view::npos)
            best = std::max(best, at + end.size());
    for (std::size_t i = text.size(); i > best; --i) {
        const char c = text[i - 1];
        if (c == '\n')
            return i;
        if ((c == ' ' || c == '\t') && i >= 2 && std::string_view(".!?;").find(text[i - 2]) != std::string_view::npos)
            return i;
    }
    return best;
}

} // namespace

GuardStream::GuardStream(Setup setup) : m_setup(std::move(setup))
{
    m_contextBytes = m_setup.screen ? std::max<std::size_t>(m_setup.screen->local().longestMatchBytes(), 64) : 64;
}

void GuardStream::push(std::string_view piece)
{
    if (m_blocked || m_finishing)
        return;
    m_held.append(piece);
    pump();
}

void GuardStream::finish(std::function<void()> done)
{
    if (m_blocked)
        return done();
    m_done = std::move(done);
    m_finishing = true;
    pump();
}

void GuardStream::flush()
{
    m_flushing = true;
    pump();
}

std::size_t GuardStream::releasePoint() const
{
    std::size_t cut = lastSentenceEnd(m_held);
    // Past the window, text goes out even mid-sentence, but never the last window's worth.
    const std::size_t window = std::max<std::size_t>(m_setup.holdBackChars, 1);
    std::size_t keep = backChars(m_held, window);
    if (m_held.size() - keep < m_contextBytes)  // and never less than one match can span
        keep = m_held.size() > m_contextBytes ? m_held.size() - m_contextBytes : 0;
    while (keep > 0 && keep < m_held.size() && continuationByte(m_held[keep]))
        --keep;
    return std::max(cut, keep);
}

void GuardStream::pump()
{
    if (m_blocked || m_checking)
        return;
    if (m_held.empty()) {
        m_flushing = false;
        if (m_finishing)
            if (auto done = std::exchange(m_done, nullptr))
                done();
        return;
    }
    const bool all = m_finishing || m_flushing;
    std::size_t cut = all ? m_held.size() : releasePoint();
    if (cut == 0)
        return;
    // The window's matches, shifted to the held text; those wholly in the context were seen before.
    const std::string window = m_context + m_held;
    GuardFindings found = m_setup.screen->local().scan(window, m_setup.source);
    GuardFindings fresh;
    for (auto f : found) {
        if (f.end > f.start && f.end <= m_context.size())
            continue;
        f.start = f.start > m_context.size() ? f.start - m_context.size() : 0;
        f.end = f.end > m_context.size() ? f.end - m_context.size() : 0;
        fresh.push_back(std::move(f));
    }
    if (m_setup.action == GuardAction::Check && anyBlocking(fresh))
        return block(std::move(fresh));
    for (const auto &f : fresh)  // a match is released whole or not at all
        if (f.start < cut && f.end > cut)
            cut = f.start;
    if (cut == 0) {
        if (!all)
            return;
        cut = m_held.size();
    }
    GuardFindings piece;
    for (const auto &f : fresh)
        if (f.start < cut)
            piece.push_back(f);
    std::string text = m_held.substr(0, cut);
    if (m_setup.action == GuardAction::Mask)
        text = maskFindings(text, piece);
    if (!m_setup.providerCheck)
        return release(cut, std::move(text), std::move(piece));
    m_checking = true;
    std::weak_ptr<bool> alive = m_alive;
    m_setup.providerCheck(text, [this, alive, cut, text, piece](GuardFindings verdict) mutable {
        if (alive.expired())
            return;
        m_checking = false;
        for (auto &f : verdict)
            piece.push_back(std::move(f));
        if (m_setup.action == GuardAction::Check && anyBlocking(piece))
            return block(std::move(piece));
        release(cut, std::move(text), std::move(piece));
    });
}

void GuardStream::release(std::size_t cut, std::string text, GuardFindings findings)
{
    for (auto &f : findings)
        if (f.end > f.start) {
            f.start += m_released;
            f.end += m_released;
        }
    if (!findings.empty() && m_setup.onFindings)
        m_setup.onFindings(findings, guardVerdict(m_setup.action, findings));
    m_context.append(m_held, 0, cut);
    if (m_context.size() > m_contextBytes) {
        std::size_t from = m_context.size() - m_contextBytes;
        while (from < m_context.size() && continuationByte(m_context[from]))
            ++from;
        m_context.erase(0, from);
    }
    m_held.erase(0, cut);
    m_released += cut;
    if (!text.empty() && m_setup.deliver)
        m_setup.deliver(text);
    pump();
}

void GuardStream::block(GuardFindings findings)
{
    m_blocked = true;
    for (auto &f : findings)
        if (f.end > f.start) {
            f.start += m_released;
            f.end += m_released;
        }
    m_held.clear();
    if (m_setup.onFindings)
        m_setup.onFindings(findings, "blocked");
    if (m_setup.onBlocked)
        m_setup.onBlocked();
    if (auto done = std::exchange(m_done, nullptr))
        done();
}

} // namespace flowdeck::engine
