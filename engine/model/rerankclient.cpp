#include "engine/model/rerankclient.h"

#include "engine/model/embeddingclient.h"

#include <boost/asio/post.hpp>

namespace flowdeck::engine {

namespace {

class DemoRerank final : public JsonPostCall {
public:
    void cancel() override { *m_cancelled = true; }
    std::shared_ptr<bool> m_cancelled = std::make_shared<bool>(false);
};

} // namespace

std::shared_ptr<JsonPostCall> startRerank(boost::asio::io_context &io, HttpClient &http, RerankRequest request,
                                          std::function<void(std::vector<double>, JsonPostError)> done)
{
    if (request.profile.baseUrl.rfind("demo:", 0) == 0) {
        auto call = std::make_shared<DemoRerank>();
        boost::asio::post(io, [request = std::move(request), done = std::move(done), cancelled = call->m_cancelled] {
            if (*cancelled)
                return;
            const auto q = demoEmbedding(request.query);
            std::vector<double> scores;
            for (const auto &doc : request.documents) {
                const auto d = demoEmbedding(doc);
                double dot = 0;
                for (std::size_t i = 0; i < q.size() && i < d.size(); ++i)
                    dot += double(q[i]) * d[i];
                scores.push_back(dot);
            }
            done(std::move(scores), {});
        });
        return call;
    }
    std::string model = request.model;
    if (model.empty())
        if (auto it = request.profile.kindModels.find("rerank"); it != request.profile.kindModels.end())
            model = it->second;
    const std::string what = "The rerank endpoint of profile '" + request.profile.name + "'";
    if (model.empty()) {
        done({}, {ErrorKind::InvalidInput, 0, "Profile '" + request.profile.name + "' names no rerank model. Set the knowledge "
                                              "node's rerank model, or turn rerank off.", {}});
        return nullptr;
    }
    JsonPost post;
    post.url = request.profile.baseUrl + "/rerank";
    post.apiKey = request.apiKey;
    post.headers = request.profile.headers;
    post.what = what;
    post.timeoutMs = request.timeoutMs;
    post.maxAttempts = request.maxAttempts;
    const std::size_t count = request.documents.size();
    post.body = {{"model", model}, {"query", request.query}, {"documents", request.documents},
                 {"top_n", count}, {"return_documents", false}};
    return startJsonPost(io, http, std::move(post), [done = std::move(done), count, what](nlohmann::json answer, JsonPostError error) {
        if (error)
            return done({}, std::move(error));
        auto results = answer.find("results");
        if (results == answer.end())
            results = answer.find("data");
        if (results == answer.end() || !results->is_array())
            return done({}, {ErrorKind::Upstream, 0, what + " answered without a \"results\" list.", {}});
        std::vector<double> scores(count, -1e9);
        for (const auto &r : *results) {
            auto ix = r.find("index");
            auto score = r.find("relevance_score");
            if (score == r.end())
                score = r.find("score");
            if (ix == r.end() || !ix->is_number_unsigned() || ix->get<std::size_t>() >= count || score == r.end() || !score->is_number())
                return done({}, {ErrorKind::Upstream, 0, what + " answered a result without a valid index and relevance_score.", {}});
            scores[ix->get<std::size_t>()] = score->get<double>();
        }
        done(std::move(scores), {});
    });
}

} // namespace flowdeck::engine
