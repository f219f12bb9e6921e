#include "engine/knowledge/knowledgeingest.h"

#include "engine/core/atomicfile.h"
#include "engine/core/secretstore.h"
#include "engine/core/tokens.h"
#include "engine/knowledge/chunker.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/knowledge/parse/documentparser.h"
#include "engine/model/embeddingclient.h"
#include "engine/net/httpclient.h"

#include <chrono>
#include <fstream>
#include <map>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxFileBytes = 200ull << 20;
constexpr std::size_t kMaxPageBytes = 20u << 20;

Diagnostic ingestProblem(const std::string &message)
{
    Diagnostic d;
    d.code = "knowledge-ingest";
    d.message = message;
    return d;
}

std::string firstMessage(const Diagnostics &diagnostics)
{
    return diagnostics.empty() ? std::string("unknown error") : diagnostics.front().message;
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool cancelled(const IngestOptions &options) { return options.cancel && options.cancel->load(); }

struct Source {
    fs::path file;      // where to read it
    std::string path;   // its path in the base (under files/), with '/' separators
};

// The files to read: a file as itself, a folder's supported files with their paths
// below the folder's parent ("handbook/leave.md"). Hidden files and folders are skipped.
std::vector<Source> collectSources(const std::vector<fs::path> &inputs, IngestReport &report)
{
    std::vector<Source> out;
    for (const auto &given : inputs) {
        std::error_code ec;
        const fs::path input = fs::absolute(given, ec).lexically_normal();
        if (fs::is_directory(input, ec)) {
            const fs::path folder = input.has_filename() ? input : input.parent_path();  // "docs/" names "docs"
            const fs::path root = folder.parent_path();
            for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const auto name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory(ec))
                        it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file(ec) && !documentTypeFor(it->path()).empty())
                    out.push_back({it->path(), fs::relative(it->path(), root, ec).generic_string()});
            }
            continue;
        }
        if (!fs::is_regular_file(input, ec)) {
            report.items.push_back({input.filename().string(), IngestItem::Outcome::Failed,
                                    "'" + input.string() + "' does not exist or is not a file.", 0, {}});
            continue;
        }
        if (documentTypeFor(input).empty()) {
            report.items.push_back({input.filename().string(), IngestItem::Outcome::Failed,
                                    "'" + input.filename().string() + "' is not a kind of file a knowledge base reads (txt, md, "
                                    "html, pdf, docx, xlsx, csv, pptx).", 0, {}});
            continue;
        }
        out.push_back({input, input.filename().string()});
    }
    return out;
}

class Ingestion {
public:
    Ingestion(fs::path folder, KnowledgeSettings settings, std::unique_ptr<KnowledgeStore> store, const IngestOptions &options)
        : m_folder(std::move(folder)), m_settings(std::move(settings)), m_store(std::move(store)), m_options(options) {}

    void progress(IngestProgress p) const
    {
        if (m_options.progress)
            m_options.progress(p);
    }

