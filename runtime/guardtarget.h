#pragma once

#include "runtime/guardbank.h"
#include "runtime/guardreport.h"

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// What `flowdeck guard test` sends the bank's prompts to.
struct GuardTargetOptions {
    std::string target;       // a *.flow.json, or with `url` an app's name
    std::string url;          // a runtime's base URL (http://host:port)
    std::string key;          // its API key for the app
    std::string promptInput;  // the start input that takes the prompt (workflow mode); empty: the first text input
    nlohmann::json inputs = nlohmann::json::object();  // other start inputs by name
    std::vector<std::string> envs;    // NAME=value for {{env.NAME}} (local runs)
    std::string profile, model, profilesFile;
    int timeoutSeconds = 300;
};

// Runs one case at a time or several at once; `done` is called exactly once per start()
// on the io_context's thread, with Kind::Pending when the case was stopped by cancelAll().
class GuardTarget {
public:
    using Done = std::function<void(CaseOutcome)>;
    virtual ~GuardTarget() = default;
    virtual void start(const BankCase &c, Done done) = 0;
    virtual void cancelAll() = 0;
    virtual void close() {}  // before the io_context goes away (plugin servers)
    // For the report: {"kind", "name", ...}.
    virtual nlohmann::json describe() const = 0;
};

// A workflow file run in-process as `flowdeck run` runs it (profiles, secrets, plugins),
// its app guard policy applied by the engine. nullptr (with a message printed on
// stderr and `exitCode` set) when it does not load or validate.
std::unique_ptr<GuardTarget> makeLocalGuardTarget(boost::asio::io_context &io, const GuardTargetOptions &options,
                                                  RefusalMatcher &matcher, int &exitCode);

// A deployed app, through its OpenAI-compatible endpoint (POST {url}/v1/chat/completions).
std::unique_ptr<GuardTarget> makeEndpointGuardTarget(boost::asio::io_context &io, const GuardTargetOptions &options,
                                                     const RefusalMatcher &matcher, int &exitCode);

} // namespace flowdeck::runtime
