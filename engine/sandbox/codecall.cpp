#include "engine/sandbox/codecall.h"

#include "engine/core/jsonaccess.h"

#include <algorithm>

namespace flowdeck::engine {

const char *codeLanguageName(CodeLanguage language)
{
    return language == CodeLanguage::Python ? "python3" : "javascript";
}

std::optional<CodeLanguage> codeLanguageFromName(std::string_view name)
{
    if (name == "python3")
        return CodeLanguage::Python;
    if (name == "javascript")
        return CodeLanguage::JavaScript;
    return std::nullopt;
}

nlohmann::json CodeLimits::toJson() const
{
    return {{"cpuMs", cpuMs}, {"wallMs", wallMs}, {"memoryMb", memoryMb}, {"outputKb", outputKb}, {"printKb", printKb}};
}

CodeLimits CodeLimits::fromJson(const nlohmann::json &config)
{
    CodeLimits l;
    // Bounded as the config schema bounds them, so a hand-edited file cannot ask for more.
    auto read = [&](const char *key, int fallback, int low, int high) {
        return std::clamp(valueOr(config, key, fallback), low, high);
    };
    l.cpuMs = read("cpuMs", l.cpuMs, 100, 600000);
    l.wallMs = read("wallMs", l.wallMs, 100, 3600000);
    l.memoryMb = read("memoryMb", l.memoryMb, 32, 16384);
    l.outputKb = read("outputKb", l.outputKb, 1, 65536);
    l.printKb = read("printKb", l.printKb, 0, 65536);
    return l;
}

const char *codeLimitName(CodeLimit limit)
{
    switch (limit) {
    case CodeLimit::None: return "";
    case CodeLimit::Cpu: return "cpu";
    case CodeLimit::Wall: return "wall";
    case CodeLimit::Memory: return "memory";
    case CodeLimit::Output: return "output";
    case CodeLimit::Print: return "print";
    }
    return "";
}

namespace {

// 500 ms, 5 s, 1.5 s
std::string duration(int ms)
{
    if (ms < 1000)
        return std::to_string(ms) + " ms";
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

} // namespace

CodeOutcome CodeOutcome::failure(ErrorKind kind, std::string message, int line)
{
    CodeOutcome o;
    o.errorKind = kind;
    o.error = std::move(message);
    o.line = line;
    return o;
}

CodeOutcome CodeOutcome::limit(CodeLimit which, const CodeLimits &limits)
{
    std::string sentence;
    switch (which) {
    case CodeLimit::Cpu:
        sentence = "The code ran longer than its CPU limit of " + duration(limits.cpuMs) +
                   ". Make it do less, or raise the limit in the node's settings.";
        break;
    case CodeLimit::Wall:
        sentence = "The code took longer than its time limit of " + duration(limits.wallMs) +
                   ". Make it do less, or raise the limit in the node's settings.";
        break;
    case CodeLimit::Memory:
        sentence = "The code used more than " + std::to_string(limits.memoryMb) +
                   " MiB of memory. Make it hold less at once, or raise the limit in the node's settings.";
        break;
    case CodeLimit::Output:
        sentence = "The code returned more than " + std::to_string(limits.outputKb) +
                   " KiB. Return less, or raise the limit in the node's settings.";
        break;
    case CodeLimit::Print:
        sentence = "The code printed more than " + std::to_string(limits.printKb) +
                   " KiB. Print less, or raise the limit in the node's settings.";
        break;
    case CodeLimit::None:
        break;
    }
    CodeOutcome o = failure(ErrorKind::Limit, std::move(sentence));
    o.limitHit = which;
    return o;
}

nlohmann::json CodeOutcome::toJson() const
{
    nlohmann::json j = {{"ok", ok}, {"outputs", outputs}, {"logs", logs}, {"elapsedMs", elapsedMs}};
    if (!ok) {
        j["error"] = {{"kind", errorKindName(errorKind)}, {"message", error}, {"line", line}};
    }
    j["limitHit"] = limitHit == CodeLimit::None ? nlohmann::json() : nlohmann::json(codeLimitName(limitHit));
    return j;
}

} // namespace flowdeck::engine
