// The /embeddings and /rerank clients against a real stand-in service on loopback
// (tests/peers/embeddings-peer.cjs): batches cut to the provider's limit, 429 retried,
// wrong dimensions and a missing embeddings model refused with sentences.
#include "engine/model/embeddingcapabilities.h"
#include "engine/model/embeddingclient.h"
#include "engine/model/rerankclient.h"
#include "engine/net/httpclient.h"
#include "tests/support/peerserver.h"

#include <QtTest>

using namespace flowdeck::engine;
using flowdeck::tests::PeerServer;

namespace {

ProviderProfile profileAt(const PeerServer &peer, const std::string &name = "stand-in")
{
    ProviderProfile p;
    p.name = name;
    p.baseUrl = peer.url("/v1");
    p.kindModels["embeddings"] = "bge-m3";
    p.kindModels["rerank"] = "bge-reranker-v2-m3";
    return p;
}

EmbeddingRequest requestFor(const PeerServer &peer, int inputs)
{
    EmbeddingRequest r;
    r.profile = profileAt(peer);
    r.apiKey = "test-key";
    r.backoffMs = 1;
    for (int i = 0; i < inputs; ++i)
        r.inputs.push_back("passage " + std::to_string(i) + " 退货政策");
    return r;
}

double cosine(const std::vector<float> &a, const std::vector<float> &b)
{
    double dot = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        dot += double(a[i]) * b[i];
    return dot;
}

} // namespace

class TestEmbeddings : public QObject {
    Q_OBJECT
private slots:
    void batchesFollowTheProvidersLimit()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--dims", "32", "--max-batch", "10"}, &why), qPrintable(why));
        auto request = requestFor(peer, 23);
        request.profile.name = "dashscope";  // DashScope takes at most 10 inputs a call
        std::vector<std::size_t> progress;
        auto [result, error] = embedBlocking(request, nullptr, [&](std::size_t done) { progress.push_back(done); });
        QVERIFY2(!error, error.message.c_str());
        QCOMPARE(result.vectors.size(), std::size_t(23));
        QCOMPARE(result.vectors[0].size(), std::size_t(32));
        QCOMPARE(progress, (std::vector<std::size_t>{10, 20, 23}));
    }

    void aBatchTooLargeIsHalvedAndSentAgain()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--max-batch", "5"}, &why), qPrintable(why));
        auto request = requestFor(peer, 12);
        request.maxBatch = 16;
        auto [result, error] = embedBlocking(request, nullptr, {});
        QVERIFY2(!error, error.message.c_str());
        QCOMPARE(result.vectors.size(), std::size_t(12));
        // The same text gets the same vector whichever batch it was in.
        QVERIFY(cosine(result.vectors[3], embedBlocking(requestFor(peer, 4), nullptr, {}).first.vectors[3]) > 0.999);
    }

    void rateLimitIsRetried()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--fail-429", "2"}, &why), qPrintable(why));
        auto [result, error] = embedBlocking(requestFor(peer, 3), nullptr, {});
        QVERIFY2(!error, error.message.c_str());
        QCOMPARE(result.vectors.size(), std::size_t(3));
    }

    void rateLimitThatDoesNotEndIsASentence()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--fail-429", "100"}, &why), qPrintable(why));
        auto request = requestFor(peer, 3);
        request.maxAttempts = 2;
        auto [result, error] = embedBlocking(request, nullptr, {});
        QCOMPARE(error.kind, ErrorKind::RateLimited);
        QVERIFY2(error.message.find("429") != std::string::npos && error.message.find("stand-in") != std::string::npos,
                 error.message.c_str());
    }

    void wrongDimensionsAreRefused()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--answer-dims", "768"}, &why), qPrintable(why));
        auto request = requestFor(peer, 2);
        request.dimensions = 1024;
        auto [result, error] = embedBlocking(request, nullptr, {});
        QCOMPARE(error.kind, ErrorKind::InvalidInput);
        QVERIFY2(error.message.find("768") != std::string::npos && error.message.find("1024") != std::string::npos,
                 error.message.c_str());
    }

    void aWrongKeyIsNamed()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {}, &why), qPrintable(why));
        auto request = requestFor(peer, 1);
        request.apiKey = "wrong";
        auto [result, error] = embedBlocking(request, nullptr, {});
        QCOMPARE(error.kind, ErrorKind::Auth);
        QVERIFY2(error.message.find("Settings") != std::string::npos, error.message.c_str());
    }

    void deepSeekHasNoEmbeddings()
    {
        ProviderProfile p;
        p.name = "deepseek";
        p.title = "DeepSeek";
        p.baseUrl = "https://api.deepseek.com/v1";
        QVERIFY(!embeddingCapabilities(p, "").available);
        EmbeddingRequest r;
        r.profile = p;
        r.inputs = {"x"};
        auto [result, error] = embedBlocking(r, nullptr, {});
        QVERIFY(error);
        QVERIFY2(error.message.find("no embeddings") != std::string::npos, error.message.c_str());
        ProviderProfile dashscope;
        dashscope.name = "dashscope";
        QCOMPARE(embeddingCapabilities(dashscope, "text-embedding-v3").maxBatch, 10);
    }

    void demoVectorsAreOfflineAndLexical()
    {
        const auto a = demoEmbedding("年假如何申请？请假流程");
        const auto b = demoEmbedding("申请年假需要走请假流程");
        const auto c = demoEmbedding("The warranty covers the battery for two years");
        QCOMPARE(a.size(), std::size_t(256));
        QVERIFY(cosine(a, b) > cosine(a, c) + 0.2);
        ProviderProfile demo;
        demo.name = "demo";
        demo.baseUrl = "demo:";
        EmbeddingRequest r;
        r.profile = demo;
        r.inputs = {"a", "b"};
        auto [result, error] = embedBlocking(r, nullptr, {});
        QVERIFY(!error);
        QCOMPARE(result.vectors.size(), std::size_t(2));
    }

    void rerankScoresEachDocument()
    {
        PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {}, &why), qPrintable(why));
        boost::asio::io_context io;
        HttpClient http(io);
        RerankRequest r;
        r.profile = profileAt(peer);
        r.apiKey = "test-key";
        r.query = "battery warranty";
        r.documents = {"Shipping takes three days.", "The battery warranty lasts two years.", "退货政策"};
        std::vector<double> scores;
        JsonPostError error;
        auto call = startRerank(io, http, r, [&](std::vector<double> s, JsonPostError e) {
            scores = std::move(s);
            error = std::move(e);
        });
        io.run_for(std::chrono::seconds(10));
        QVERIFY2(!error, error.message.c_str());
        QCOMPARE(scores.size(), std::size_t(3));
        QVERIFY(scores[1] > scores[0] && scores[1] > scores[2]);
    }
};

QTEST_GUILESS_MAIN(TestEmbeddings)
#include "tst_embeddings.moc"
