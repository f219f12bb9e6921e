#include "engine/guard/piicheck.h"

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace flowdeck::engine {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool allDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isDigit); }
bool isMobile(std::string_view d) { return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && allDigits(d); }

// A maximal run of ASCII letters and digits.
struct Token {
    std::size_t start;
    std::size_t end;
};

std::vector<Token> tokensOf(std::string_view text)
{
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        if (!isAlnum(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isAlnum(text[j]))
            ++j;
        tokens.push_back({i, j});
        i = j;
    }
    return tokens;
}

void add(GuardFindings &out, const char *type, const char *severity, std::size_t start, std::size_t end)
{
    GuardFinding f;
    f.check = "pii";
    f.category = "personal_information";
    f.type = type;
    f.severity = severity;
    f.start = start;
    f.end = end;
    out.push_back(std::move(f));
}

bool isDateOfBirth(int year, int month, int day)
{
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                              std::chrono::day(static_cast<unsigned>(day))};
    if (year < 1900 || !date.ok())
        return false;
    const year_month_day today{floor<days>(system_clock::now())};
    return date <= today;
}

int number(std::string_view s)
{
    int n = 0;
    for (const char c : s)
        n = n * 10 + (c - '0');
    return n;
}

// Whether digits that end just before `start` / start at `end` make the run part of a decimal number.
bool insideDecimal(std::string_view text, std::size_t start, std::size_t end)
{
    const bool before = start >= 2 && text[start - 1] == '.' && isDigit(text[start - 2]);
    const bool after = end + 1 < text.size() && text[end] == '.' && isDigit(text[end + 1]);
    return before || after;
}

// A number whose digits may be grouped by single spaces or hyphens ("138 1234 5678"):
// an ID number, a mobile number (with or without 86) or a bank card, in that order.
const char *classifyNumber(const std::string &digits, const char *&severity)
{
    severity = "high";
    if (digits.size() == 18 && isValidIdNumber(digits))
        return "id_card";
    severity = "medium";
    if (isMobile(digits) || (digits.size() == 13 && digits.starts_with("86") && isMobile(std::string_view(digits).substr(2))) ||
        (digits.size() == 15 && digits.starts_with("0086") && isMobile(std::string_view(digits).substr(4))))
        return "mobile";
    severity = "high";
    if (digits.size() >= 13 && digits.size() <= 19 && digits[0] >= '3' && digits[0] <= '6' && allDigits(digits) &&
        passesLuhn(digits))
        return "bank_card";
    return nullptr;
}