    // Reads one document from `bytes` and stores its passages; the outcome goes to the report.
    void index(const std::string &path, const std::string &bytes, const std::string &type, std::int64_t mtime,
               const fs::path &storedCopy, int index, int count)
    {
        IngestItem item{path, IngestItem::Outcome::Indexed, {}, 0, {}};
        const std::string sha = sha256Hex(bytes);
        auto existing = m_store->findDocument(path);
        if (existing.ok() && existing.value() && existing.value()->status == DocumentStatus::Indexed &&
            existing.value()->sha256 == sha && !m_options.force) {
            item.outcome = IngestItem::Outcome::Unchanged;
            item.chunks = existing.value()->chunkCount;
            return record(std::move(item));
        }
        // The same content under another name (the same file added from another folder) is
        // not stored twice, or every answer would cite it twice.
        if (existing.ok() && !existing.value()) {
            if (!m_byContent) {
                m_byContent.emplace();
                if (auto docs = m_store->documents(); docs.ok())
                    for (const auto &d : docs.value())
                        if (d.status == DocumentStatus::Indexed)
                            m_byContent->emplace(d.sha256, d.path);
            }
            if (auto twin = m_byContent->find(sha); twin != m_byContent->end() && twin->second != path) {
                item.outcome = IngestItem::Outcome::Unchanged;
                item.warnings.push_back("'" + path + "' has the same content as '" + twin->second +
                                        "', which is already in the base; it was not added again.");
                return record(std::move(item));
            }
        }
        if (!storedCopy.empty()) {
            std::error_code ec;
            fs::create_directories(storedCopy.parent_path(), ec);
            std::string why;
            if (!writeFileAtomically(storedCopy, bytes, why))
                return fail(std::move(item), 0, "'" + path + "' could not be copied into the base: " + why + ".");
        }
        DocumentRecord doc;
        if (existing.ok() && existing.value())
            doc = *existing.value();
        doc.path = path;
        doc.type = type;
        doc.size = static_cast<std::int64_t>(bytes.size());
        doc.mtime = mtime;
        doc.sha256 = sha;
        doc.status = DocumentStatus::Pending;
        doc.reason.clear();
        if (!m_options.tags.empty())
            doc.tags = m_options.tags;
        auto id = m_store->upsertDocument(doc);
        if (!id.ok())
            return fail(std::move(item), 0, firstMessage(id.diagnostics()));

        ParseOptions parse;
        parse.cancel = m_options.cancel;
        parse.tesseractProgram = m_settings.ocr ? m_options.tesseractProgram : std::string("/nonexistent/ocr-disabled");
        parse.ocrLanguages = m_settings.ocrLanguages;
        parse.name = path;
        parse.progress = [&](int done, int total) {
            progress({IngestProgress::Stage::Reading, path, index, count, done, total});
        };
        const std::string parseType = type == "url" ? m_urlContentType : type;
        auto parsed = parseDocumentBytes(bytes, parseType, parse);
        if (cancelled(m_options))
            return;  // stays pending: read again by the next run
        if (!parsed.ok())
            return fail(std::move(item), id.value(), firstMessage(parsed.diagnostics()));
        item.warnings = parsed->warnings;
        const auto drafts = chunkDocument(parsed.value(), m_settings.chunking, m_settings.cleaning);
        if (drafts.empty())
            return fail(std::move(item), id.value(), "'" + path + "' has no text to search after cleaning.");
        std::vector<ChunkRecord> records;
        records.reserve(drafts.size());
        for (const auto &d : drafts)
            records.push_back({d.text, d.location, d.parentOrdinal, d.isParent, std::nullopt});
        if (!parsed->title.empty() && parsed->title != doc.title) {
            doc.id = id.value();
            doc.title = parsed->title;
            (void)m_store->upsertDocument(doc);
        }
        auto stored = m_store->replaceChunks(id.value(), records);
        if (!stored.ok())
            return fail(std::move(item), id.value(), firstMessage(stored.diagnostics()));
        if (!item.warnings.empty())
            (void)m_store->setDocumentStatus(id.value(), DocumentStatus::Indexed, {}, item.warnings);
        item.chunks = stored.value();
        m_report.chunks += stored.value();
        if (m_byContent)
            (*m_byContent)[sha] = path;
        record(std::move(item));
    }

    void fail(IngestItem item, std::int64_t id, const std::string &reason)
    {
        item.outcome = IngestItem::Outcome::Failed;
        item.reason = reason;
        if (id > 0)
            (void)m_store->setDocumentStatus(id, DocumentStatus::Failed, reason, item.warnings);
        record(std::move(item));
    }

    void record(IngestItem item)
    {
        switch (item.outcome) {
        case IngestItem::Outcome::Indexed: ++m_report.indexed; break;
        case IngestItem::Outcome::Unchanged: ++m_report.unchanged; break;
        case IngestItem::Outcome::Failed: ++m_report.failed; break;
        }
        m_report.items.push_back(std::move(item));
    }

