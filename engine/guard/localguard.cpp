#include "engine/guard/localguard.h"

#include "engine/guard/guardtaxonomy.h"
#include "engine/guard/injectioncheck.h"
#include "engine/guard/keywordcheck.h"
#include "engine/guard/piicheck.h"
#include "engine/guard/secretcheck.h"
#include "engine/guard/textnormalizer.h"
#include "engine/guard/urlcheck.h"

#include <algorithm>
#include <optional>

namespace flowdeck::engine {

namespace {

// The longest PII item the checks read (a grouped bank card, an IPv6 address, an e-mail address).
constexpr std::size_t kLongestPiiBytes = 64;
constexpr std::size_t kLongestSecretBytes = 200;
constexpr std::size_t kLongestUrlBytes = 128;

const std::vector<std::string> &knownChecks()
{
    static const std::vector<std::string> names = {"pii", "secrets", "keywords", "injection", "urls", "provider"};
    return names;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Reads a "checks" object, collecting a diagnostic per problem (each names its field).
class ChecksReader {
public:
    Diagnostics diagnostics;

    void problem(std::string code, const std::string &field, const std::string &sentence, std::vector<std::string> args,
                 Diagnostic::Severity severity = Diagnostic::Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.field = field;
        d.message = sentence;
        d.args = std::move(args);
        diagnostics.push_back(std::move(d));
    }

    // The strings of a list, or nothing (with a diagnostic `code`: "<what> must be a list of text") when it is not.
    std::optional<std::vector<std::string>> texts(const nlohmann::json &value, const std::string &field, const char *code,
                                                  const char *what)
    {
        if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto &v) { return v.is_string(); })) {
            problem(code, field, std::string(what) + " must be a list of text, one string each.", {});
            return std::nullopt;
        }
        std::vector<std::string> out;
        out.reserve(value.size());
        for (const auto &v : value)
            out.push_back(v.get<std::string>());
        return out;
    }

    // A string field that must be one of `allowed` (empty: any taxonomy id), or the fallback when absent.
    std::string oneOf(const nlohmann::json &object, const char *key, const std::string &field, const std::string &fallback,
                      const std::vector<std::string> &allowed, const char *code, const char *what)
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return fallback;
        const std::string value = it->is_string() ? it->get<std::string>() : std::string();
        if (it->is_string() && std::find(allowed.begin(), allowed.end(), value) != allowed.end())
            return value;
        problem(code, field, std::string("Unknown ") + what + " '" + (it->is_string() ? value : it->dump()) +
                                 "' (known: " + joined(allowed) + ").",
                {it->is_string() ? value : it->dump(), joined(allowed)});
        return fallback;
    }
};

const std::vector<std::string> &categoryIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const auto &c : guardCategories())
            out.push_back(c.id);
        return out;
    }();
    return ids;
}

const std::vector<std::string> kSeverities = {"low", "medium", "high"};

void sortBySpan(GuardFindings &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const GuardFinding &a, const GuardFinding &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
}

} // namespace

class LocalGuard::Impl {
public:
    bool pii = false;
    std::uint32_t piiTypes = kAllPiiTypes;
    bool secrets = false;
    bool injection = false;
    std::optional<KeywordCheck> keywords;
    std::optional<UrlCheck> urls;

    void readKeywords(ChecksReader &reader, const nlohmann::json &config);
    void readUrls(ChecksReader &reader, const nlohmann::json &config);
    void readPii(ChecksReader &reader, const nlohmann::json &config);
};

void LocalGuard::Impl::readPii(ChecksReader &reader, const nlohmann::json &config)
{
    pii = true;
    const auto it = config.find("types");
    if (it == config.end() || it->is_null())
        return;
    const auto names = reader.texts(*it, "checks.pii.types", "guard-pii-types", "The PII types");
    if (!names)
        return;
    piiTypes = 0;
    for (std::size_t i = 0; i < names->size(); ++i) {
        PiiType type;
        if (piiTypeFrom((*names)[i], type)) {
            piiTypes |= piiBit(type);
            continue;
        }
        const std::string field = "checks.pii.types[" + std::to_string(i) + "]";
        reader.problem("guard-pii-type", field,
                       "Unknown PII type '" + (*names)[i] + "' (known: " + joined(piiTypeNames()) + ").",
                       {(*names)[i], joined(piiTypeNames())});
    }
}

