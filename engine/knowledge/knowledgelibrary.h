#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgesettings.h"
#include "engine/knowledge/searchoutcome.h"
#include "engine/knowledge/searchrequest.h"

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace flowdeck::engine {

// The knowledge bases a run may search, by name (DESIGN.md §9): a project's knowledge
// folder (studio, CLI) or the bases a deployed app's bundle named (runtime). Each base is
// opened read-only once and searched on a small pool of worker threads, so a search never
// holds up the run loop; searches of one base take turns, searches of different bases
// run side by side.
class KnowledgeLibrary {
public:
    explicit KnowledgeLibrary(std::filesystem::path folder);           // every base in the folder
    explicit KnowledgeLibrary(std::map<std::string, std::filesystem::path> bases);  // these only
    ~KnowledgeLibrary();
    KnowledgeLibrary(const KnowledgeLibrary &) = delete;
    KnowledgeLibrary &operator=(const KnowledgeLibrary &) = delete;

    // The base's folder, or an error naming the base and where it was looked for.
    Result<std::filesystem::path> folderOf(const std::string &base) const;
    Result<KnowledgeSettings> settings(const std::string &base) const;

    // Searches on a worker thread; `done` runs on `io`'s thread.
    void search(boost::asio::io_context &io, const std::string &base, SearchRequest request,
                std::function<void(Result<SearchOutcome>)> done);
    // The same on the calling thread.
    Result<SearchOutcome> searchNow(const std::string &base, const SearchRequest &request);

    // How many vectors the base holds (0 when it cannot be opened).
    std::int64_t vectorCount(const std::string &base);

    // One stored passage, for a citation link: {base, chunkId, document, title, type,
    // location, where, text} (a child passage's text is its parent's, as search returns).
    Result<nlohmann::json> passage(const std::string &base, std::int64_t chunkId, const std::string &language);

private:
    struct OpenBase;
    Result<std::shared_ptr<OpenBase>> open(const std::string &base);

    std::filesystem::path m_folder;
    std::map<std::string, std::filesystem::path> m_bases;
    bool m_fixed = false;
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<OpenBase>> m_open;
    struct Pool;
    std::unique_ptr<Pool> m_pool;
};

} // namespace flowdeck::engine