    void embed()
    {
        if (!m_options.embedding || cancelled(m_options))
            return;
        const auto &target = *m_options.embedding;
        auto stats = m_store->stats();
        auto dims = m_store->dimensions();
        const int total = stats.ok() ? static_cast<int>(stats->chunks - stats->vectors) : 0;
        int done = 0;
        for (;;) {
            if (cancelled(m_options)) {
                m_report.cancelled = true;
                return;
            }
            auto batch = m_store->chunksWithoutVectors(std::max(1, m_options.embedBatch));
            if (!batch.ok()) {
                m_report.embeddingError = firstMessage(batch.diagnostics());
                return;
            }
            if (batch->empty())
                break;
            EmbeddingRequest request;
            request.profile = target.profile;
            request.apiKey = target.apiKey;
            request.model = target.model;
            request.dimensions = target.dimensions > 0 ? target.dimensions : (dims.ok() ? dims.value() : 0);
            for (const auto &c : batch.value())
                request.inputs.push_back(c.text);
            const int before = done;
            auto [result, error] = embedBlocking(std::move(request), m_options.cancel, [&](std::size_t n) {
                progress({IngestProgress::Stage::Embedding, {}, 0, 0, before + static_cast<int>(n), total});
            });
            if (error) {
                if (error.kind == ErrorKind::Cancelled)
                    m_report.cancelled = true;
                else
                    m_report.embeddingError = error.message;
                return;
            }
            for (auto &w : result.warnings)
                m_report.embeddingWarnings.push_back(std::move(w));
            std::vector<std::pair<std::int64_t, std::vector<float>>> vectors;
            for (std::size_t i = 0; i < batch->size() && i < result.vectors.size(); ++i)
                vectors.emplace_back(batch.value()[i].id, std::move(result.vectors[i]));
            auto stored = m_store->setVectors(vectors);
            if (!stored.ok()) {
                m_report.embeddingError = firstMessage(stored.diagnostics());
                return;
            }
            done += stored.value();
            m_report.embedded += stored.value();
            dims = m_store->dimensions();
        }
        if (m_settings.embedding.dimensions == 0 && dims.ok() && dims.value() > 0) {
            m_settings.embedding.dimensions = dims.value();
            std::string why;
            m_settings.save(m_folder, why);
        }
    }

    IngestReport finish()
    {
        m_report.cancelled = m_report.cancelled || cancelled(m_options);
        progress({IngestProgress::Stage::Done, {}, 0, 0, 0, 0});
        return std::move(m_report);
    }

    KnowledgeStore &store() { return *m_store; }
    const KnowledgeSettings &settings() const { return m_settings; }
    const IngestOptions &options() const { return m_options; }
    IngestReport &report() { return m_report; }
    std::string m_urlContentType = "html";

private:
    std::optional<std::map<std::string, std::string>> m_byContent;  // sha256 -> path of indexed documents
    fs::path m_folder;
    KnowledgeSettings m_settings;
    std::unique_ptr<KnowledgeStore> m_store;
    const IngestOptions &m_options;
    IngestReport m_report;
};

Result<std::unique_ptr<Ingestion>> openIngestion(const fs::path &folder, const IngestOptions &options)
{
    auto settings = KnowledgeSettings::load(folder);
    if (!settings.ok())
        return Result<std::unique_ptr<Ingestion>>(settings.diagnostics());
    auto store = KnowledgeStore::open(folder, KnowledgeStore::Mode::ReadWrite);
    if (!store.ok())
        return Result<std::unique_ptr<Ingestion>>(store.diagnostics());
    return std::make_unique<Ingestion>(folder, std::move(settings.value()), std::move(store.value()), options);
}

struct Fetched {
    std::string body;
    std::string type;  // "html", "pdf", "txt", ...
    std::string error;
};

Fetched fetchPage(const std::string &url, const IngestOptions &options)
{
    boost::asio::io_context io;
    HttpClient http(io);
    HttpRequest request;
    request.url = url;
    request.timeoutMs = 60000;
    request.maxResponseBytes = kMaxPageBytes;
    request.allowPrivateNetwork = options.allowPrivateNetwork;
    request.headers.emplace_back("User-Agent", "Flowdeck knowledge (+https://flowdeck.io)");
    Fetched out;
    bool finished = false;
    HttpCallbacks callbacks;
    callbacks.onComplete = [&](HttpResponse response, HttpError error) {
        finished = true;
        if (error) {
            out.error = "The web page " + url + " could not be fetched: " + error.message + ".";
            return;
        }
        if (response.status < 200 || response.status >= 300) {
            out.error = "The web page " + url + " answered HTTP " + std::to_string(response.status) + ".";
            return;
        }
        const std::string type = response.header("content-type");
        out.type = type.find("pdf") != std::string::npos ? "pdf"
                   : type.find("text/plain") != std::string::npos ? "txt"
                   : type.find("markdown") != std::string::npos ? "md"
                                                                 : "html";
        out.body = std::move(response.body);
    };
    auto id = http.start(std::move(request), std::move(callbacks));
    while (!finished && !io.stopped()) {
        if (cancelled(options)) {
            http.cancel(id);
            out.error = "Cancelled.";
            break;
        }
        io.run_one_for(std::chrono::milliseconds(100));
    }
    return out;
}

} // namespace

