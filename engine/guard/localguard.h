#pragma once

#include "engine/core/result.h"
#include "engine/guard/guardfinding.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// The in-process checks of a guard's "checks" object (DESIGN.md §10; the format is in
// docs/guard.md): PII with checksums, secrets, keyword lists (simplified and traditional
// forms, across inserted spaces and symbols), injection patterns, URLs against an
// allow-list. Compiled once (automaton, RE2 sets), then scanned from any thread.
class LocalGuard {
public:
    // Errors name the field ("checks.keywords.lists[2].terms"). A config with no local
    // check compiles to a guard that finds nothing. The "provider" key is ignored here.
    static Result<std::shared_ptr<const LocalGuard>> compile(const nlohmann::json &checks);

    GuardFindings scan(std::string_view text, TextSource source = TextSource::User) const;
    bool empty() const;  // no local check is on

    // The longest stretch of text (in bytes) one finding can span: a streamed answer holds back
    // at least this much so a finding is never cut in two.
    std::size_t longestMatchBytes() const;

    class Impl;
    explicit LocalGuard(std::unique_ptr<Impl> impl);
    ~LocalGuard();

private:
    std::unique_ptr<Impl> m_impl;
};

// The text with each PII and secret finding's span replaced by a typed placeholder
// ("[ID_CARD]", "[MOBILE]", "[API_KEY]"...). Other findings are left as they are.
std::string maskFindings(std::string_view text, const GuardFindings &findings);

} // namespace flowdeck::engine
