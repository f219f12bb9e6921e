#include "engine/guard/secretcheck.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

namespace {

// How a match is judged: a token of a known issuer, or a value assigned to a name.
enum class SecretShape { Token, Password, Assigned, Verbatim };

struct SecretPattern {
    const char *type;   // the finding's type
    const char *label;  // what kind of secret, for people
    SecretShape shape;
    bool boundary;      // must not continue a word on its left (task-… is not sk-…)
    const char *regex;  // group 1, when present, is the secret's span
};

// Order matters where prefixes overlap: sk-ant- before sk-.
constexpr SecretPattern kPatterns[] = {
    {"private_key", "private key", SecretShape::Verbatim, false,
     R"(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?s:.*?-----END [A-Z0-9 ]*PRIVATE KEY-----)?)"},
    {"api_key", "Anthropic API key", SecretShape::Token, true, R"(sk-ant-[a-z0-9]{2,12}-[A-Za-z0-9_\-]{20,})"},
    {"api_key", "Stripe key", SecretShape::Token, true, R"((?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{20,})"},
    {"api_key", "API key (sk-)", SecretShape::Token, true, R"(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,})"},
    {"api_key", "GitHub token", SecretShape::Token, true, R"((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,})"},
    {"api_key", "GitHub token", SecretShape::Token, true, R"(github_pat_[A-Za-z0-9_]{40,})"},
    {"api_key", "GitLab token", SecretShape::Token, true, R"(glpat-[A-Za-z0-9_\-]{20,})"},
    {"api_key", "Slack token", SecretShape::Token, true, R"(xox[abposr]-[A-Za-z0-9\-]{10,})"},
    {"api_key", "AWS access key ID", SecretShape::Token, true, R"((?:AKIA|ASIA)[0-9A-Z]{16})"},
    {"api_key", "Google API key", SecretShape::Token, true, R"(AIza[0-9A-Za-z_\-]{35})"},
    {"api_key", "Hugging Face token", SecretShape::Token, true, R"(hf_[A-Za-z0-9]{30,})"},
    {"api_key", "Alibaba Cloud AccessKey ID", SecretShape::Token, true, R"(LTAI[A-Za-z0-9]{12,24})"},
    {"api_key", "Tencent Cloud SecretId", SecretShape::Token, true, R"(AKID[A-Za-z0-9]{32})"},
    {"token", "JSON Web Token", SecretShape::Token, true,
     R"(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})"},
    {"token", "bearer token", SecretShape::Assigned, true, R"((?i:bearer)\s+([A-Za-z0-9._~+/\-]{16,}=*))"},
    {"password", "password in a URL", SecretShape::Password, false,
     R"([A-Za-z][A-Za-z0-9+.\-]*://[^\s/:@]{1,64}:([^\s/@]{3,128})@)"},
    {"password", "password", SecretShape::Password, false,
     R"((?i:password|passwd|pwd|passcode|密码|口令)["']?\s*(?:[:=]|是|为|為)\s*["']?([A-Za-z0-9!#$%&*+\-./:=?@^_|~]{6,128}))"},
    {"secret", "secret assignment", SecretShape::Assigned, false,
     R"((?i:api[_\-]?key|apikey|access[_\-]?key(?:[_\-]?id|[_\-]?secret)?|secret(?:[_\-]?key)?|client[_\-]?secret|)"
     R"((?:auth|access|refresh|api|bot)[_\-]?token|token|密钥|秘钥|令牌))"
     R"(["']?\s*(?:[:=]|是|为|為)\s*["']?([A-Za-z0-9!#$%&*+\-./:=?@^_|~]{12,256}))"},
};

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool looksLikePlaceholder(std::string_view value)
{
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char *marker : {"xxxx", "your", "example", "placeholder", "redacted", "changeme", "<", "...", "***", "${", "{{",
                               "sample", "dummy"})
        if (lower.find(marker) != std::string::npos)
            return true;
    std::array<int, 256> counts{};
    for (const unsigned char c : value)
        ++counts[c];
    return *std::max_element(counts.begin(), counts.end()) * 2 > static_cast<int>(value.size());
}

bool hasLetterAndDigit(std::string_view v)
{
    return std::any_of(v.begin(), v.end(), [](unsigned char c) { return std::isalpha(c); }) &&
           std::any_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool acceptable(SecretShape shape, std::string_view value)
{
    switch (shape) {
    case SecretShape::Verbatim:
        return true;
    case SecretShape::Token:
        return !looksLikePlaceholder(value) && hasLetterAndDigit(value);
    case SecretShape::Password: {
        // Prose ("password: required") and paths ("pwd=/home/me") are not passwords.
        const bool word = std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isalpha(c); });
        return !word && value.front() != '/' && value.front() != '~' && value.front() != '.' && !looksLikePlaceholder(value);
    }
    case SecretShape::Assigned:
        return !looksLikePlaceholder(value) && hasLetterAndDigit(value) && shannonEntropy(value) >= 3.0;
    }
    return false;
}

struct CompiledSecrets {
    std::unique_ptr<RE2> any;  // every pattern at once: finds where the next candidate starts
    std::vector<std::unique_ptr<RE2>> each;
};

const CompiledSecrets &compiled()
{
    static const CompiledSecrets secrets = [] {
        CompiledSecrets c;
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(64 << 20);
        std::string all;
        for (const auto &p : kPatterns) {
            c.each.push_back(std::make_unique<RE2>(p.regex, options));
            all += (all.empty() ? "(?:" : "|(?:") + std::string(p.regex) + ")";
        }
        c.any = std::make_unique<RE2>(all, options);
        return c;
    }();
    return secrets;
}

} // namespace

bool secretPatternsCompile()
{
    const CompiledSecrets &c = compiled();
    return c.any->ok() && std::all_of(c.each.begin(), c.each.end(), [](const auto &re) { return re->ok(); });
}

double shannonEntropy(std::string_view text)
{
    if (text.empty())
        return 0;
    std::array<int, 256> counts{};
    for (const unsigned char c : text)
        ++counts[c];
    double bits = 0;
    for (const int n : counts)
        if (n > 0) {
            const double p = static_cast<double>(n) / static_cast<double>(text.size());
            bits -= p * std::log2(p);
        }
    return bits;
}

void findSecrets(std::string_view text, GuardFindings &out)
{
    const CompiledSecrets &c = compiled();
    if (!c.any->ok())
        return;
    const re2::StringPiece input(text.data(), text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        re2::StringPiece hit;
        if (!c.any->Match(input, pos, text.size(), RE2::UNANCHORED, &hit, 1))
            return;
        const std::size_t start = static_cast<std::size_t>(hit.data() - text.data());
        std::size_t next = start + 1;
        for (std::size_t k = 0; k < c.each.size(); ++k) {
            const SecretPattern &p = kPatterns[k];
            re2::StringPiece groups[2];
            const int count = std::min(2, 1 + c.each[k]->NumberOfCapturingGroups());
            if (!c.each[k]->Match(input, start, text.size(), RE2::ANCHOR_START, groups, count))
                continue;
            if (p.boundary && start > 0 && isTokenChar(text[start - 1]))
                continue;
            const re2::StringPiece secret = count == 2 && groups[1].data() ? groups[1] : groups[0];
            const std::string_view value(secret.data(), secret.size());
            if (value.empty() || !acceptable(p.shape, value))
                continue;
            GuardFinding f;
            f.check = "secret";
            f.category = "credential";
            f.type = p.type;
            f.severity = "high";
            f.start = static_cast<std::size_t>(secret.data() - text.data());
            f.end = f.start + secret.size();
            f.label = p.label;
            out.push_back(std::move(f));
            next = start + groups[0].size();
            break;
        }
        pos = std::max(next, start + 1);
    }
}

} // namespace flowdeck::engine
