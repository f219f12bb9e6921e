#include "engine/knowledge/knowledgeretrieval.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/secretstore.h"
#include "engine/knowledge/knowledgecitations.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/model/embeddingclient.h"
#include "engine/model/rerankclient.h"
#include "engine/nodes/nodecontext.h"
#include "engine/run/runservices.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace flowdeck::engine {

namespace {

// A YYYY-MM-DD day as seconds since the epoch (UTC midnight); nullopt for a day that does
// not exist (2024-02-30, 2024-13-45), which timegm would quietly move.
std::optional<std::int64_t> parseDay(const std::string &day)
{
    std::tm tm{};
    const char *end = day.empty() ? nullptr : strptime(day.c_str(), "%Y-%m-%d", &tm);
    if (!end || *end != '\0')
        return std::nullopt;
    const std::tm asked = tm;
    const std::time_t seconds = timegm(&tm);
    if (tm.tm_year != asked.tm_year || tm.tm_mon != asked.tm_mon || tm.tm_mday != asked.tm_mday)
        return std::nullopt;
    return static_cast<std::int64_t>(seconds);
}

std::vector<std::string> stringList(const nlohmann::json &j, const char *key)
{
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string() && !v.get<std::string>().empty())
                out.push_back(v.get<std::string>());
    return out;
}

struct BaseSearch {
    std::string name;
    KnowledgeSettings settings;
    SearchMode mode = SearchMode::Keyword;
    std::string note;  // why the mode differs from the node's
    std::string embeddingKey;
    std::optional<Result<SearchOutcome>> outcome;
};

class Retrieval : public std::enable_shared_from_this<Retrieval> {
public:
    Retrieval(std::shared_ptr<NodeContext> ctx, NodeDone done) : m_ctx(std::move(ctx)), m_done(std::move(done)) {}

    void start()
    {
        auto &svc = m_ctx->services();
        const auto &config = m_ctx->node().config;
        if (!svc.knowledge)
            return fail(ErrorKind::InvalidInput, "Knowledge bases are not available to this run. Open the workflow from its "
                                                 "project folder, or deploy it again so its bases go with it.");
        m_query = m_ctx->render(valueOr(config, "query", ""));
        if (m_query.find_first_not_of(" \t\r\n") == std::string::npos)
            return fail(ErrorKind::InvalidInput, "The query is empty: the knowledge node's Query rendered to no text.");
        m_language = languageOfText(m_query);
        const std::string modeName = valueOr(config, "mode", "hybrid");
        const SearchMode wanted = modeName == "keyword" ? SearchMode::Keyword
                                  : modeName == "vector" ? SearchMode::Vector
                                                         : SearchMode::Hybrid;
        m_topK = std::clamp(valueOr(config, "topK", 5), 1, 50);
        m_threshold = valueOr(config, "scoreThreshold", 0.0);
        const auto filters = valueOr(config, "filters", nlohmann::json::object());
        m_filters.fileNames = stringList(filters, "fileNames");
        m_filters.types = stringList(filters, "types");
        m_filters.tags = stringList(filters, "tags");
        for (const char *field : {"addedAfter", "addedBefore"}) {
            const std::string day = valueOr(filters, field, "");
            if (day.empty())
                continue;
            const auto seconds = parseDay(day);
            if (!seconds)
                return fail(ErrorKind::InvalidInput, "The knowledge node's filter " + std::string(field) + " '" + day +
                                                         "' is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2025-03-31.");
            if (std::string_view(field) == "addedAfter")
                m_filters.addedFrom = *seconds;
            else
                m_filters.addedTo = *seconds - 1;
        }
        for (const auto &name : stringList(config, "bases")) {
            auto settings = svc.knowledge->settings(name);
            if (!settings.ok())
                return fail(ErrorKind::InvalidInput, settings.diagnostics().front().message);
            BaseSearch b;
            b.name = name;
            b.settings = settings.value();
            b.mode = wanted;
            if (wanted != SearchMode::Keyword && b.settings.embedding.profile.empty()) {
                if (wanted == SearchMode::Vector)
                    return fail(ErrorKind::InvalidInput, "The knowledge base '" + name + "' has no embeddings profile, so it "
                                                         "cannot be searched by vector. Choose keyword or hybrid search, or set "
                                                         "an embeddings profile in the base's settings and re-embed it.");
                b.mode = SearchMode::Keyword;
                b.note = "The base '" + name + "' has no embeddings profile: searched by keyword only.";
            }
            if (b.mode != SearchMode::Keyword && svc.knowledge->vectorCount(name) == 0) {
                if (wanted == SearchMode::Vector)
                    return fail(ErrorKind::InvalidInput, "The knowledge base '" + name + "' has no vectors yet, so it cannot be "
                                                         "searched by vector. Embed it first (Knowledge panel, or `flowdeck kb "
                                                         "reindex " + name + "`), or choose keyword or hybrid search.");
                b.mode = SearchMode::Keyword;
                b.note = "The base '" + name + "' has no vectors yet: searched by keyword only.";
            }
            if (b.mode != SearchMode::Keyword)
                b.embeddingKey = b.settings.embedding.profile + "\n" + b.settings.embedding.model;
            m_bases.push_back(std::move(b));
        }
        if (m_bases.empty())
            return fail(ErrorKind::InvalidInput, "The knowledge node names no knowledge base.");
        std::weak_ptr<Retrieval> weak = weak_from_this();
        m_ctx->cancelSignal().onCancel([weak] {
            if (auto self = weak.lock())
                self->cancel();
        });
        embedQuery();
    }

private:
    void embedQuery()
    {
        auto &svc = m_ctx->services();
        for (const auto &b : m_bases) {
            if (b.embeddingKey.empty() || m_vectors.count(b.embeddingKey) || m_pendingEmbeddings.count(b.embeddingKey))
                continue;
            auto resolved = svc.profiles->resolve(b.settings.embedding.profile, *svc.secrets);
            if (!resolved.ok())
                return fail(ErrorKind::Auth, "The knowledge base '" + b.name + "' embeds questions with profile '" +
                                                 b.settings.embedding.profile + "': " + resolved.diagnostics().front().message);
            EmbeddingRequest request;
            request.profile = resolved->profile;
            request.apiKey = resolved->apiKey;
            request.model = b.settings.embedding.model;
            request.dimensions = b.settings.embedding.dimensions;
            request.inputs = {m_query};
            request.timeoutMs = std::min<long>(svc.modelTimeoutMs, 60000);
            request.maxAttempts = svc.modelMaxAttempts;
            request.backoffMs = svc.modelBackoffMs;
            const std::string key = b.embeddingKey;
            const std::string base = b.name;
            m_pendingEmbeddings.insert(key);
            auto call = startEmbeddings(m_ctx->io(), *svc.http, std::move(request), {},
                                        [self = shared_from_this(), key, base](EmbeddingResult result, JsonPostError error) {
                                            self->embedded(key, base, std::move(result), std::move(error));
                                        });
            m_calls.push_back(call);
        }
        if (m_pendingEmbeddings.empty())
            searchBases();
    }

