#pragma once

#include "engine/core/diagnostic.h"
#include "engine/guard/guardfinding.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace flowdeck::engine {

struct RunServices;
struct Workflow;

// A provider check's answer. A check that could not be made (timeout, refused key, an
// answer it cannot read) is `failed` with a sentence; when the config says
// "onError": "block" (fail-closed) its findings then hold one finding of category
// "check_unavailable" (severity high), so callers act on findings alone. Fail-open
// ("allow", the default) leaves findings empty.
struct ProviderVerdict {
    GuardFindings findings;
    bool failed = false;
    std::string error;
};

class ProviderCheckCall {
public:
    virtual ~ProviderCheckCall() = default;
    virtual void cancel() = 0;  // `done` is not called after this
};

// The "provider" object of a guard's checks (docs/guard.md):
//   kind "moderation": POST {base}/moderations {model, input}; flagged categories (and any
//     category score at or over "threshold") become findings mapped to the taxonomy;
//   kind "guard_model": a chat completion to a guard model (Qwen3Guard's "Safety: Unsafe /
//     Categories: ..." or Llama Guard's "unsafe\nS1,S10" answers);
//   kind "judge": a chat completion to any model with "policy", answering JSON
//     {"score": 0..1, "categories": [...], "reason": "..."}; score >= "threshold" is a finding.
// "model" names an alias of the workflow's "models" (as llm nodes do); "timeoutMs"
// (default 10000) bounds the whole check, its two attempts included; "onError": "allow" |
// "block"; "strict" (guard_model): Qwen3Guard's Controversial is a low-severity finding.
// An empty text is not sent: it finds nothing. Call on `io`'s thread; `done` runs there,
// once, and the call lives until then even when its handle is dropped.
std::shared_ptr<ProviderCheckCall> startProviderCheck(boost::asio::io_context &io, RunServices &services,
                                                      const Workflow &workflow, const nlohmann::json &provider,
                                                      std::string text, TextSource source,
                                                      std::function<void(ProviderVerdict)> done);

// Problems with a "provider" object, for the validator (field names under `path`).
Diagnostics validateProviderCheck(const nlohmann::json &provider, const Workflow &workflow, const std::string &path);

} // namespace flowdeck::engine