void findNumbers(std::string_view text, const std::vector<Token> &tokens, std::uint32_t types, GuardFindings &out)
{
    const auto wanted = [&](const char *type) {
        PiiType t;
        return piiTypeFrom(type, t) && (types & piiBit(t));
    };
    const auto numeric = [&](const Token &t) {
        const std::string_view s = text.substr(t.start, t.end - t.start);
        return allDigits(s) || (s.size() == 18 && allDigits(s.substr(0, 17)) && (s[17] == 'X' || s[17] == 'x'));
    };
    const auto tryRun = [&](std::size_t first, std::size_t last) {
        const std::size_t start = tokens[first].start;
        const std::size_t end = tokens[last].end;
        if (insideDecimal(text, start, end))
            return false;
        std::string digits;
        for (std::size_t k = first; k <= last; ++k)
            digits.append(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
        const char *severity = nullptr;
        const char *type = classifyNumber(digits, severity);
        if (!type || !wanted(type))
            return false;
        const bool plus = std::string_view(type) == "mobile" && digits.size() > 11 && start > 0 && text[start - 1] == '+';
        add(out, type, severity, plus ? start - 1 : start, end);
        return true;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (!numeric(tokens[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < tokens.size() && tokens[j + 1].start == tokens[j].end + 1 &&
               (text[tokens[j].end] == ' ' || text[tokens[j].end] == '-') && numeric(tokens[j + 1]))
            ++j;
        if (!tryRun(i, j) && j > i)
            for (std::size_t k = i; k <= j; ++k)
                tryRun(k, k);
        i = j + 1;
    }
}

bool isPassport(std::string_view s)
{
    if (s.size() != 9)
        return false;
    if ((s[0] == 'E' || s[0] == 'G') && allDigits(s.substr(1)))
        return true;  // ordinary passports: E or (older) G and eight digits
    if (s[0] == 'E' && s[1] >= 'A' && s[1] <= 'Z' && s[1] != 'I' && s[1] != 'O' && allDigits(s.substr(2)))
        return true;  // E, a letter, seven digits (issued since the E-numbers ran out)
    return (s[0] == 'D' || s[0] == 'S' || s[0] == 'P') && s[1] == 'E' && allDigits(s.substr(2));  // diplomatic, service, public affairs
}

void findCodes(std::string_view text, const std::vector<Token> &tokens, std::uint32_t types, GuardFindings &out)
{
    for (const Token &t : tokens) {
        const std::string_view s = text.substr(t.start, t.end - t.start);
        if ((types & piiBit(PiiType::CreditCode)) && s.size() == 18 && !allDigits(s) && isValidCreditCode(s))
            add(out, "credit_code", "low", t.start, t.end);
        else if ((types & piiBit(PiiType::Passport)) && isPassport(s))
            add(out, "passport", "high", t.start, t.end);
    }
}

bool isLocalChar(char c) { return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool isDomainChar(char c) { return isAlnum(c) || c == '.' || c == '-'; }

void findEmails(std::string_view text, GuardFindings &out)
{
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t at = text.find('@', from);
        if (at == std::string_view::npos)
            return;
        from = at + 1;
        std::size_t start = at;
        while (start > 0 && isLocalChar(text[start - 1]))
            --start;
        while (start < at && !isAlnum(text[start]))
            ++start;  // a local part starts with a letter or digit
        std::size_t end = at + 1;
        while (end < text.size() && isDomainChar(text[end]))
            ++end;
        while (end > at + 1 && !isAlnum(text[end - 1]))
            --end;
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        const std::size_t dot = domain.rfind('.');
        if (start == at || dot == std::string_view::npos || domain.find("..") != std::string_view::npos ||
            domain.front() == '.' || domain.front() == '-' || domain.size() - dot - 1 < 2 ||
            !std::all_of(domain.begin() + static_cast<std::ptrdiff_t>(dot) + 1, domain.end(), isAlpha))
            continue;
        add(out, "email", "medium", start, end);
        from = end;
    }
}

bool inside(const GuardFindings &found, std::size_t start, std::size_t end)
{
    return std::any_of(found.begin(), found.end(), [&](const GuardFinding &f) { return start < f.end && f.start < end; });
}

// Words that make a dotted quad a version: "version 1.2.3.4", "版本 1.0.0.1".
bool afterVersionWord(std::string_view text, std::size_t start)
{
    std::size_t i = start;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == ':'))
        --i;
    const std::string_view before = text.substr(0, i);
    for (const std::string_view word : {"version", "Version", "VERSION", "ver", "Ver", "release", "Release", "build",
                                        "Build", "版本", "版本号", "版"})
        if (before.ends_with(word) && (before.size() == word.size() || !isAlpha(before[before.size() - word.size() - 1])))
            return true;
    return false;
}

void findIpv4(std::string_view text, const std::vector<Token> &tokens, GuardFindings &out)
{
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
        bool ok = true;
        for (std::size_t k = i; k < i + 4 && ok; ++k) {
            const std::string_view part = text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
            ok = allDigits(part) && part.size() <= 3 && number(part) <= 255 &&
                 (k == i + 3 || (tokens[k + 1].start == tokens[k].end + 1 && text[tokens[k].end] == '.'));
        }
        if (!ok)
            continue;
        const std::size_t start = tokens[i].start;
        const std::size_t end = tokens[i + 3].end;
        const bool longerBefore = start > 0 && text[start - 1] == '.' && start > 1 && isAlnum(text[start - 2]);
        const bool longerAfter = end + 1 < text.size() && text[end] == '.' && isAlnum(text[end + 1]);
        if (longerBefore || longerAfter || afterVersionWord(text, start))
            continue;
        add(out, "ip", "low", start, end);
        i += 3;
    }
}