    void embedded(const std::string &key, const std::string &base, EmbeddingResult result, JsonPostError error)
    {
        if (m_finished)
            return;
        m_pendingEmbeddings.erase(key);
        if (error || result.vectors.empty()) {
            const std::string why = error ? error.message : std::string("no vector came back.");
            // Hybrid search still answers by keyword while the embeddings service is down; vector search cannot.
            for (auto &b : m_bases) {
                if (b.embeddingKey != key)
                    continue;
                if (b.mode == SearchMode::Vector)
                    return fail(error ? error.kind : ErrorKind::Upstream,
                                "The question could not be embedded for the knowledge base '" + base + "': " + why);
                b.mode = SearchMode::Keyword;
                b.embeddingKey.clear();
                b.note = "The question could not be embedded (" + why + "); the base '" + b.name + "' was searched by keyword only.";
                m_ctx->log("warning", b.note);
            }
        } else {
            m_vectors[key] = std::move(result.vectors.front());
        }
        if (m_pendingEmbeddings.empty())
            searchBases();
    }

    void searchBases()
    {
        m_pendingSearches = m_bases.size();
        for (std::size_t i = 0; i < m_bases.size(); ++i) {
            SearchRequest request;
            request.query = m_query;
            request.mode = m_bases[i].mode;
            request.topK = m_topK;
            request.scoreThreshold = m_threshold;
            request.filters = m_filters;
            if (auto it = m_vectors.find(m_bases[i].embeddingKey); it != m_vectors.end())
                request.queryVector = it->second;
            m_ctx->services().knowledge->search(m_ctx->io(), m_bases[i].name, std::move(request),
                                                [self = shared_from_this(), i](Result<SearchOutcome> outcome) {
                                                    self->searched(i, std::move(outcome));
                                                });
        }
    }

    void searched(std::size_t i, Result<SearchOutcome> outcome)
    {
        if (m_finished)
            return;
        m_bases[i].outcome = std::move(outcome);
        if (--m_pendingSearches > 0)
            return;
        for (const auto &b : m_bases)
            if (!b.outcome->ok())
                return fail(ErrorKind::InvalidInput, "Searching the knowledge base '" + b.name + "' failed: " +
                                                         b.outcome->diagnostics().front().message);
        for (const auto &b : m_bases)
            for (const auto &hit : b.outcome->value().hits)
                m_passages.push_back({b.name, hit, std::nullopt});
        // Scores of one mode read the same way in every base (SearchRequest), so the lists merge by score.
        std::stable_sort(m_passages.begin(), m_passages.end(),
                         [](const RetrievedPassage &a, const RetrievedPassage &b) { return a.hit.score > b.hit.score; });
        if (m_passages.size() > static_cast<std::size_t>(m_topK))
            m_passages.resize(static_cast<std::size_t>(m_topK));
        const auto rerank = valueOr(m_ctx->node().config, "rerank", nlohmann::json::object());
        if (valueOr(rerank, "enabled", false) && m_passages.size() > 1)
            return startRerankCall(rerank);
        finish();
    }

