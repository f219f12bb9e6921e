#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace flowdeck::engine {

// Where a checked text came from: a tool result or a retrieved passage that tells the
// model what to do is an injection, while a user asking the same is only suspicious.
enum class TextSource { User, Model, Tool, Retrieved };
const char *textSourceName(TextSource source);
TextSource textSourceFrom(const std::string &name);  // unknown: User

// One thing a guard check found (DESIGN.md §10). It never holds the matched text of a
// PII or secret finding: only where it is, so history and metrics can keep it.
struct GuardFinding {
    std::string check;     // pii, secret, keyword, injection, url, moderation, guard_model, judge
    std::string category;  // a taxonomy id (guardtaxonomy.h)
    std::string type;      // what was found: id_card, mobile, bank_card, api_key, a list's name, a pattern id, a host...
    std::string severity = "medium";  // low, medium, high
    std::size_t start = 0;  // byte offsets into the checked text (UTF-8);
    std::size_t end = 0;    // both 0: a verdict on the whole text (providers)
    double score = 1.0;     // a provider's score; 1 for local checks
    std::string label;      // safe to show: a list's term, a pattern's name, a URL's host; never PII or a secret

    nlohmann::json toJson() const;
    static GuardFinding fromJson(const nlohmann::json &value);  // tolerant: missing fields stay default
};

using GuardFindings = std::vector<GuardFinding>;

nlohmann::json findingsToJson(const GuardFindings &findings);
// The distinct categories of the findings, in first-seen order.
std::vector<std::string> findingCategories(const GuardFindings &findings);

} // namespace flowdeck::engine
