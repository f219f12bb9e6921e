#pragma once

#include "engine/core/result.h"
#include "engine/guard/guardfinding.h"
#include "engine/guard/guardpolicy.h"
#include "engine/guard/localguard.h"
#include "engine/guard/providercheck.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace flowdeck::engine {

struct RunServices;
struct Workflow;

// One guard's checks compiled: the local checks and the provider check, if any. Compiled
// screens are cached by their checks (a 10,000-term list compiles once per process, not
// once per run).
class GuardScreen {
public:
    // Errors name the field under `path` ("config.checks", "guard.input.checks").
    static Result<std::shared_ptr<const GuardScreen>> compile(const nlohmann::json &checks, const std::string &path);

    const LocalGuard &local() const { return *m_local; }
    bool hasProvider() const { return m_provider.is_object(); }
    const nlohmann::json &provider() const { return m_provider; }

    // The local findings at once, then the provider's. `done` runs on the io_context's thread,
    // synchronously when there is no provider check. The call returned may be null.
    std::shared_ptr<ProviderCheckCall> check(boost::asio::io_context &io, RunServices &services, const Workflow &workflow,
                                             std::string text, TextSource source,
                                             std::function<void(GuardFindings, std::string error)> done) const;

    GuardScreen(std::shared_ptr<const LocalGuard> local, nlohmann::json provider)
        : m_local(std::move(local)), m_provider(std::move(provider)) {}

private:
    std::shared_ptr<const LocalGuard> m_local;
    nlohmann::json m_provider;  // null: none
};

// A workflow's app guard policy with its stages compiled (CompiledWorkflow::guard()).
struct AppGuard {
    GuardPolicy policy;
    std::shared_ptr<const GuardScreen> input;   // null: inputs are not checked
    std::shared_ptr<const GuardScreen> output;  // null: answers and outputs are not checked
    bool enabled() const { return input || output; }
};
// Errors name the field ("guard.output.checks.keywords.lists[0].terms").
Result<std::shared_ptr<const AppGuard>> compileAppGuard(const nlohmann::json &guard);

// The policy's problems, for the validator: its fields and each stage's checks (with the provider's).
Diagnostics validateAppGuard(const Workflow &workflow);

// Whether a finding stops a text under action Check: medium and high severities do;
// low ones (a user merely mentioning "instructions") are recorded only.
bool findingBlocks(const GuardFinding &finding);
bool anyBlocking(const GuardFindings &findings);
// What an action makes of a text and its findings: "blocked", "masked" or "flagged".
std::string guardVerdict(GuardAction action, const GuardFindings &findings);
// Mask mode: the findings that are replaced by placeholders (PII and secrets).
bool findingMasked(const GuardFinding &finding);

} // namespace flowdeck::engine