void LocalGuard::Impl::readKeywords(ChecksReader &reader, const nlohmann::json &config)
{
    keywords.emplace();
    const auto lists = config.find("lists");
    if (lists == config.end() || lists->is_null())
        return;
    if (!lists->is_array()) {
        reader.problem("guard-keyword-lists", "checks.keywords.lists",
                       "The keyword lists must be a list of objects: {\"name\", \"category\", \"terms\": [...]}.", {});
        return;
    }
    for (std::size_t i = 0; i < lists->size(); ++i) {
        const nlohmann::json &list = (*lists)[i];
        const std::string field = "checks.keywords.lists[" + std::to_string(i) + "]";
        if (!list.is_object()) {
            reader.problem("guard-keyword-lists", field,
                           "The keyword lists must be a list of objects: {\"name\", \"category\", \"terms\": [...]}.", {});
            continue;
        }
        KeywordCheck::List meta;
        const auto name = list.find("name");
        if (name != list.end() && !name->is_null() && !name->is_string())
            reader.problem("guard-list-name", field + ".name", "The list's name must be text.", {});
        meta.name = name != list.end() && name->is_string() && !name->get<std::string>().empty() ? name->get<std::string>()
                                                                                                 : "keywords";
        meta.category = reader.oneOf(list, "category", field + ".category", "custom", categoryIds(), "guard-category", "category");
        meta.severity = reader.oneOf(list, "severity", field + ".severity", "medium", kSeverities, "guard-severity", "severity");
        const auto terms = list.find("terms");
        const auto texts =
            reader.texts(terms == list.end() ? nlohmann::json() : *terms, field + ".terms", "guard-terms", "The terms");
        if (!texts)
            continue;
        const std::vector<std::size_t> unmatchable = keywords->addList(std::move(meta), *texts);
        if (!unmatchable.empty())
            reader.problem("guard-empty-terms", field + ".terms",
                           std::to_string(unmatchable.size()) + " term(s) hold no letters, digits or characters and never match "
                           "(the first: terms[" + std::to_string(unmatchable.front()) + "]).",
                           {std::to_string(unmatchable.size()), std::to_string(unmatchable.front())},
                           Diagnostic::Severity::Warning);
    }
    keywords->build();
}

void LocalGuard::Impl::readUrls(ChecksReader &reader, const nlohmann::json &config)
{
    std::vector<UrlCheck::AllowedHost> allowed;
    const auto allow = config.find("allow");
    if (allow != config.end() && !allow->is_null())
        if (const auto entries = reader.texts(*allow, "checks.urls.allow", "guard-allow-list", "The allowed hosts"))
            for (std::size_t i = 0; i < entries->size(); ++i) {
                if (auto host = UrlCheck::parseAllowEntry((*entries)[i])) {
                    allowed.push_back(std::move(*host));
                    continue;
                }
                reader.problem("guard-host", "checks.urls.allow[" + std::to_string(i) + "]",
                               "'" + (*entries)[i] + "' is not a host name; write example.com, or *.example.com for its "
                               "subdomains.",
                               {(*entries)[i]});
            }
    urls.emplace(std::move(allowed));
}