    void startRerankCall(const nlohmann::json &rerank)
    {
        auto &svc = m_ctx->services();
        std::string profile = valueOr(rerank, "profile", "");
        if (profile.empty())
            profile = m_bases.front().settings.embedding.profile;
        if (profile.empty())
            return fail(ErrorKind::InvalidInput, "Rerank is on but names no profile, and the base has no embeddings profile "
                                                 "to use instead. Choose a rerank profile or turn rerank off.");
        auto resolved = svc.profiles->resolve(profile, *svc.secrets);
        if (!resolved.ok())
            return fail(ErrorKind::Auth, "Rerank with profile '" + profile + "': " + resolved.diagnostics().front().message);
        RerankRequest request;
        request.profile = resolved->profile;
        request.apiKey = resolved->apiKey;
        request.model = valueOr(rerank, "model", "");
        request.query = m_query;
        for (const auto &p : m_passages)
            request.documents.push_back(p.hit.text);
        m_rerankProfile = profile;
        auto call = startRerank(m_ctx->io(), *svc.http, std::move(request),
                                [self = shared_from_this()](std::vector<double> scores, JsonPostError error) {
                                    self->reranked(std::move(scores), std::move(error));
                                });
        if (call)
            m_calls.push_back(call);
    }

    void reranked(std::vector<double> scores, JsonPostError error)
    {
        if (m_finished)
            return;
        if (error)
            return fail(error.kind, "Rerank failed: " + error.message);
        for (std::size_t i = 0; i < m_passages.size() && i < scores.size(); ++i)
            m_passages[i].rerankScore = scores[i];
        std::stable_sort(m_passages.begin(), m_passages.end(), [](const RetrievedPassage &a, const RetrievedPassage &b) {
            return a.rerankScore.value_or(-1e9) > b.rerankScore.value_or(-1e9);
        });
        m_reranked = true;
        finish();
    }

    void finish()
    {
        nlohmann::json trace = {{"query", m_query}, {"topK", m_topK}, {"scoreThreshold", m_threshold}};
        nlohmann::json bases = nlohmann::json::array();
        for (const auto &b : m_bases) {
            nlohmann::json bj = b.outcome->value().trace.toJson();
            bj["base"] = b.name;
            if (!b.note.empty())
                bj["note"] = b.note;
            bases.push_back(std::move(bj));
        }
        trace["bases"] = std::move(bases);
        if (m_reranked)
            trace["rerank"] = {{"profile", m_rerankProfile}, {"reordered", m_passages.size()}};
        nlohmann::json out = {{"chunks", passagesJson(m_passages, m_language)},
                              {"text", contextText(m_passages, m_language)},
                              {"citations", citationsJson(m_passages, m_language)},
                              {"trace", std::move(trace)}};
        complete(NodeResult::success(std::move(out)));
    }

    void cancel()
    {
        for (auto &c : m_calls)
            if (c)
                c->cancel();
        m_finished = true;
    }

    void fail(ErrorKind kind, const std::string &message) { complete(NodeResult::failure(kind, message)); }

    void complete(NodeResult result)
    {
        if (m_finished)
            return;
        m_finished = true;
        auto done = std::move(m_done);
        done(std::move(result));
    }

    std::shared_ptr<NodeContext> m_ctx;
    NodeDone m_done;
    std::string m_query;
    std::string m_language = "en";
    int m_topK = 5;
    double m_threshold = 0;
    SearchFilters m_filters;
    std::vector<BaseSearch> m_bases;
    std::set<std::string> m_pendingEmbeddings;
    std::map<std::string, std::vector<float>> m_vectors;
    std::size_t m_pendingSearches = 0;
    std::vector<RetrievedPassage> m_passages;
    std::vector<std::shared_ptr<JsonPostCall>> m_calls;
    std::string m_rerankProfile;
    bool m_reranked = false;
    bool m_finished = false;
};

} // namespace

std::string languageOfText(const std::string &text)
{
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0xE4 && c <= 0xE9)  // U+4000..U+9FFF: CJK ideographs in UTF-8
            return "zh";
    }
    return "en";
}

void startKnowledgeRetrieval(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    std::make_shared<Retrieval>(std::move(ctx), std::move(done))->start();
}

} // namespace flowdeck::engine
