#include "engine/knowledge/goldeneval.h"

#include "engine/knowledge/knowledgestore.h"

#include <algorithm>

namespace flowdeck::engine {

bool hitMatches(const SearchHit &hit, const GoldenQuestion::Expected &expected)
{
    if (hit.documentPath != expected.documentPath)
        return false;
    return hit.text.find(expected.snippet) != std::string::npos
        || hit.matchedText.find(expected.snippet) != std::string::npos;
}

nlohmann::json GoldenReport::toJson() const
{
    nlohmann::json j = {{"mode", toString(mode)}, {"k", k}, {"hitAtK", hitAtK}, {"mrr", mrr},
                        {"questions", nlohmann::json::array()}};
    for (const auto &q : questions) {
        nlohmann::json qj = {{"id", q.id}, {"question", q.question}, {"rank", q.rank}};
        if (!q.error.empty())
            qj["error"] = q.error;
        j["questions"].push_back(std::move(qj));
    }
    return j;
}

Result<GoldenReport> evaluateGoldenQuestions(KnowledgeStore &store, const GoldenSearch &search, SearchMode mode, int k)
{
    auto golden = store.goldenQuestions();
    if (!golden)
        return Result<GoldenReport>(golden.diagnostics());
    GoldenReport report;
    report.mode = mode;
    report.k = std::max(1, k);
    int found = 0;
    double reciprocal = 0;
    for (const GoldenQuestion &g : golden.value()) {
        GoldenReport::Question q;
        q.id = g.id;
        q.question = g.question;
        SearchRequest request;
        request.query = g.question;
        request.mode = mode;
        request.topK = report.k;
        request.candidates = std::max(50, report.k);
        auto outcome = search(request);
        if (!outcome) {
            q.error = outcome.diagnostics().empty() ? "The search failed." : outcome.diagnostics().front().message;
        } else {
            const auto &hits = outcome.value().hits;
            for (std::size_t i = 0; i < hits.size() && i < static_cast<std::size_t>(report.k) && q.rank == 0; ++i)
                for (const auto &expected : g.expected)
                    if (hitMatches(hits[i], expected)) {
                        q.rank = static_cast<int>(i) + 1;
                        break;
                    }
        }
        if (q.rank > 0) {
            ++found;
            reciprocal += 1.0 / q.rank;
        }
        report.questions.push_back(std::move(q));
    }
    if (!report.questions.empty()) {
        report.hitAtK = double(found) / report.questions.size();
        report.mrr = reciprocal / report.questions.size();
    }
    return report;
}

} // namespace flowdeck::engine
