// The guard's readers of outside text (engine/guard): the local checks over any bytes (a
// user's message, a model's answer, a tool's result), the streamed answer's hold-back fed
// in pieces, and the provider answers (moderation JSON, guard-model text, a judge's JSON).
// The first byte chooses the source, the piece size and which reader; findings must lie
// inside the text and name a category of the taxonomy, and a checked stream may only
// ever send a beginning of the text.
#include "engine/guard/guardmodelreply.h"
#include "engine/guard/guardscreen.h"
#include "engine/guard/guardstream.h"
#include "engine/guard/guardtaxonomy.h"
#include "engine/guard/judgeprompt.h"
#include "engine/guard/localguard.h"
#include "engine/guard/moderationreply.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace flowdeck::engine;

const nlohmann::json &checks()
{
    static const nlohmann::json value = nlohmann::json::parse(R"json({
      "pii": {}, "secrets": {}, "injection": {}, "urls": {"allow": ["example.com", "*.huaweicloud.com"]},
      "keywords": {"lists": [
        {"name": "zh", "category": "illegal", "terms": ["炸药配方", "法轮", "赌博网站", "翻墙"]},
        {"name": "en", "terms": ["forbidden recipe", "ass", "bomb"]}]}
    })json");
    return value;
}

void require(bool ok)
{
    if (!ok)
        std::abort();
}

void checkFindings(const GuardFindings &findings, std::string_view text)
{
    for (const auto &f : findings) {
        require(f.start <= f.end && f.end <= text.size());
        require(findGuardCategory(f.category) != nullptr);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    static const auto screen = GuardScreen::compile(checks(), "checks");
    require(screen.ok());
    const std::uint8_t how = data[0];
    const std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
    switch (how % 4) {
    case 0: {  // local checks and masking
        const auto findings = screen.value()->local().scan(text, static_cast<TextSource>((how >> 2) % 4));
        checkFindings(findings, text);
        (void)maskFindings(text, findings);
        break;
    }
    case 1: {  // a streamed answer in pieces of 1 to 32 bytes
        std::string sent;
        GuardStream::Setup setup;
        setup.screen = screen.value();
        setup.holdBackChars = 1 + (how >> 5);
        setup.deliver = [&](std::string_view piece) { sent.append(piece); };
        GuardStream stream(setup);
        const std::size_t piece = 1 + ((how >> 2) % 32);
        for (std::size_t at = 0; at < text.size(); at += piece)
            stream.push(std::string_view(text).substr(at, piece));
        bool done = false;
        stream.finish([&] { done = true; });
        require(done);
        require(text.compare(0, sent.size(), sent) == 0);
        break;
    }
    case 2: {  // a guard model's answer
        if (const auto reply = parseGuardModelReply(text))
            for (const auto &f : guardModelFindings(*reply, (how >> 2) & 1))
                require(findGuardCategory(f.category) != nullptr);
        break;
    }
    default: {  // a moderation endpoint's or a judge's JSON
        const auto json = nlohmann::json::parse(text, nullptr, false);
        if (!json.is_discarded())
            if (const auto findings = moderationFindings(json, 0.5))
                for (const auto &f : *findings)
                    require(findGuardCategory(f.category) != nullptr);
        if (const auto verdict = parseJudgeAnswer(text))
            for (const auto &f : judgeFindings(*verdict, 0.5))
                require(findGuardCategory(f.category) != nullptr);
        break;
    }
    }
    return 0;
}
