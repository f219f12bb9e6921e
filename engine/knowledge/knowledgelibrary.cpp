#include "engine/knowledge/knowledgelibrary.h"

#include "engine/knowledge/knowledgepack.h"
#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

namespace flowdeck::engine {

namespace fs = std::filesystem;

struct KnowledgeLibrary::OpenBase {
    std::mutex mutex;  // the store and its search are used by one thread at a time
    std::unique_ptr<KnowledgeStore> store;
    std::unique_ptr<KnowledgeSearch> search;
};

struct KnowledgeLibrary::Pool {
    boost::asio::thread_pool threads{2};
};

namespace {

Diagnostic libraryProblem(const std::string &message)
{
    Diagnostic d;
    d.code = "knowledge-base";
    d.message = message;
    return d;
}

} // namespace

KnowledgeLibrary::KnowledgeLibrary(fs::path folder) : m_folder(std::move(folder)), m_pool(std::make_unique<Pool>()) {}

KnowledgeLibrary::KnowledgeLibrary(std::map<std::string, fs::path> bases)
    : m_bases(std::move(bases)), m_fixed(true), m_pool(std::make_unique<Pool>()) {}

KnowledgeLibrary::~KnowledgeLibrary()
{
    m_pool->threads.join();
}

Result<fs::path> KnowledgeLibrary::folderOf(const std::string &base) const
{
    if (m_fixed) {
        auto it = m_bases.find(base);
        if (it == m_bases.end())
            return Result<fs::path>::failure(libraryProblem("The knowledge base '" + base + "' was not deployed with this app. "
                                                            "Deploy the app again from the studio or with `flowdeck deploy`."));
        return it->second;
    }
    if (!validKnowledgeBaseName(base))
        return Result<fs::path>::failure(libraryProblem("'" + base + "' cannot name a knowledge base."));
    const auto folder = m_folder / base;
    std::error_code ec;
    if (!fs::exists(folder / "kb.json", ec))
        return Result<fs::path>::failure(libraryProblem("There is no knowledge base '" + base + "' in " + m_folder.string() +
                                                        ". Create it in the Knowledge panel or with `flowdeck kb create " + base + "`."));
    return folder;
}

Result<KnowledgeSettings> KnowledgeLibrary::settings(const std::string &base) const
{
    auto folder = folderOf(base);
    if (!folder.ok())
        return Result<KnowledgeSettings>(folder.diagnostics());
    auto s = KnowledgeSettings::load(folder.value());
    if (s.ok())
        s->name = base;
    return s;
}

Result<std::shared_ptr<KnowledgeLibrary::OpenBase>> KnowledgeLibrary::open(const std::string &base)
{
    using R = Result<std::shared_ptr<OpenBase>>;
    std::lock_guard lock(m_mutex);
    if (auto it = m_open.find(base); it != m_open.end())
        return it->second;
    auto folder = folderOf(base);
    if (!folder.ok())
        return R(folder.diagnostics());
    std::error_code ec;
    if (!fs::exists(folder.value() / KnowledgeStore::kDatabaseFileName, ec))
        return R::failure(libraryProblem("The knowledge base '" + base + "' has no documents yet. Add documents to it first."));
    auto store = KnowledgeStore::open(folder.value(), KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return R(store.diagnostics());
    auto opened = std::make_shared<OpenBase>();
    opened->store = std::move(store.value());
    opened->search = std::make_unique<KnowledgeSearch>(*opened->store);
    m_open[base] = opened;
    return opened;
}

Result<SearchOutcome> KnowledgeLibrary::searchNow(const std::string &base, const SearchRequest &request)
{
    auto opened = open(base);
    if (!opened.ok())
        return Result<SearchOutcome>(opened.diagnostics());
    std::lock_guard lock(opened.value()->mutex);
    try {
        return opened.value()->search->search(request);
    } catch (const std::exception &e) {
        return Result<SearchOutcome>::failure(libraryProblem("Searching the knowledge base '" + base + "' failed: " + e.what() + "."));
    }
}

std::int64_t KnowledgeLibrary::vectorCount(const std::string &base)
{
    auto opened = open(base);
    if (!opened.ok())
        return 0;
    std::lock_guard lock(opened.value()->mutex);
    auto count = opened.value()->store->vectorCount();
    return count.ok() ? count.value() : 0;
}

Result<nlohmann::json> KnowledgeLibrary::passage(const std::string &base, std::int64_t chunkId, const std::string &language)
{
    using R = Result<nlohmann::json>;
    auto opened = open(base);
    if (!opened.ok())
        return R(opened.diagnostics());
    std::lock_guard lock(opened.value()->mutex);
    auto &store = *opened.value()->store;
    auto found = store.chunksById({chunkId});
    if (!found.ok())
        return R(found.diagnostics());
    if (found->empty())
        return R::failure(libraryProblem("The knowledge base '" + base + "' has no passage " + std::to_string(chunkId) + "."));
    StoredChunk chunk = found->front();
    std::string text = chunk.text;
    if (chunk.parentId)
        if (auto parent = store.chunksById({*chunk.parentId}); parent.ok() && !parent->empty())
            text = parent->front().text;
    nlohmann::json out = {{"base", base}, {"chunkId", chunkId}, {"text", text}, {"location", chunk.location.toJson()},
                          {"where", chunk.location.describe(language)}};
    if (auto docs = store.documents(); docs.ok())
        for (const auto &d : docs.value())
            if (d.id == chunk.documentId) {
                out["document"] = d.path;
                out["title"] = d.title.empty() ? d.path : d.title;
                out["type"] = d.type;
            }
    return R(std::move(out));
}

void KnowledgeLibrary::search(boost::asio::io_context &io, const std::string &base, SearchRequest request,
                              std::function<void(Result<SearchOutcome>)> done)
{
    boost::asio::post(m_pool->threads, [this, &io, base, request = std::move(request), done = std::move(done)]() mutable {
        auto outcome = std::make_shared<Result<SearchOutcome>>(searchNow(base, request));
        boost::asio::post(io, [outcome, done = std::move(done)] { done(std::move(*outcome)); });
    });
}

} // namespace flowdeck::engine
