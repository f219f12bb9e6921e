#include "engine/guard/guardmodelreply.h"

#include "engine/nodes/structuredanswer.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace flowdeck::engine {

namespace {

struct KnownCategory {
    std::string_view key;  // Qwen3Guard: the name folded (lower case, letters and digits); Llama Guard: "s1".."s14"
    std::string_view name;
    std::string_view category;
};

// Qwen3Guard's categories (its model card). "Unethical Acts" is bias, hate, insults and the
// like that are not unlawful: the taxonomy's "other discrimination" is the nearest type.
constexpr std::array kQwen3Guard = {
    KnownCategory{"violent", "Violent", "violence"},
    KnownCategory{"nonviolentillegalacts", "Non-violent Illegal Acts", "illegal"},
    KnownCategory{"sexualcontentorsexualacts", "Sexual Content or Sexual Acts", "sexual"},
    KnownCategory{"pii", "PII", "personal_information"},
    KnownCategory{"suicideselfharm", "Suicide & Self-Harm", "physical_mental_harm"},
    KnownCategory{"unethicalacts", "Unethical Acts", "discrimination_other"},
    KnownCategory{"politicallysensitivetopics", "Politically Sensitive Topics", "national_security"},
    KnownCategory{"copyrightviolation", "Copyright Violation", "ip_infringement"},
    KnownCategory{"jailbreak", "Jailbreak", "jailbreak"},
};

// Llama Guard 3 and 4's hazard codes (MLCommons taxonomy). Specialized advice (medical,
// legal, financial) maps to GB/T's reliability risk; elections to false information.
constexpr std::array kLlamaGuard = {
    KnownCategory{"s1", "Violent Crimes", "violence"},
    KnownCategory{"s2", "Non-Violent Crimes", "illegal"},
    KnownCategory{"s3", "Sex-Related Crimes", "sexual"},
    KnownCategory{"s4", "Child Sexual Exploitation", "sexual"},
    KnownCategory{"s5", "Defamation", "reputation"},
    KnownCategory{"s6", "Specialized Advice", "unreliable"},
    KnownCategory{"s7", "Privacy", "privacy"},
    KnownCategory{"s8", "Intellectual Property", "ip_infringement"},
    KnownCategory{"s9", "Indiscriminate Weapons", "violence"},
    KnownCategory{"s10", "Hate", "discrimination_other"},
    KnownCategory{"s11", "Suicide & Self-Harm", "physical_mental_harm"},
    KnownCategory{"s12", "Sexual Content", "sexual"},
    KnownCategory{"s13", "Elections", "false_information"},
    KnownCategory{"s14", "Code Interpreter Abuse", "illegal"},
};

std::string foldedName(std::string_view text)
{
    std::string out;
    for (const char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmedReply(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n*`");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n*`.");
    return text.substr(begin, end - begin + 1);
}

std::vector<std::string_view> replyLines(std::string_view text)
{
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        if (auto line = trimmedReply(text.substr(0, nl)); !line.empty())
            out.push_back(line);
        if (nl == std::string_view::npos)
            break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

// The value of a "Name: value" line, when the line's name folds to `key`.
std::optional<std::string_view> replyField(std::string_view line, std::string_view key)
{
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || foldedName(line.substr(0, colon)) != key)
        return std::nullopt;
    return trimmedReply(line.substr(colon + 1));
}

template <std::size_t N>
GuardModelCategory knownCategory(const std::array<KnownCategory, N> &table, std::string_view code)
{
    const std::string key = foldedName(code);
    for (const auto &k : table)
        if (k.key == key)
            return {std::string(trimmedReply(code)), std::string(k.name), std::string(k.category)};
    return {std::string(trimmedReply(code)), std::string(trimmedReply(code)), "custom"};
}

std::optional<GuardModelReply> qwen3Guard(const std::vector<std::string_view> &all)
{
    std::optional<GuardModelReply> reply;
    std::string_view categories;
    for (const auto line : all) {
        if (auto safety = replyField(line, "safety")) {
            const std::string verdict = foldedName(*safety);
            if (verdict != "safe" && verdict != "unsafe" && verdict != "controversial")
                return std::nullopt;
            reply.emplace();
            reply->format = "qwen3guard";
            reply->verdict = verdict == "safe"     ? GuardModelVerdict::Safe
                             : verdict == "unsafe" ? GuardModelVerdict::Unsafe
                                                   : GuardModelVerdict::Controversial;
        } else if (auto named = replyField(line, "categories")) {
            categories = *named;
        } else if (auto one = replyField(line, "category")) {
            categories = *one;
        }
    }
    if (!reply)
        return std::nullopt;
    while (!categories.empty()) {
        const auto comma = categories.find(',');
        const auto name = trimmedReply(categories.substr(0, comma));
        if (!name.empty() && foldedName(name) != "none")
            reply->categories.push_back(knownCategory(kQwen3Guard, name));
        if (comma == std::string_view::npos)
            break;
        categories.remove_prefix(comma + 1);
    }
    return reply;
}

// The S-codes anywhere in `text` ("S1,S10", "S1: Violent Crimes", "s2 s3").
std::vector<GuardModelCategory> hazardCodes(std::string_view text)
{
    std::vector<GuardModelCategory> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts = (text[i] == 'S' || text[i] == 's') && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])));
        std::size_t end = i + 1;
        while (starts && end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
            ++end;
        if (!starts || end == i + 1 || end - i > 3 || (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))))
            continue;
        auto category = knownCategory(kLlamaGuard, text.substr(i, end - i));
        category.code[0] = 'S';
        const bool seen = std::any_of(out.begin(), out.end(), [&](const auto &c) { return c.code == category.code; });
        if (!seen)
            out.push_back(std::move(category));
        i = end - 1;
    }
    return out;
}

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::optional<GuardModelReply> llamaGuard(const std::vector<std::string_view> &all, std::string_view text)
{
    if (all.empty())
        return std::nullopt;
    GuardModelReply reply;
    reply.format = "llamaguard";
    if (foldedName(all.front()) == "safe")
        return reply;
    // "unsafe", alone on its line or followed by its codes ("unsafe S1"), never "unsafety".
    const std::string first = lowerAscii(all.front());
    if (first.rfind("unsafe", 0) != 0 || (first.size() > 6 && std::isalpha(static_cast<unsigned char>(first[6]))))
        return std::nullopt;
    reply.verdict = GuardModelVerdict::Unsafe;
    reply.categories = hazardCodes(text.substr(lowerAscii(text).find("unsafe") + 6));
    return reply;
}

} // namespace

std::optional<GuardModelReply> parseGuardModelReply(std::string_view answer)
{
    const std::string text = withoutReasoning(answer);
    const auto all = replyLines(text);
    if (auto reply = qwen3Guard(all))
        return reply;
    return llamaGuard(all, text);
}

GuardFindings guardModelFindings(const GuardModelReply &reply, bool strict)
{
    GuardFindings out;
    if (reply.verdict == GuardModelVerdict::Safe || (reply.verdict == GuardModelVerdict::Controversial && !strict))
        return out;
    const char *severity = reply.verdict == GuardModelVerdict::Unsafe ? "high" : "low";
    auto add = [&](const std::string &category, const std::string &type, const std::string &label) {
        GuardFinding f;
        f.check = "guard_model";
        f.category = category;
        f.type = type;
        f.severity = severity;
        f.label = label;
        out.push_back(std::move(f));
    };
    for (const auto &c : reply.categories)
        add(c.category, c.code, c.name);
    if (out.empty())
        add("custom", reply.verdict == GuardModelVerdict::Unsafe ? "unsafe" : "controversial", {});
    return out;
}

} // namespace flowdeck::engine
