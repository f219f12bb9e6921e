#include "engine/model/embeddingclient.h"

#include "engine/core/eventloop.h"
#include "engine/model/embeddingcapabilities.h"

#include <boost/asio/post.hpp>

#include <cmath>
#include <functional>

namespace flowdeck::engine {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string cutToChars(const std::string &text, int maxChars)
{
    std::size_t i = 0;
    int n = 0;
    while (i < text.size()) {
        if (!isContinuation(static_cast<unsigned char>(text[i])) && n++ == maxChars)
            return text.substr(0, i);
        ++i;
    }
    return text;
}

std::string endpointName(const ProviderProfile &profile)
{
    return "The embeddings endpoint of profile '" + profile.name + "'";
}

class EmbeddingBatches final : public JsonPostCall, public std::enable_shared_from_this<EmbeddingBatches> {
public:
    EmbeddingBatches(boost::asio::io_context &io, HttpClient &http, EmbeddingRequest request,
                     std::function<void(std::size_t)> progress, std::function<void(EmbeddingResult, JsonPostError)> done)
        : m_io(io), m_http(http), m_request(std::move(request)), m_progress(std::move(progress)), m_done(std::move(done))
    {
        m_caps = embeddingCapabilities(m_request.profile, m_request.model);
        m_batch = m_request.maxBatch > 0 ? m_request.maxBatch : m_caps.maxBatch;
        m_result.model = embeddingModelFor(m_request.profile, m_request.model);
    }

    void start()
    {
        if (!m_caps.available)
            return fail({ErrorKind::InvalidInput, 0, m_caps.note, {}});
        if (m_result.model.empty() && m_request.profile.baseUrl.rfind("demo:", 0) != 0)
            return fail({ErrorKind::InvalidInput, 0,
                         "Profile '" + m_request.profile.name + "' names no embeddings model. Set one in the base's settings "
                         "(Embedding model) or in the profile.", {}});
        for (auto &input : m_request.inputs)
            if (static_cast<int>(input.size()) > m_caps.maxInputChars) {
                std::string cut = cutToChars(input, m_caps.maxInputChars);
                if (cut.size() < input.size()) {
                    m_result.warnings.push_back("A passage of " + std::to_string(input.size()) + " bytes was cut to " +
                                                std::to_string(m_caps.maxInputChars) + " characters for embedding (the provider's limit); "
                                                "its whole text is still searched by keyword.");
                    input = std::move(cut);
                }
            }
        next();
    }

    void cancel() override
    {
        m_cancelled = true;
        if (m_call)
            m_call->cancel();
        m_done = nullptr;
    }

private:
    void next()
    {
        if (m_cancelled)
            return;
        if (m_offset >= m_request.inputs.size()) {
            auto done = std::move(m_done);
            if (done)
                done(std::move(m_result), {});
            return;
        }
        const std::size_t count = std::min<std::size_t>(m_batch, m_request.inputs.size() - m_offset);
        std::vector<std::string> inputs(m_request.inputs.begin() + m_offset, m_request.inputs.begin() + m_offset + count);
        if (m_request.profile.baseUrl.rfind("demo:", 0) == 0) {
            boost::asio::post(m_io, [self = shared_from_this(), inputs = std::move(inputs)] {
                nlohmann::json data = nlohmann::json::array();
                for (std::size_t i = 0; i < inputs.size(); ++i)
                    data.push_back({{"index", i}, {"embedding", demoEmbedding(inputs[i])}});
                self->answered(nlohmann::json{{"data", data}, {"model", "demo-embedding"}}, {}, inputs.size());
            });
            return;
        }
        JsonPost post;
        post.url = m_request.profile.baseUrl + "/embeddings";
        post.apiKey = m_request.apiKey;
        post.headers = m_request.profile.headers;
        post.what = endpointName(m_request.profile);
        post.timeoutMs = m_request.timeoutMs;
        post.maxAttempts = m_request.maxAttempts;
        post.backoffMs = m_request.backoffMs;
        post.body = {{"model", m_result.model}, {"input", inputs}, {"encoding_format", "float"}};
        if (m_request.dimensions > 0 && m_caps.acceptsDimensions)
            post.body["dimensions"] = m_request.dimensions;
        m_call = startJsonPost(m_io, m_http, std::move(post),
                               [weak = weak_from_this(), count](nlohmann::json answer, JsonPostError error) {
                                   if (auto self = weak.lock())
                                       self->answered(std::move(answer), std::move(error), count);
                               });
    }

    static bool saysBatchTooLarge(const JsonPostError &error)
    {
        if (error.status == 413)
            return true;
        if (error.kind != ErrorKind::InvalidInput)
            return false;
        std::string said = error.serviceSaid;
        for (auto &c : said)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const char *hint : {"batch", "too many", "at most", "exceed", "maximum", "larger than", "不能超过", "超过"})
            if (said.find(hint) != std::string::npos)
                return true;
        return false;
    }

