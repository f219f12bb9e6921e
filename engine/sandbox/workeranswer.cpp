#include "engine/sandbox/workeranswer.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"

#include <signal.h>

#include <cstring>

namespace flowdeck::engine {

namespace {

CodeLimit limitNamed(const std::string &name)
{
    for (CodeLimit l : {CodeLimit::Cpu, CodeLimit::Wall, CodeLimit::Memory, CodeLimit::Output, CodeLimit::Print})
        if (name == codeLimitName(l))
            return l;
    return CodeLimit::None;
}

// The last non-empty line of what a process wrote, shortened.
std::string lastLine(const std::string &text)
{
    const std::size_t end = text.find_last_not_of("\r\n \t");
    if (end == std::string::npos)
        return {};
    const std::size_t newline = text.rfind('\n', end);
    const std::size_t start = newline == std::string::npos ? 0 : newline + 1;
    return truncateUtf8(text.substr(start, end + 1 - start), 300);
}

std::string sentenceFor(const std::string &kind, const std::string &message, int line)
{
    const std::string at = line > 0 ? " on line " + std::to_string(line) : "";
    if (kind == "syntax")
        return "The code has a syntax error" + at + ": " + message;
    if (kind == "exception")
        return "The code failed" + at + ": " + message;
    return message;  // the runner's own sentence (no main, wrong arguments, not an object, not JSON)
}

} // namespace

CodeOutcome outcomeFromAnswer(const nlohmann::json &answer, const CodeCall &call)
{
    CodeOutcome out;
    out.logs = textOf(answer, "logs");
    if (valueOr(answer, "ok", false)) {
        const nlohmann::json outputs = valueOr(answer, "outputs", nlohmann::json());
        if (!outputs.is_object()) {
            out = CodeOutcome::failure(ErrorKind::Internal, "The code sandbox answered without the code's result.");
            out.logs = textOf(answer, "logs");
            return out;
        }
        out.ok = true;
        out.outputs = outputs;
        return out;
    }
    if (const CodeLimit limit = limitNamed(textOf(answer, "limitHit")); limit != CodeLimit::None) {
        out = CodeOutcome::limit(limit, call.limits);
    } else {
        const nlohmann::json error = valueOr(answer, "error", nlohmann::json::object());
        const std::string kind = textOf(error, "kind");
        const std::string message = truncateUtf8(textOf(error, "message"), 4000);
        const int line = valueOr(error, "line", 0);
        if (kind == "protocol" || message.empty())
            out = CodeOutcome::failure(ErrorKind::Internal, "The code sandbox could not read the call: " +
                                                                (message.empty() ? std::string("no reason given") : message));
        else
            out = CodeOutcome::failure(ErrorKind::InvalidInput, sentenceFor(kind, message, line), line);
    }
    out.logs = textOf(answer, "logs");
    if (const std::string trace = textOf(answer, "trace"); !trace.empty())
        out.logs += (out.logs.empty() || out.logs.back() == '\n' ? "" : "\n") + std::string("Traceback (the code's lines):\n") + trace + "\n";
    return out;
}

CodeOutcome outcomeFromExit(const SandboxWorker::Exit &exit, bool started, const CodeCall &call)
{
    if (exit.answerTooLarge)
        return CodeOutcome::limit(CodeLimit::Output, call.limits);
    if (exit.signaled && exit.signal == SIGXCPU)
        return CodeOutcome::limit(CodeLimit::Cpu, call.limits);
    // V8 stops the process when its heap limit is reached, saying so on stderr.
    for (const char *sign : {"heap out of memory", "Reached heap limit", "Allocation failed"})
        if (exit.logTail.find(sign) != std::string::npos)
            return CodeOutcome::limit(CodeLimit::Memory, call.limits);
    const std::string said = lastLine(exit.logTail);
    const std::string how = exit.signaled ? std::string("was ended by signal ") + ::strsignal(exit.signal)
                                          : "exited with status " + std::to_string(exit.exitCode);
    if (!started)
        return CodeOutcome::failure(ErrorKind::Internal,
                                    "The code sandbox could not start: " + (said.empty() ? "the worker " + how : said));
    if (!exit.problem.empty())
        return CodeOutcome::failure(ErrorKind::Internal, "The code sandbox's worker " + exit.problem + ".");
    return CodeOutcome::failure(ErrorKind::InvalidInput, "The code's process " + how + " before main returned" +
                                                             (said.empty() ? std::string(".") : ": " + said));
}

} // namespace flowdeck::engine
