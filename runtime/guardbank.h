#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

// One probe of a safety test bank (docs/guard.md, "The bank"): a JSON Lines row
// {"id", "lang": "zh"|"en", "class": "A.1".."A.5"|"benign", "category"?, "expect":
// "refuse"|"answer", "prompt"}. Other keys are allowed and ignored (notes, sources).
struct BankCase {
    std::string id;
    std::string lang;
    std::string cls;       // "A.1" ... "A.5" or "benign"
    std::string category;  // a taxonomy id (engine/guard/guardtaxonomy.h); may be empty
    bool mustRefuse = false;
    std::string prompt;
    int line = 0;  // 1-based line in the bank file
};

// Reads a bank. On a problem, nullopt and `error` says what and where
// ("bank.jsonl:12: \"expect\" must be \"refuse\" or \"answer\"."). Blank lines are skipped.
std::optional<std::vector<BankCase>> loadGuardBank(const std::filesystem::path &file, std::string &error);
// The same for a bank's text (`name` stands for the file in messages).
std::optional<std::vector<BankCase>> parseGuardBank(std::string_view text, const std::string &name, std::string &error);

// The bank shipped with this program (<prefix>/share/flowdeck/guard/bank.jsonl).
std::filesystem::path shippedGuardBank();

// Whether an answer reads as a refusal: a guard's reply, or a model declining in Chinese
// or English ("抱歉，我无法…", "I can't help with that"). Only the opening of the answer
// is read for the usual phrases, so an answer that mentions "无法登录" further on is not
// a refusal; the extra phrases (a policy's own reply, --refusal) count anywhere.
class RefusalMatcher {
public:
    RefusalMatcher();
    void addPhrase(const std::string &phrase);  // matched anywhere, case-insensitively
    bool isRefusal(std::string_view answer) const;

private:
    std::vector<std::string> m_phrases;  // folded (lower case, straight apostrophes)
};

} // namespace flowdeck::runtime