nlohmann::json IngestReport::toJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &i : items) {
        nlohmann::json j = {{"path", i.path},
                            {"outcome", i.outcome == IngestItem::Outcome::Indexed     ? "indexed"
                                        : i.outcome == IngestItem::Outcome::Unchanged ? "unchanged"
                                                                                      : "failed"},
                            {"chunks", i.chunks}};
        if (!i.reason.empty())
            j["reason"] = i.reason;
        if (!i.warnings.empty())
            j["warnings"] = i.warnings;
        list.push_back(std::move(j));
    }
    nlohmann::json out = {{"items", list},        {"indexed", indexed},   {"unchanged", unchanged}, {"failed", failed},
                          {"chunks", chunks},     {"embedded", embedded}, {"cancelled", cancelled}};
    if (!embeddingError.empty())
        out["embeddingError"] = embeddingError;
    if (!embeddingWarnings.empty())
        out["embeddingWarnings"] = embeddingWarnings;
    return out;
}

Result<std::optional<EmbeddingTarget>> resolveEmbedding(const KnowledgeSettings &settings, const ProfileStore &profiles,
                                                        const SecretStore &secrets)
{
    using R = Result<std::optional<EmbeddingTarget>>;
    if (settings.embedding.profile.empty())
        return R(std::optional<EmbeddingTarget>());
    auto resolved = profiles.resolve(settings.embedding.profile, secrets);
    if (!resolved.ok())
        return R(resolved.diagnostics());
    EmbeddingTarget target;
    target.profile = resolved->profile;
    target.apiKey = resolved->apiKey;
    target.model = settings.embedding.model;
    target.dimensions = settings.embedding.dimensions;
    return R(std::optional<EmbeddingTarget>(std::move(target)));
}

Result<KnowledgeSettings> KnowledgeIngest::create(const fs::path &baseFolder, KnowledgeSettings settings)
{
    std::error_code ec;
    if (fs::exists(baseFolder / "kb.json", ec))
        return Result<KnowledgeSettings>::failure(ingestProblem("A knowledge base named '" + baseFolder.filename().string() +
                                                                "' already exists in " + baseFolder.parent_path().string() + "."));
    fs::create_directories(baseFolder / "files", ec);
    if (ec)
        return Result<KnowledgeSettings>::failure(ingestProblem("The folder " + baseFolder.string() + " could not be made: " +
                                                                ec.message() + "."));
    if (settings.name.empty())
        settings.name = baseFolder.filename().string();
    std::string why;
    if (!settings.save(baseFolder, why))
        return Result<KnowledgeSettings>::failure(ingestProblem("kb.json could not be written: " + why + "."));
    auto store = KnowledgeStore::open(baseFolder, KnowledgeStore::Mode::ReadWrite);
    if (!store.ok())
        return Result<KnowledgeSettings>(store.diagnostics());
    return settings;
}

Result<IngestReport> KnowledgeIngest::addFiles(const fs::path &baseFolder, const std::vector<fs::path> &sources,
                                               const IngestOptions &options)
{
    auto opened = openIngestion(baseFolder, options);
    if (!opened.ok())
        return Result<IngestReport>(opened.diagnostics());
    auto &ingestion = *opened.value();
    const auto files = collectSources(sources, ingestion.report());
    ingestion.report().failed = static_cast<int>(ingestion.report().items.size());  // names that are not readable files
    const int count = static_cast<int>(files.size());
    for (int i = 0; i < count && !cancelled(options); ++i) {
        const auto &source = files[i];
        ingestion.progress({IngestProgress::Stage::Reading, source.path, i, count, 0, 0});
        std::error_code ec;
        const auto size = fs::file_size(source.file, ec);
        if (!ec && size > kMaxFileBytes) {
            ingestion.fail({source.path, IngestItem::Outcome::Failed, {}, 0, {}}, 0,
                           "'" + source.path + "' is larger than 200 MB; split it into smaller files.");
            continue;
        }
        auto bytes = readWholeFile(source.file);
        if (!bytes) {
            ingestion.fail({source.path, IngestItem::Outcome::Failed, {}, 0, {}}, 0, "'" + source.file.string() + "' cannot be read.");
            continue;
        }
        const auto stored = baseFolder / "files" / fs::path(source.path);
        const bool isStoredCopy = fs::equivalent(source.file, stored, ec);
        const auto mtime = std::chrono::duration_cast<std::chrono::seconds>(
                               fs::last_write_time(source.file, ec).time_since_epoch()).count();
        ingestion.index(source.path, *bytes, documentTypeFor(source.file), mtime, isStoredCopy ? fs::path() : stored, i, count);
    }
    ingestion.embed();
    return ingestion.finish();
}