    void answered(nlohmann::json answer, JsonPostError error, std::size_t count)
    {
        m_call.reset();
        if (m_cancelled)
            return;
        if (error) {
            if (saysBatchTooLarge(error) && m_batch > 1) {
                m_batch = std::max(1, m_batch / 2);
                return next();
            }
            return fail(std::move(error));
        }
        auto data = answer.find("data");
        if (data == answer.end() || !data->is_array() || data->size() != count)
            return fail({ErrorKind::Upstream, 0, endpointName(m_request.profile) + " answered " +
                                                     std::to_string(data != answer.end() && data->is_array() ? data->size() : 0) +
                                                     " vectors for " + std::to_string(count) + " inputs.", {}});
        std::vector<std::vector<float>> vectors(count);
        for (std::size_t i = 0; i < data->size(); ++i) {
            const auto &item = (*data)[i];
            std::size_t index = i;
            if (auto ix = item.find("index"); ix != item.end() && ix->is_number_unsigned())
                index = ix->get<std::size_t>();
            auto emb = item.find("embedding");
            if (index >= count || emb == item.end() || !emb->is_array() || emb->empty())
                return fail({ErrorKind::Upstream, 0, endpointName(m_request.profile) + " answered a vector without numbers "
                                                         "(item " + std::to_string(i) + "). Is '" + m_result.model +
                                                         "' an embeddings model?", {}});
            auto &v = vectors[index];
            v.reserve(emb->size());
            for (const auto &x : *emb) {
                if (!x.is_number())
                    return fail({ErrorKind::Upstream, 0, endpointName(m_request.profile) + " answered a vector holding something "
                                                             "that is not a number.", {}});
                v.push_back(x.get<float>());
            }
            const int dims = static_cast<int>(v.size());
            const int expected = m_request.dimensions > 0 ? m_request.dimensions : m_seenDimensions;
            if (expected > 0 && dims != expected)
                return fail({ErrorKind::InvalidInput, 0,
                             "The embeddings model '" + m_result.model + "' returned vectors of " + std::to_string(dims) +
                                 " dimensions, but this base holds " + std::to_string(expected) +
                                 "-dimension vectors. Re-embed the base with this model, or choose the model it was built with.", {}});
            m_seenDimensions = dims;
        }
        if (auto usage = answer.find("usage"); usage != answer.end() && usage->is_object())
            if (auto t = usage->find("prompt_tokens"); t != usage->end() && t->is_number_integer())
                m_result.promptTokens += t->get<int>();
        for (auto &v : vectors)
            m_result.vectors.push_back(std::move(v));
        m_offset += count;
        if (m_progress)
            m_progress(m_offset);
        next();
    }

    void fail(JsonPostError error)
    {
        auto done = std::move(m_done);
        if (done)
            done({}, std::move(error));
    }

    boost::asio::io_context &m_io;
    HttpClient &m_http;
    EmbeddingRequest m_request;
    std::function<void(std::size_t)> m_progress;
    std::function<void(EmbeddingResult, JsonPostError)> m_done;
    EmbeddingCapabilities m_caps;
    EmbeddingResult m_result;
    std::shared_ptr<JsonPostCall> m_call;
    std::size_t m_offset = 0;
    int m_batch = 64;
    int m_seenDimensions = 0;
    bool m_cancelled = false;
};

std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

std::string embeddingModelFor(const ProviderProfile &profile, const std::string &model)
{
    if (!model.empty())
        return model;
    if (profile.baseUrl.rfind("demo:", 0) == 0)
        return "demo-embedding";
    return profile.modelFor("embeddings");
}

std::shared_ptr<JsonPostCall> startEmbeddings(boost::asio::io_context &io, HttpClient &http, EmbeddingRequest request,
                                              std::function<void(std::size_t)> progress,
                                              std::function<void(EmbeddingResult, JsonPostError)> done)
{
    auto call = std::make_shared<EmbeddingBatches>(io, http, std::move(request), std::move(progress), std::move(done));
    call->start();
    return call;
}

std::pair<EmbeddingResult, JsonPostError> embedBlocking(EmbeddingRequest request, const std::atomic<bool> *cancel,
                                                        std::function<void(std::size_t)> progress)
{
    boost::asio::io_context io;
    HttpClient http(io);
    std::pair<EmbeddingResult, JsonPostError> out;
    bool finished = false;
    auto call = startEmbeddings(io, http, std::move(request), std::move(progress),
                                [&](EmbeddingResult result, JsonPostError error) {
                                    out = {std::move(result), std::move(error)};
                                    finished = true;
                                });
    while (!finished && !io.stopped()) {
        if (cancel && cancel->load()) {
            call->cancel();
            out.second = {ErrorKind::Cancelled, 0, "Embedding was cancelled.", {}};
            break;
        }
        io.run_one_for(std::chrono::milliseconds(100));
    }
    return out;
}

std::vector<float> demoEmbedding(const std::string &text)
{
    constexpr std::size_t kDims = 256;
    std::vector<float> v(kDims, 0.0f);
    auto addFeature = [&](std::string_view feature) {
        const std::uint64_t h = fnv1a(feature);
        v[h % kDims] += (h >> 63) ? 1.0f : -1.0f;
    };
    // Words of ASCII letters and digits (lower case), and pairs of neighbouring non-ASCII characters.
    std::string word;
    std::vector<std::string> chars;
    auto flushWord = [&] {
        if (word.size() > 1)
            addFeature(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c))
                word += static_cast<char>(std::tolower(c));
            else
                flushWord();
            chars.clear();
            ++i;
            continue;
        }
        flushWord();
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        std::string ch = text.substr(i, len);
        i += len;
        if (ch == "，" || ch == "。" || ch == "、" || ch == "？" || ch == "！" || ch == "：" || ch == "；") {
            chars.clear();
            continue;
        }
        addFeature(ch);
        if (!chars.empty())
            addFeature(chars.back() + ch);
        chars.push_back(ch);
    }
    flushWord();
    double norm = 0;
    for (float x : v)
        norm += double(x) * x;
    if (norm > 0)
        for (float &x : v)
            x = static_cast<float>(x / std::sqrt(norm));
    else
        v[0] = 1.0f;
    return v;
}

} // namespace flowdeck::engine
