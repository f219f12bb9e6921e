#pragma once

#include "engine/run/runtrace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace flowdeck::runtime {

class LiveApp;

// What the run history keeps of a served run's nodes (RunRecord::trace): an
// engine::RunTrace fed with the run's events on the serving loop, made into text on the
// history's thread. It never holds what the runtime keeps from anyone else:
// - the app's secret values become "[secret]" in every text of it (inputs, outputs,
//   errors, previews of cut values), and a preview never ends in the first characters of one;
// - PII and secrets an input guard found in the run's inputs become the guard's typed
//   placeholders ("[ID_CARD]") wherever they appear, as in the history's inputs;
// - with an output check in the app's guard policy, nodes keep no inputs or outputs (the
//   rule of the run API's event stream: they would show model text the guard did not
//   check, or held back); statuses, ports, times and errors stay.
// Each value is cut past kMaxValueBytes and the whole past kMaxTotalBytes (RunTrace).
class ServedTrace {
public:
    static constexpr std::size_t kMaxValueBytes = 64 * 1024;
    static constexpr std::size_t kMaxTotalBytes = 2 * 1024 * 1024;

    explicit ServedTrace(const LiveApp &app);

    void add(const engine::RunEvent &event);
    // Notes the spans an input guard_checked event found in `given` ({"inputs", "query"} as
    // the history keeps them, not yet masked), to mask them in the trace too.
    void noteGuardedInputs(const nlohmann::json &given, const engine::RunEvent &event);
    // `text` with what noteGuardedInputs found replaced by the placeholders: the history's
    // outputs and error of a run whose inputs a guard flagged (or only checked) but let through.
    std::string maskGuarded(std::string text) const;
    // The trace's text, for RunRecord::traceText: takes what was traced so far.
    std::function<std::string()> takeText();

private:
    std::shared_ptr<engine::RunTrace> m_trace;
    bool m_outputGuarded = false;
    std::vector<std::string> m_secrets;
    std::vector<std::pair<std::string, std::string>> m_masks;  // found text -> placeholder
};

} // namespace flowdeck::runtime