LocalGuard::LocalGuard(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LocalGuard::~LocalGuard() = default;

Result<std::shared_ptr<const LocalGuard>> LocalGuard::compile(const nlohmann::json &checks)
{
    auto impl = std::make_unique<Impl>();
    ChecksReader reader;
    if (!checks.is_null() && !checks.is_object())
        reader.problem("guard-checks", "checks", "The checks must be an object whose keys name them (" + joined(knownChecks()) + ").",
                       {joined(knownChecks())});
    if (checks.is_object())
        for (const auto &[key, config] : checks.items()) {
            const std::string field = "checks." + key;
            if (std::find(knownChecks().begin(), knownChecks().end(), key) == knownChecks().end()) {
                reader.problem("guard-unknown-check", field, "Unknown check '" + key + "' (known: " + joined(knownChecks()) + ").",
                               {key, joined(knownChecks())});
                continue;
            }
            if (key == "provider")
                continue;  // providercheck.h
            if (!config.is_object()) {
                reader.problem("guard-check-object", field,
                               "The settings of the " + key + " check must be an object ({} for the defaults).", {key});
                continue;
            }
            const auto enabled = config.find("enabled");
            if (enabled != config.end() && !enabled->is_boolean()) {
                reader.problem("guard-enabled", field + ".enabled", "'enabled' must be true or false.", {});
                continue;
            }
            if (enabled != config.end() && !enabled->get<bool>())
                continue;
            if (key == "pii")
                impl->readPii(reader, config);
            else if (key == "secrets")
                impl->secrets = true;
            else if (key == "injection")
                impl->injection = true;
            else if (key == "keywords")
                impl->readKeywords(reader, config);
            else if (key == "urls")
                impl->readUrls(reader, config);
        }
    if (hasErrors(reader.diagnostics))
        return Result<std::shared_ptr<const LocalGuard>>(std::move(reader.diagnostics));
    if (impl->keywords || impl->injection)
        prepareTextFolding();
    std::shared_ptr<const LocalGuard> guard = std::make_shared<LocalGuard>(std::move(impl));
    return Result<std::shared_ptr<const LocalGuard>>(std::move(guard), std::move(reader.diagnostics));
}

bool LocalGuard::empty() const
{
    const Impl &g = *m_impl;
    return !(g.pii && g.piiTypes) && !g.secrets && !g.injection && !(g.keywords && !g.keywords->empty()) && !g.urls;
}

std::size_t LocalGuard::longestMatchBytes() const
{
    const Impl &g = *m_impl;
    std::size_t longest = 0;
    if (g.pii && g.piiTypes)
        longest = std::max(longest, kLongestPiiBytes);
    if (g.secrets)
        longest = std::max(longest, kLongestSecretBytes);
    if (g.injection)
        longest = std::max(longest, kLongestInjectionBytes);
    if (g.urls)
        longest = std::max(longest, kLongestUrlBytes);
    if (g.keywords)
        longest = std::max(longest, g.keywords->longestMatchBytes());
    return longest;
}

GuardFindings LocalGuard::scan(std::string_view text, TextSource source) const
{
    const Impl &g = *m_impl;
    GuardFindings findings;
    if (text.empty())
        return findings;
    // As written (full width narrowed): PII, secrets, links, markup markers.
    if ((g.pii && g.piiTypes) || g.secrets || g.urls || g.injection) {
        const NarrowedText narrowed = narrowFullWidth(text);
        const std::string_view raw = narrowed.changed() ? std::string_view(narrowed.text) : text;
        GuardFindings found;
        if (g.pii && g.piiTypes)
            findPii(raw, g.piiTypes, found);
        if (g.secrets)
            findSecrets(raw, found);
        if (g.urls)
            g.urls->find(raw, found);
        if (g.injection)
            findInjectionMarkers(raw, source, found);
        for (auto &f : found) {
            f.start = narrowed.original(f.start);
            f.end = narrowed.original(f.end);
        }
        findings = std::move(found);
    }
    // Folded: keyword lists and injection phrasings.
    const bool keywords = g.keywords && !g.keywords->empty();
    if (keywords || g.injection) {
        const FoldedText folded = foldText(text);
        if (keywords)
            g.keywords->find(folded, findings);
        if (g.injection) {
            std::vector<std::uint32_t> offsets;
            const std::string utf8 = folded.utf8(&offsets);
            findInjectionPhrases(folded, utf8, offsets, source, findings);
        }
    }
    sortBySpan(findings);
    return findings;
}

} // namespace flowdeck::engine
