#include "engine/knowledge/knowledgecitations.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"

namespace flowdeck::engine {

namespace {

std::string sourceName(const SearchHit &hit) { return hit.documentTitle.empty() ? hit.documentPath : hit.documentTitle; }

std::string sourceLine(const RetrievedPassage &p, const std::string &language)
{
    const std::string where = p.hit.location.describe(language);
    return sourceName(p.hit) + (where.empty() ? "" : (language.rfind("zh", 0) == 0 ? "，" : ", ") + where);
}

} // namespace

nlohmann::json passagesJson(const std::vector<RetrievedPassage> &passages, const std::string &language)
{
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const auto &p = passages[i];
        nlohmann::json j = p.hit.toJson();
        j["index"] = i + 1;
        j["base"] = p.base;
        j["source"] = sourceLine(p, language);
        j["headingPath"] = p.hit.location.headingPath;
        if (p.rerankScore)
            j["rerankScore"] = *p.rerankScore;
        out.push_back(std::move(j));
    }
    return out;
}

std::string contextText(const std::vector<RetrievedPassage> &passages, const std::string &language)
{
    std::string text;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        if (!text.empty())
            text += "\n\n";
        text += "[" + std::to_string(i + 1) + "] " + sourceLine(passages[i], language) + "\n" + passages[i].hit.text;
    }
    return text;
}

nlohmann::json citationsJson(const std::vector<RetrievedPassage> &passages, const std::string &language)
{
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const auto &p = passages[i];
        const std::string &quoted = p.hit.matchedText.empty() ? p.hit.text : p.hit.matchedText;
        std::string quote = truncateUtf8(quoted, 240);
        if (quote.size() < quoted.size())
            quote += "…";
        out.push_back({{"index", i + 1},
                       {"base", p.base},
                       {"chunkId", p.hit.chunkId},
                       {"document", p.hit.documentPath},
                       {"title", sourceName(p.hit)},
                       {"location", p.hit.location.toJson()},
                       {"where", p.hit.location.describe(language)},
                       {"source", sourceLine(p, language)},
                       {"quote", quote},
                       {"score", p.hit.score},
                       {"language", language}});
    }
    return out;
}

std::string sourcesFooter(const nlohmann::json &citations, const std::string &language)
{
    if (!citations.is_array() || citations.empty())
        return {};
    // In the language the sources were described in (the question's), else the caller's.
    std::string lang = citations.front().is_object() ? valueOr(citations.front(), "language", "") : "";
    if (lang.empty())
        lang = language;
    std::string out = lang.rfind("zh", 0) == 0 ? "来源：" : "Sources:";
    int n = 0;
    for (const auto &c : citations) {
        if (!c.is_object())
            continue;
        ++n;
        const int index = c.contains("index") && c["index"].is_number_integer() ? c["index"].get<int>() : n;
        std::string source = valueOr(c, "source", "");
        if (source.empty())
            source = valueOr(c, "document", "");
        out += "\n[" + std::to_string(index) + "] " + source;
    }
    return n > 0 ? out : std::string();
}

} // namespace flowdeck::engine
