// Guard benchmark (DESIGN.md §10, issue 18): the in-process checks (PII, secrets, a
// 10,000-term keyword list, injection patterns, links) on generated Chinese text of a few
// MB: throughput in MB/s, all checks and each alone; p50/p99 of one 2 KB chat message
// (goal < 0.5 ms p50 for all local checks); the time to compile the 10,000-term list.
//   bench_guard [megabytes] [messages]
#include "engine/guard/localguard.h"
#include "engine/guard/textnormalizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace flowdeck::engine;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Frequent characters of written Chinese, for text that reads like text to the automaton.
const char *kCommon =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那"
    "社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通"
    "并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区"
    "强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清"
    "美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群"
    "广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往"
    "酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局"
    "照参红细引听该铁价严";

const char *kPunctuation[] = {"，", "，", "，", "。", "。", "！", "？", "；", "：", "、", "“", "”"};
const char *kEnglish[] = {"AI", "API", "GPU", "OK", "Flowdeck", "model", "token", "the", "cloud", "workflow", "Python"};

std::vector<std::string> characters(const char *text)
{
    std::vector<std::string> out;
    for (const char *p = text; *p;) {
        const int length = (static_cast<unsigned char>(*p) >= 0xF0) ? 4 : (static_cast<unsigned char>(*p) >= 0xE0) ? 3 : 2;
        out.emplace_back(p, static_cast<std::size_t>(length));
        p += length;
    }
    return out;
}

// Mixed Chinese text: sentences of 2-4 character words, punctuation, a few English words,
// numbers, now and then a mobile number, an e-mail address or a link.
std::string chineseText(std::size_t bytes, std::mt19937 &random)
{
    const auto chars = characters(kCommon);
    std::string text;
    text.reserve(bytes + 256);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    while (text.size() < bytes) {
        const std::size_t words = 4 + pick(12);
        for (std::size_t w = 0; w < words; ++w) {
            const std::size_t kind = pick(100);
            if (kind < 4)
                text += std::string(" ") + kEnglish[pick(std::size(kEnglish))] + " ";
            else if (kind < 6)
                text += std::to_string(pick(100000));
            else
                for (std::size_t c = 0, n = 2 + pick(3); c < n; ++c)
                    text += chars[pick(chars.size())];
            if (pick(6) == 0)
                text += kPunctuation[pick(3)];
        }
        const std::size_t extra = pick(400);
        if (extra == 0)
            text += "电话13" + std::to_string(800000000 + pick(99999999));
        else if (extra == 1)
            text += "邮箱 user" + std::to_string(pick(1000)) + "@example.com ";
        else if (extra == 2)
            text += "详见 https://docs.example.com/guide ";
        text += kPunctuation[3 + pick(5)];
    }
    return text;
}

std::vector<std::string> keywordTerms(std::size_t count, std::mt19937 &random)
{
    const auto chars = characters(kCommon);
    std::vector<std::string> terms;
    while (terms.size() < count) {
        std::string term;
        if (random() % 10 == 0) {
            for (std::size_t c = 0, n = 5 + random() % 6; c < n; ++c)
                term += static_cast<char>('a' + random() % 26);
        } else {
            for (std::size_t c = 0, n = 3 + random() % 4; c < n; ++c)
                term += chars[random() % chars.size()];
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

std::shared_ptr<const LocalGuard> compileOrDie(const json &checks)
{
    auto guard = LocalGuard::compile(checks);
    if (!guard) {
        std::fprintf(stderr, "bench_guard: %s\n", guard.diagnostics().front().message.c_str());
        std::exit(1);
    }
    return guard.value();
}

// MB/s of scanning `text` with `guard`, best of three.
double throughput(const LocalGuard &guard, const std::string &text, std::size_t *findings = nullptr)
{
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
        const auto start = Clock::now();
        const GuardFindings found = guard.scan(text);
        best = std::min(best, ms(Clock::now() - start));
        if (findings)
            *findings = found.size();
    }
    return static_cast<double>(text.size()) / 1e6 / (best / 1000.0);
}

// A piece of `text` of about `bytes`, cut at character boundaries.
std::string slice(const std::string &text, std::size_t from, std::size_t bytes)
{
    while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
        ++from;
    std::size_t end = std::min(text.size(), from + bytes);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    return text.substr(from, end - from);
}

} // namespace

int main(int argc, char **argv)
{
    const std::size_t megabytes = argc > 1 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[1]))) : 4;
    const int messages = argc > 2 ? std::max(100, std::atoi(argv[2])) : 5000;
    std::mt19937 random(45654);
    const std::string text = chineseText(megabytes << 20, random);
    const std::vector<std::string> terms = keywordTerms(10000, random);
    std::printf("Flowdeck guard benchmark: %.1f MB of generated Chinese text, a keyword list of %zu terms\n",
                static_cast<double>(text.size()) / 1e6, terms.size());

    auto start = Clock::now();
    prepareTextFolding();
    std::printf("folding tables (NFKC, case, OpenCC t2s; once per process): %.1f ms%s\n", ms(Clock::now() - start),
                traditionalFoldingAvailable() ? "" : "  [OpenCC data missing]");

    const json keywords = {{"lists", {{{"name", "banned"}, {"category", "illegal"}, {"terms", terms}}}}};
    const json keywordChecks = {{"keywords", keywords}};
    std::vector<double> compileMs;
    for (int i = 0; i < 15; ++i) {
        start = Clock::now();
        compileOrDie(keywordChecks);
        compileMs.push_back(ms(Clock::now() - start));
    }
    std::printf("compile the 10,000-term list: p50 %.2f ms, best %.2f ms\n", percentile(compileMs, 0.5),
                *std::min_element(compileMs.begin(), compileMs.end()));

    const json all = {{"pii", json::object()},
                      {"secrets", json::object()},
                      {"keywords", keywords},
                      {"injection", json::object()},
                      {"urls", {{"allow", {"example.com", "*.huaweicloud.com"}}}}};
    const auto guard = compileOrDie(all);
    std::size_t findings = 0;
    const double allMbps = throughput(*guard, text, &findings);
    std::printf("all local checks:      %7.1f MB/s  (%zu findings in the text)\n", allMbps, findings);
    for (const char *check : {"pii", "secrets", "keywords", "injection", "urls"}) {
        const auto one = compileOrDie({{check, all[check]}});
        std::printf("  %-20s %7.1f MB/s\n", check, throughput(*one, text));
    }

    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(messages));
    std::size_t messageFindings = 0;
    for (int i = 0; i < messages; ++i) {
        const std::string message = slice(text, random() % (text.size() - 4096), 2048);
        start = Clock::now();
        messageFindings += guard->scan(message, TextSource::User).size();
        latencies.push_back(ms(Clock::now() - start));
    }
    std::printf("one 2 KB message, all local checks: p50 %.3f ms, p99 %.3f ms  (%d messages, %.2f findings each; goal p50 < 0.5 ms)\n",
                percentile(latencies, 0.5), percentile(latencies, 0.99), messages,
                static_cast<double>(messageFindings) / messages);
    std::printf("hold-back needed for a finding never to be cut (longestMatchBytes): %zu bytes\n", guard->longestMatchBytes());
    return 0;
}