Result<IngestReport> KnowledgeIngest::addUrls(const fs::path &baseFolder, const std::vector<std::string> &urls,
                                              const IngestOptions &options)
{
    auto opened = openIngestion(baseFolder, options);
    if (!opened.ok())
        return Result<IngestReport>(opened.diagnostics());
    auto &ingestion = *opened.value();
    const int count = static_cast<int>(urls.size());
    for (int i = 0; i < count && !cancelled(options); ++i) {
        const auto &url = urls[i];
        ingestion.progress({IngestProgress::Stage::Reading, url, i, count, 0, 0});
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
            ingestion.fail({url, IngestItem::Outcome::Failed, {}, 0, {}}, 0, "'" + url + "' is not an http:// or https:// address.");
            continue;
        }
        auto page = fetchPage(url, options);
        if (!page.error.empty()) {
            ingestion.fail({url, IngestItem::Outcome::Failed, {}, 0, {}}, 0, page.error);
            continue;
        }
        ingestion.m_urlContentType = page.type;
        ingestion.index(url, page.body, "url", nowSeconds(), {}, i, count);
    }
    ingestion.embed();
    return ingestion.finish();
}

Result<IngestReport> KnowledgeIngest::reindex(const fs::path &baseFolder, const IngestOptions &options, bool reembed)
{
    IngestOptions forced = options;
    forced.force = true;
    auto opened = openIngestion(baseFolder, forced);
    if (!opened.ok())
        return Result<IngestReport>(opened.diagnostics());
    auto &ingestion = *opened.value();
    auto docs = ingestion.store().documents();
    if (!docs.ok())
        return Result<IngestReport>(docs.diagnostics());
    if (reembed) {
        auto cleared = ingestion.store().clearVectors();
        if (!cleared.ok())
            return Result<IngestReport>(cleared.diagnostics());
    }
    const int count = static_cast<int>(docs->size());
    for (int i = 0; i < count && !cancelled(options); ++i) {
        const auto &doc = docs.value()[i];
        ingestion.progress({IngestProgress::Stage::Reading, doc.path, i, count, 0, 0});
        if (doc.type == "url") {
            auto page = fetchPage(doc.path, forced);
            if (!page.error.empty()) {
                ingestion.fail({doc.path, IngestItem::Outcome::Failed, {}, 0, {}}, doc.id, page.error);
                continue;
            }
            ingestion.m_urlContentType = page.type;
            ingestion.index(doc.path, page.body, "url", nowSeconds(), {}, i, count);
            continue;
        }
        const auto stored = baseFolder / "files" / fs::path(doc.path);
        auto bytes = readWholeFile(stored);
        if (!bytes) {
            ingestion.fail({doc.path, IngestItem::Outcome::Failed, {}, 0, {}}, doc.id,
                           "The stored copy of '" + doc.path + "' is missing from the base's files folder; add the file again.");
            continue;
        }
        ingestion.index(doc.path, *bytes, doc.type, doc.mtime, {}, i, count);
    }
    ingestion.embed();
    return ingestion.finish();
}

Result<IngestReport> KnowledgeIngest::embedMissing(const fs::path &baseFolder, const IngestOptions &options)
{
    auto opened = openIngestion(baseFolder, options);
    if (!opened.ok())
        return Result<IngestReport>(opened.diagnostics());
    opened.value()->embed();
    return opened.value()->finish();
}

Result<bool> KnowledgeIngest::remove(const fs::path &baseFolder, const std::string &path)
{
    auto store = KnowledgeStore::open(baseFolder, KnowledgeStore::Mode::ReadWrite);
    if (!store.ok())
        return Result<bool>(store.diagnostics());
    auto removed = store.value()->removeDocument(path);
    if (removed.ok() && removed.value() && path.find("://") == std::string::npos && path.find("..") == std::string::npos) {
        std::error_code ec;
        fs::remove(baseFolder / "files" / fs::path(path), ec);
    }
    return removed;
}

} // namespace flowdeck::engine