void findIpv6(std::string_view text, GuardFindings &out)
{
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t colon = text.find(':', from);
        if (colon == std::string_view::npos)
            return;
        std::size_t start = colon;
        while (start > 0 && (isHex(text[start - 1]) || text[start - 1] == ':'))
            --start;
        std::size_t end = colon;
        while (end < text.size() && (isHex(text[end]) || text[end] == ':'))
            ++end;
        from = end + 1;
        if (end >= 2 && text[end - 1] == ':' && text[end - 2] != ':')
            --end;  // "…::1:" ends a sentence with a colon
        if ((start > 0 && (isAlnum(text[start - 1]) || text[start - 1] == '.')) ||
            (end < text.size() && (isAlnum(text[end]) || (text[end] == '.' && end + 1 < text.size() && isDigit(text[end + 1])))))
            continue;
        const std::string candidate(text.substr(start, end - start));
        std::size_t groups = 0;
        bool digit = false;
        bool longGroup = false;
        for (std::size_t k = 0; k < candidate.size();) {
            std::size_t j = k;
            while (j < candidate.size() && candidate[j] != ':')
                ++j;
            if (j > k)
                ++groups;
            longGroup = longGroup || j - k >= 3;
            k = j + 1;
        }
        digit = std::any_of(candidate.begin(), candidate.end(), isDigit);
        in6_addr address;
        if (groups >= 2 && digit && longGroup && inet_pton(AF_INET6, candidate.c_str(), &address) == 1)
            add(out, "ip", "low", start, end);
    }
}

} // namespace

const std::vector<std::string> &piiTypeNames()
{
    static const std::vector<std::string> names = {"id_card", "mobile", "bank_card", "credit_code", "passport", "email", "ip"};
    return names;
}

bool piiTypeFrom(std::string_view name, PiiType &type)
{
    const auto &names = piiTypeNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        return false;
    type = static_cast<PiiType>(it - names.begin());
    return true;
}

bool isValidIdNumber(std::string_view id)
{
    if (id.size() != 18 || !allDigits(id.substr(0, 17)))
        return false;
    static constexpr int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                         43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    if (std::find(std::begin(kProvinces), std::end(kProvinces), number(id.substr(0, 2))) == std::end(kProvinces))
        return false;
    if (!isDateOfBirth(number(id.substr(6, 4)), number(id.substr(10, 2)), number(id.substr(12, 2))))
        return false;
    static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i)
        sum += (id[i] - '0') * kWeights[i];
    const char expected = "10X98765432"[sum % 11];
    const char last = id[17] == 'x' ? 'X' : id[17];
    return last == expected;
}

bool passesLuhn(std::string_view digits)
{
    if (digits.size() < 2 || !allDigits(digits))
        return false;
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled && (d *= 2) > 9)
            d -= 9;
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool isValidCreditCode(std::string_view code)
{
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // no I, O, S, V, Z
    static constexpr int kWeights[] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (code.size() != 18 || std::string_view("123456789ANY").find(code[0]) == std::string_view::npos ||
        !isDigit(code[1]) || code[1] == '0' || !allDigits(code.substr(2, 6)))
        return false;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const std::size_t value = kAlphabet.find(code[i]);
        if (value == std::string_view::npos)
            return false;
        sum += static_cast<int>(value) * kWeights[i];
    }
    return code[17] == kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

void findPii(std::string_view text, std::uint32_t types, GuardFindings &out)
{
    GuardFindings found;
    if (types & piiBit(PiiType::Email))
        findEmails(text, found);
    const std::vector<Token> tokens = tokensOf(text);
    GuardFindings inner;  // numbers and codes that are part of an e-mail address are the address
    findNumbers(text, tokens, types, inner);
    findCodes(text, tokens, types, inner);
    if (types & piiBit(PiiType::Ip)) {
        findIpv4(text, tokens, inner);
        findIpv6(text, inner);
    }
    for (auto &f : inner)
        if (!inside(found, f.start, f.end))
            found.push_back(std::move(f));
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

} // namespace flowdeck::engine
