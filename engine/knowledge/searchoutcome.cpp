#include "engine/knowledge/searchoutcome.h"

namespace flowdeck::engine {

nlohmann::json SearchHit::toJson() const
{
    nlohmann::json j = {{"chunkId", chunkId},          {"documentPath", documentPath}, {"documentTitle", documentTitle},
                        {"documentType", documentType}, {"text", text},                 {"location", location.toJson()},
                        {"score", score}};
    if (matchedText != text)
        j["matchedText"] = matchedText;
    if (keywordRank > 0) {
        j["keywordRank"] = keywordRank;
        j["keywordScore"] = keywordScore;
    }
    if (vectorRank > 0) {
        j["vectorRank"] = vectorRank;
        j["vectorScore"] = vectorScore;
    }
    return j;
}

nlohmann::json SearchTrace::toJson() const
{
    nlohmann::json j = {{"query", query}, {"mode", mode}, {"ftsExpression", ftsExpression},
                        {"approximateVectors", approximateVectors}, {"totalMicros", totalMicros}};
    j["stages"] = nlohmann::json::array();
    for (const auto &s : stages)
        j["stages"].push_back({{"stage", s.name}, {"count", s.count}, {"micros", s.micros}});
    j["candidates"] = nlohmann::json::array();
    for (const auto &c : candidates) {
        nlohmann::json cj = {{"chunkId", c.chunkId}, {"documentPath", c.documentPath}, {"score", c.score},
                             {"kept", c.kept}, {"reason", c.reason}};
        if (c.keywordRank > 0) {
            cj["keywordRank"] = c.keywordRank;
            cj["keywordScore"] = c.keywordScore;
        }
        if (c.vectorRank > 0) {
            cj["vectorRank"] = c.vectorRank;
            cj["vectorScore"] = c.vectorScore;
        }
        j["candidates"].push_back(std::move(cj));
    }
    if (filteredDocumentCount > 0) {
        j["filteredDocumentCount"] = filteredDocumentCount;
        j["filteredDocuments"] = nlohmann::json::array();
        for (const auto &[path, reason] : filteredDocuments)
            j["filteredDocuments"].push_back({{"documentPath", path}, {"reason", reason}});
    }
    if (!notes.empty())
        j["notes"] = notes;
    return j;
}

nlohmann::json SearchOutcome::toJson() const
{
    nlohmann::json j = {{"hits", nlohmann::json::array()}, {"trace", trace.toJson()}};
    for (const auto &h : hits)
        j["hits"].push_back(h.toJson());
    return j;
}

} // namespace flowdeck::engine
