#include "engine/sandbox/coderun.h"

#include <boost/asio/post.hpp>

namespace flowdeck::engine {

CodeCall codeCallFor(const CodeConfig &config, const nlohmann::json &inputsByName)
{
    CodeCall call;
    call.language = config.language;
    call.code = config.code;
    call.limits = config.limits;
    call.inputs = nlohmann::json::object();
    for (const auto &input : config.inputs) {
        const auto it = inputsByName.is_object() ? inputsByName.find(input.name) : inputsByName.end();
        call.inputs[input.name] = inputsByName.is_object() && it != inputsByName.end() ? *it : nlohmann::json();
    }
    return call;
}

CodeOutcome checkedAgainst(const CodeConfig &config, CodeOutcome outcome)
{
    if (!outcome.ok)
        return outcome;
    if (std::string why = config.checkOutputs(outcome.outputs); !why.empty()) {
        outcome.ok = false;
        outcome.errorKind = ErrorKind::InvalidInput;
        outcome.error = std::move(why);
    }
    return outcome;
}

CodeSandboxPool::CallId runCodeOnce(CodeSandboxPool &pool, const nlohmann::json &config, const nlohmann::json &inputs,
                                    std::function<void(CodeOutcome)> done)
{
    const CodeConfig parsed(config);
    for (const auto &problem : parsed.problems({})) {
        if (!problem.isError())
            continue;
        boost::asio::post(pool.io(), [done = std::move(done), message = problem.message] {
            done(CodeOutcome::failure(ErrorKind::InvalidInput, message));
        });
        return 0;
    }
    return pool.run(codeCallFor(parsed, inputs),
                    [parsed, done = std::move(done)](CodeOutcome outcome) { done(checkedAgainst(parsed, std::move(outcome))); });
}

CodeOutcome runCodeOnce(const nlohmann::json &config, const nlohmann::json &inputs)
{
    boost::asio::io_context io;
    CodeOutcome result;
    bool finished = false;
    auto pool = CodeSandboxPool::create(io);
    runCodeOnce(*pool, config, inputs, [&](CodeOutcome outcome) {
        result = std::move(outcome);
        finished = true;
    });
    while (!finished && io.run_one()) {
    }
    pool.reset();  // the worker is killed and reaped here
    return result;
}

} // namespace flowdeck::engine
