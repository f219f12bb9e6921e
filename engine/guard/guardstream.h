#pragma once

#include "engine/guard/guardfinding.h"
#include "engine/guard/guardpolicy.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace flowdeck::engine {

class GuardScreen;

// A streamed answer under an output guard: text is held back until it is checked, and
// released a sentence at a time (or once more than the hold-back window waits), so a
// blocked sentence is never sent. Findings carry spans into the whole original answer.
class GuardStream {
public:
    struct Setup {
        std::shared_ptr<const GuardScreen> screen;
        GuardAction action = GuardAction::Check;
        std::size_t holdBackChars = 96;
        TextSource source = TextSource::Model;
        // The provider's check of a piece about to be released; null: local checks only.
        std::function<void(std::string text, std::function<void(GuardFindings)> done)> providerCheck;
        std::function<void(std::string_view text)> deliver;  // released (masked) text, in order
        // New findings of a piece, and what they made of it: "blocked", "masked" or "flagged".
        std::function<void(const GuardFindings &findings, const std::string &verdict)> onFindings;
        std::function<void()> onBlocked;  // once; nothing is emitted after it
    };

    explicit GuardStream(Setup setup);
    void push(std::string_view piece);
    // Checks and releases what is held; `done` runs once all of it is out or the answer was blocked.
    void finish(std::function<void()> done);
    // Checks and releases what is held now, mid-answer (a run about to wait for a form).
    void flush();
    bool blocked() const { return m_blocked; }
    bool idle() const { return !m_checking; }

private:
    std::size_t releasePoint() const;
    void pump();
    void release(std::size_t cut, std::string text, GuardFindings findings);
    void block(GuardFindings findings);

    Setup m_setup;
    std::string m_held;        // original text not yet released
    std::string m_context;     // the end of the released original text: matches may begin there
    std::size_t m_released = 0;  // bytes of the original answer released so far
    std::size_t m_contextBytes = 0;
    bool m_checking = false;   // a provider check of a piece is out
    bool m_finishing = false;
    bool m_flushing = false;   // release all that is held, then hold back again
    bool m_blocked = false;
    std::function<void()> m_done;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace flowdeck::engine
