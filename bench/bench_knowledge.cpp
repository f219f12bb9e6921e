// Knowledge base benchmark (issue 16): on a generated Chinese/English corpus of at least
// 100,000 chunks, ingestion through KnowledgeIngest::addFiles (no embedding), 1024-dim
// vectors stored with setVectors (the stand-in embedding itself excluded), the vector
// index build, BM25 / vector / hybrid query latency (p50, p99) and hit@5 on golden
// questions, memory and size on disk; then the same chunks, vectors and questions in
// @orama/orama (bench/orama), side by side. Goals: hybrid p50 < 20 ms at 100k chunks,
// < 300 MB resident; Flowdeck at least 5x faster per query than Orama, with less memory.
//   bench_knowledge [--chunks 100000] [--queries 500] [--dir PATH] [--keep] [--no-orama]
// The queries run in a fresh process (this program again, --query-phase), so its memory
// is that of opening a base the way the runtime does, not of ingesting it.
#include "knowledgecorpus.h"

#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/knowledge/sqliteconnection.h"
#include "engine/knowledge/textsegmenter.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <thread>

using namespace flowdeck::engine;
using flowdeck::bench::GoldenQuery;
using flowdeck::bench::KnowledgeCorpus;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr int kDimensions = 1024;
constexpr int kTopK = 5;
constexpr int kWarmup = 10;
const fs::path kOramaFolder = fs::path(FLOWDECK_SOURCE_DIR) / "bench" / "orama";

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A field of /proc/self/status in MiB ("VmHWM", "VmRSS").
double statusMiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::atof(line.c_str() + prefix.size()) / 1024.0;
    return 0;
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

std::uint64_t folderBytes(const fs::path &folder)
{
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec))
            total += it->file_size(ec);
    return total;
}

[[noreturn]] void die(const std::string &what, const Diagnostics &diagnostics = {})
{
    std::fprintf(stderr, "bench_knowledge: %s%s%s\n", what.c_str(), diagnostics.empty() ? "" : ": ",
                 diagnostics.empty() ? "" : diagnostics.front().message.c_str());
    std::exit(1);
}

void writeFloats(std::ofstream &out, const std::vector<float> &v)
{
    out.write(reinterpret_cast<const char *>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
}

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(p * samples.size()))];
}

json readJson(const fs::path &file)
{
    std::ifstream in(file);
    return json::parse(in, nullptr, false);
}

bool containsSnippet(KnowledgeStore &store, const std::vector<std::int64_t> &ids, const std::string &snippet)
{
    auto found = store.chunksById(ids);
    return found && std::any_of(found->begin(), found->end(),
                                [&](const StoredChunk &c) { return c.text.find(snippet) != std::string::npos; });
}

// Where the time and the misses come from, outside KnowledgeSearch: the vector index's
// recall against the exact scan, and the keyword query without its most common tokens.
json diagnose(KnowledgeStore &store, const VectorIndex &index, const std::vector<json> &queries,
              const std::vector<std::vector<float>> &vectors)
{
    json why;
    const std::size_t candidates = SearchRequest().candidates;
    double overlap = 0;
    int exactHits = 0;
    std::vector<double> exactMs;
    for (std::size_t q = 0; q < queries.size(); ++q) {
        const auto approximate = index.search(vectors[q], candidates);
        const auto t = Clock::now();
        const auto exact = index.exactSearch(vectors[q], candidates);
        exactMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        if (!approximate || !exact)
            continue;
        std::vector<std::int64_t> a, e, top;
        for (const auto &m : approximate.value())
            a.push_back(m.chunkId);
        for (const auto &m : exact.value())
            e.push_back(m.chunkId);
        std::sort(a.begin(), a.end());
        top.assign(e.begin(), e.begin() + std::min<std::size_t>(kTopK, e.size()));
        std::sort(e.begin(), e.end());
        std::vector<std::int64_t> both;
        std::set_intersection(a.begin(), a.end(), e.begin(), e.end(), std::back_inserter(both));
        overlap += e.empty() ? 1.0 : double(both.size()) / e.size();
        exactHits += containsSnippet(store, top, queries[q]["snippet"].get<std::string>());
    }
    why["vectorRecallAt50"] = overlap / queries.size();
    why["exactVectorHit5"] = exactHits / double(queries.size());
    why["exactVectorP50"] = percentile(exactMs, 0.5);

    // Keyword: the same SQL as KnowledgeSearch, with the tokens found in more than 5 % of
    // the chunks left out (the three rarest kept when that leaves none).
    SqliteConnection &db = store.connection();
    if (!db.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, chunks_fts, 'row')"))
        return why;
    std::int64_t chunkCount = 0;
    if (auto s = db.statement("SELECT count(*) FROM chunks WHERE is_parent = 0"); s.valid() && s.step() == SQLITE_ROW)
        chunkCount = s.integer(0);
    TextSegmenter segmenter;
    std::vector<double> ms;
    int hits = 0, tokens = 0, kept = 0;
    for (const auto &query : queries) {
        std::vector<std::pair<std::int64_t, std::string>> byFrequency;
        for (const auto &token : segmenter.distinctTokens(query["text"].get<std::string>(), kMaxQueryTokens)) {
            auto s = db.statement("SELECT doc FROM temp.fts_terms WHERE term = ?");
            s.bind(1, token);
            byFrequency.emplace_back(s.step() == SQLITE_ROW ? s.integer(0) : 0, token);
        }
        std::sort(byFrequency.begin(), byFrequency.end());
        std::string expression;
        int used = 0;
        for (const auto &[df, token] : byFrequency) {
            if (df == 0 || (df * 20 > chunkCount && used >= 3))
                continue;
            expression += (expression.empty() ? "\"" : " OR \"") + token + "\"";
            ++used;
        }
        tokens += static_cast<int>(byFrequency.size());
        kept += used;
        const auto t = Clock::now();
        auto s = db.statement("SELECT chunks_fts.rowid, -bm25(chunks_fts), c.document_id FROM chunks_fts JOIN chunks c ON "
                              "c.id = chunks_fts.rowid WHERE chunks_fts MATCH ?1 ORDER BY bm25(chunks_fts) LIMIT ?2");
        s.bind(1, expression).bind(2, static_cast<int>(candidates));
        std::vector<std::int64_t> ids;
        while (s.step() == SQLITE_ROW)
            ids.push_back(s.integer(0));
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
        ids.resize(std::min<std::size_t>(ids.size(), kTopK));
        hits += containsSnippet(store, ids, query["snippet"].get<std::string>());
    }
    why["prunedKeyword"] = {{"p50", percentile(ms, 0.5)}, {"p99", percentile(ms, 0.99)},
                            {"hit5", hits / double(queries.size())},
                            {"tokensPerQuery", tokens / double(queries.size())},
                            {"keptPerQuery", kept / double(queries.size())}};
    return why;
}

// ---- The query phase, in its own process ----------------------------------------------

int queryPhase(const fs::path &work)
{
    json out;
    out["rssStartMiB"] = statusMiB("VmRSS");
    auto store = KnowledgeStore::open(work / "base", KnowledgeStore::Mode::ReadOnly);
    if (!store)
        die("the base does not open read-only", store.diagnostics());
    KnowledgeSearch search(*store.value());
    auto started = Clock::now();
    auto index = search.vectorIndex();
    if (!index)
        die("the vector index does not load", index.diagnostics());
    out["indexLoadSeconds"] = secondsSince(started);
    out["indexApproximate"] = index.value()->approximate();
    out["indexLoaded"] = index.value()->graphWasLoaded();
    out["indexMiB"] = index.value()->memoryBytes() / 1048576.0;
    out["rssLoadedMiB"] = statusMiB("VmRSS");

    std::vector<json> queries;
    {
        std::ifstream in(work / "queries.jsonl");
        for (std::string line; std::getline(in, line);)
            queries.push_back(json::parse(line));
    }
    std::vector<std::vector<float>> vectors(queries.size(), std::vector<float>(kDimensions));
    {
        std::ifstream in(work / "queries.f32", std::ios::binary);
        for (auto &v : vectors)
            in.read(reinterpret_cast<char *>(v.data()), kDimensions * sizeof(float));
        if (!in)
            die("queries.f32 is shorter than queries.jsonl");
    }

    for (SearchMode mode : {SearchMode::Keyword, SearchMode::Vector, SearchMode::Hybrid}) {
        std::vector<double> ms;
        std::map<std::string, std::pair<int, int>> byKind;  // kind -> (hits, questions)
        std::map<std::string, double> stageMicros;
        int hits = 0;
        for (int i = -kWarmup; i < static_cast<int>(queries.size()); ++i) {
            const std::size_t q = static_cast<std::size_t>(i < 0 ? (i + kWarmup) % int(queries.size()) : i);
            SearchRequest request;
            request.query = queries[q]["text"].get<std::string>();
            if (mode != SearchMode::Keyword)
                request.queryVector = vectors[q];
            request.mode = mode;
            request.topK = kTopK;
            const auto t = Clock::now();
            auto outcome = search.search(request);
            const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
            if (!outcome)
                die("a search failed", outcome.diagnostics());
            if (i < 0)
                continue;
            ms.push_back(elapsed);
            for (const auto &stage : outcome->trace.stages)
                stageMicros[stage.name] += static_cast<double>(stage.micros);
            const std::string snippet = queries[q]["snippet"].get<std::string>();
            const bool hit = std::any_of(outcome->hits.begin(), outcome->hits.end(), [&](const SearchHit &h) {
                return h.matchedText.find(snippet) != std::string::npos || h.text.find(snippet) != std::string::npos;
            });
            hits += hit;
            auto &k = byKind[queries[q]["kind"].get<std::string>()];
            k.first += hit;
            ++k.second;
        }
        json m = {{"p50", percentile(ms, 0.50)}, {"p99", percentile(ms, 0.99)}, {"mean", 0.0},
                  {"hit5", hits / double(queries.size())}};
        double sum = 0;
        for (double x : ms)
            sum += x;
        m["mean"] = sum / ms.size();
        for (const auto &[kind, k] : byKind)
            m["hit5ByKind"][kind] = k.first / double(k.second);
        for (const auto &[stage, micros] : stageMicros)
            m["stageMeanMs"][stage] = micros / 1000.0 / ms.size();
        out[toString(mode)] = m;
    }
    out["rssEndMiB"] = statusMiB("VmRSS");
    out["peakMiB"] = statusMiB("VmHWM");
    out["why"] = diagnose(*store.value(), *index.value(), queries, vectors);
    std::ofstream(work / "flowdeck.json") << out.dump(2);
    return 0;
}

// ---- Printing ---------------------------------------------------------------------------

void printSideBySide(const json &f, const json &o)
{
    const bool haveOrama = o.is_object() && o.contains("keyword");
    std::printf("\nSide by side (%zu-dim vectors, top %d, same chunks, vectors and questions)\n", std::size_t(kDimensions),
                kTopK);
    std::printf("  %-30s %22s %22s %10s\n", "", "Flowdeck (C++)", "Orama (node)", "Orama/FD");
    for (const char *mode : {"keyword", "vector", "hybrid"}) {
        const json &a = f[mode];
        char fd[64], orama[64] = "-", ratio[32] = "-";
        std::snprintf(fd, sizeof fd, "%.2f / %.2f ms", a["p50"].get<double>(), a["p99"].get<double>());
        if (haveOrama) {
            const json &b = o[mode];
            std::snprintf(orama, sizeof orama, "%.2f / %.2f ms", b["p50"].get<double>(), b["p99"].get<double>());
            std::snprintf(ratio, sizeof ratio, "%.1fx", b["p50"].get<double>() / std::max(1e-6, a["p50"].get<double>()));
        }
        std::printf("  %-30s %22s %22s %10s\n", (std::string(mode) + " p50 / p99").c_str(), fd, orama, ratio);
    }
    for (const char *mode : {"keyword", "vector", "hybrid"}) {
        char fd[32], orama[32] = "-";
        std::snprintf(fd, sizeof fd, "%.1f %%", 100 * f[mode]["hit5"].get<double>());
        if (haveOrama)
            std::snprintf(orama, sizeof orama, "%.1f %%", 100 * o[mode]["hit5"].get<double>());
        std::printf("  %-30s %22s %22s\n", (std::string(mode) + " hit@5").c_str(), fd, orama);
    }
    auto mem = [&](const char *label, double fd, double orama) {
        char a[32], b[32] = "-", r[32] = "-";
        std::snprintf(a, sizeof a, "%.0f MiB", fd);
        if (haveOrama) {
            std::snprintf(b, sizeof b, "%.0f MiB", orama);
            std::snprintf(r, sizeof r, "%.1fx", orama / std::max(1.0, fd));
        }
        std::printf("  %-30s %22s %22s %10s\n", label, a, b, r);
    };
    mem("resident after loading", f["rssLoadedMiB"].get<double>(), haveOrama ? o["rssAfterInsertMiB"].get<double>() : 0);
    mem("peak resident (query process)", f["peakMiB"].get<double>(), haveOrama ? o["peakMiB"].get<double>() : 0);
    if (haveOrama)
        std::printf("  %-30s %22s %19.1f s\n", "load / insert", "(see ingestion above)", o["insertSeconds"].get<double>());
    if (haveOrama) {
        std::printf("\n  Orama %s, tokenizer: %s; its figures are over the first %d questions\n", o.value("version", "?").c_str(),
                    o.value("tokenizer", "?").c_str(), o.value("questions", 0));
        std::printf("  Orama's default tokenizer does not segment Chinese (a run of Han characters is one token); this\n"
                    "  run gives it @orama/tokenizers/mandarin (Intl.Segmenter words: no character bigrams, no case\n"
                    "  folding). Its vector search is an exact float32 scan (similarity 0, so it always has k results);\n"
                    "  hybrid is its own min-max weighted sum (0.5 / 0.5). Flowdeck: FTS5 BM25 over ICU words and\n"
                    "  bigrams, HNSW over int8 rows, reciprocal rank fusion (k = 60).\n");
        std::printf("  Orama heap used %.0f MiB, array buffers %.0f MiB (vectors), node %s\n",
                    o["heapUsedMiB"].get<double>(), o["arrayBuffersMiB"].get<double>(), o.value("node", "?").c_str());
    }
}

} // namespace

int main(int argc, char **argv)
{
    int chunks = 100000;
    int queryCount = 500;
    fs::path work;
    bool keep = false, orama = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--query-phase" && i + 1 < argc)
            return queryPhase(argv[i + 1]);
        if (a == "--chunks" && i + 1 < argc)
            chunks = std::max(1000, std::atoi(argv[++i]));
        else if (a == "--queries" && i + 1 < argc)
            queryCount = std::max(10, std::atoi(argv[++i]));
        else if (a == "--dir" && i + 1 < argc)
            work = argv[++i];
        else if (a == "--keep")
            keep = true;
        else if (a == "--no-orama")
            orama = false;
        else {
            std::fprintf(stderr, "usage: bench_knowledge [--chunks N] [--queries N] [--dir PATH] [--keep] [--no-orama]\n");
            return 2;
        }
    }
    keep = keep || !work.empty();  // a folder given is never removed
    if (work.empty()) {
        std::string pattern = (fs::temp_directory_path() / "flowdeck-bench-knowledge-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            die("no temporary folder");
        work = pattern;
    }
    const fs::path corpusFolder = work / "corpus", base = work / "base";
    std::error_code ec;
    fs::remove_all(corpusFolder, ec);
    fs::remove_all(base, ec);
    fs::create_directories(work);

    std::printf("Knowledge benchmark: %d chunks wanted, %d golden questions, %d-dim vectors\n", chunks, queryCount,
                kDimensions);
    std::printf("Machine: %s, %u cores\nWork folder: %s\n", cpuModel().c_str(), std::thread::hardware_concurrency(),
                work.c_str());

    // 1. The corpus.
    KnowledgeCorpus corpus;
    auto started = Clock::now();
    const auto summary = corpus.write(corpusFolder, chunks, queryCount);
    std::printf("\nCorpus: %d Markdown files, %d sections, %.1f MB, vocabulary %zu words (Chinese and English), "
                "written in %.1f s\n",
                summary.files, summary.sections, summary.bytes / 1e6, corpus.vocabularySize(), secondsSince(started));

    // 2. Ingestion through the real pipeline, without embedding.
    KnowledgeSettings settings;
    settings.name = "bench";
    if (auto created = KnowledgeIngest::create(base, settings); !created)
        die("the base cannot be created", created.diagnostics());
    IngestOptions options;
    options.progress = [](const IngestProgress &p) {
        if (p.stage == IngestProgress::Stage::Reading && p.done == 0 && p.documentIndex % 25 == 0)
            std::fprintf(stderr, "  reading %d/%d\r", p.documentIndex, p.documentCount);
    };
    started = Clock::now();
    auto report = KnowledgeIngest::addFiles(base, {corpusFolder}, options);
    const double ingestSeconds = secondsSince(started);
    if (!report)
        die("ingestion failed", report.diagnostics());
    if (report->failed > 0)
        die(std::to_string(report->failed) + " files failed: " + report->items.front().reason);
    const double ingestPeak = statusMiB("VmHWM");
    std::printf("Ingestion (addFiles, no embedding): %lld chunks from %d files in %.1f s: %.0f chunks/s, %.2f MB/s "
                "(peak resident %.0f MiB)\n",
                static_cast<long long>(report->chunks), report->indexed, ingestSeconds, report->chunks / ingestSeconds,
                summary.bytes / 1e6 / ingestSeconds, ingestPeak);

    // 3. Vectors, stored the way the embedding stage stores them; exported for Orama.
    auto opened = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadWrite);
    if (!opened)
        die("the base does not open", opened.diagnostics());
    std::unique_ptr<KnowledgeStore> store = std::move(opened).value();
    std::ofstream chunkOut(work / "chunks.jsonl", std::ios::binary), vectorOut(work / "chunks.f32", std::ios::binary);
    double readSeconds = 0, embedSeconds = 0, storeSeconds = 0;
    std::int64_t vectorCount = 0;
    for (;;) {
        auto t = Clock::now();
        auto batch = store->chunksWithoutVectors(2048);
        readSeconds += secondsSince(t);
        if (!batch)
            die("chunks cannot be read", batch.diagnostics());
        if (batch->empty())
            break;
        t = Clock::now();
        std::vector<std::pair<std::int64_t, std::vector<float>>> vectors;
        vectors.reserve(batch->size());
        for (const auto &c : batch.value())
            vectors.emplace_back(c.id, corpus.embed(c.text, kDimensions));
        embedSeconds += secondsSince(t);
        t = Clock::now();
        auto stored = store->setVectors(vectors);
        storeSeconds += secondsSince(t);
        if (!stored)
            die("vectors cannot be stored", stored.diagnostics());
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            chunkOut << json{{"id", vectors[i].first}, {"text", batch.value()[i].text}}.dump() << '\n';
            writeFloats(vectorOut, vectors[i].second);
        }
        vectorCount += static_cast<std::int64_t>(vectors.size());
    }
    chunkOut.close();
    vectorOut.close();
    std::printf("Vectors: %lld x %d stored with setVectors in %.1f s (%.0f vectors/s; reading the chunks without "
                "vectors %.1f s more); the stand-in embedding itself, excluded, took %.1f s\n",
                static_cast<long long>(vectorCount), kDimensions, storeSeconds, vectorCount / storeSeconds, readSeconds,
                embedSeconds);

    // 4. The vector index, built (and saved beside the database) as the first vector search would.
    {
        KnowledgeSearch search(*store);
        started = Clock::now();
        auto index = search.vectorIndex();
        if (!index)
            die("the vector index cannot be built", index.diagnostics());
        std::printf("Vector index: %s over %zu vectors built in %.1f s with %u threads, %.0f MiB in memory\n",
                    index.value()->approximate() ? "HNSW (M 16, ef_construction 100)" : "exact int8 scan",
                    index.value()->size(), secondsSince(started), std::thread::hardware_concurrency(),
                    index.value()->memoryBytes() / 1048576.0);
    }
    auto stats = store->stats();
    store.reset();  // closed before the query process opens it
    std::printf("On disk: %.0f MiB (database, WAL and vectors.hnsw; %.0f chunks/MiB); the base folder with its copies "
                "of the documents %.0f MiB\n",
                stats ? stats->bytesOnDisk / 1048576.0 : 0.0,
                stats ? stats->chunks / (stats->bytesOnDisk / 1048576.0) : 0.0, folderBytes(base) / 1048576.0);
    std::printf("Peak resident of this (ingesting) process: %.0f MiB\n", statusMiB("VmHWM"));

    // 5. The questions, with their vectors computed before any timing.
    {
        std::ofstream q(work / "queries.jsonl", std::ios::binary), qv(work / "queries.f32", std::ios::binary);
        for (const GoldenQuery &g : summary.queries) {
            q << json{{"text", g.text}, {"snippet", g.snippet}, {"kind", g.kind}}.dump() << '\n';
            writeFloats(qv, corpus.embed(g.text, kDimensions));
        }
    }
    std::printf("Golden questions: %zu (a third each: same words as the fact, the other language, paraphrased), e.g.\n"
                "  \"%s\" -> \"%s\"\n",
                summary.queries.size(), summary.queries[1].text.c_str(), summary.queries[1].snippet.c_str());

    // 6. Queries in a fresh process.
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    if (std::system(("'" + self + "' --query-phase '" + work.string() + "'").c_str()) != 0)
        die("the query process failed");
    const json f = readJson(work / "flowdeck.json");
    std::printf("\nFlowdeck queries (fresh read-only process, %zu questions, top %d, after %d warm-up):\n",
                summary.queries.size(), kTopK, kWarmup);
    std::printf("  vector index %s in %.2f s, %.0f MiB; resident %.0f MiB before opening, %.0f MiB after loading, "
                "peak %.0f MiB\n",
                f["indexLoaded"].get<bool>() ? "loaded from vectors.hnsw" : "built", f["indexLoadSeconds"].get<double>(),
                f["indexMiB"].get<double>(), f["rssStartMiB"].get<double>(), f["rssLoadedMiB"].get<double>(),
                f["peakMiB"].get<double>());
    for (const char *mode : {"keyword", "vector", "hybrid"}) {
        const json &m = f[mode];
        std::printf("  %-8s p50 %6.2f ms  p99 %6.2f ms  mean %6.2f ms  hit@5 %5.1f %%  (", mode, m["p50"].get<double>(),
                    m["p99"].get<double>(), m["mean"].get<double>(), 100 * m["hit5"].get<double>());
        for (const auto &[kind, v] : m["hit5ByKind"].items())
            std::printf("%s %.0f%%; ", kind.c_str(), 100 * v.get<double>());
        std::printf("mean stage ms:");
        for (const auto &[stage, v] : m["stageMeanMs"].items())
            std::printf(" %s %.2f", stage.c_str(), v.get<double>());
        std::printf(")\n");
    }
    const double hybridP50 = f["hybrid"]["p50"].get<double>(), peak = f["peakMiB"].get<double>();
    std::printf("Goals: hybrid p50 %.2f ms < 20 ms: %s; query process peak %.0f MiB < 300 MB (286 MiB): %s\n", hybridP50,
                hybridP50 < 20 ? "met" : "MISSED", peak, peak < 286 ? "met" : "MISSED");

    if (const json &why = f["why"]; why.is_object() && why.contains("vectorRecallAt50")) {
        std::printf("Diagnosis: HNSW top-50 recall against the exact int8 scan %.1f %%; the exact scan's hit@5 %.1f %% "
                    "(exact scan p50 %.1f ms)\n",
                    100 * why["vectorRecallAt50"].get<double>(), 100 * why["exactVectorHit5"].get<double>(),
                    why["exactVectorP50"].get<double>());
        if (why.contains("prunedKeyword")) {
            const json &k = why["prunedKeyword"];
            std::printf("  keyword query without the tokens found in > 5 %% of chunks (%.1f of %.1f tokens kept): "
                        "p50 %.2f ms, p99 %.2f ms, hit@5 %.1f %%\n",
                        k["keptPerQuery"].get<double>(), k["tokensPerQuery"].get<double>(), k["p50"].get<double>(),
                        k["p99"].get<double>(), 100 * k["hit5"].get<double>());
        }
    }

    // 7. Orama, on the same files.
    json o;
    const bool haveNode = std::system("command -v node >/dev/null 2>&1") == 0;
    if (!orama) {
        std::printf("\nOrama: skipped (--no-orama)\n");
    } else if (!haveNode || !fs::exists(kOramaFolder / "node_modules" / "@orama" / "orama")) {
        std::printf("\nOrama: not run: %s. Install it with: (cd %s && npm ci)\n",
                    haveNode ? "bench/orama/node_modules is missing" : "node is not on PATH", kOramaFolder.c_str());
    } else {
        std::fflush(stdout);
        const std::string command = "node --expose-gc --max-old-space-size=16384 '"
            + (kOramaFolder / "bench-orama.mjs").string() + "' '" + work.string() + "'";
        if (std::system(command.c_str()) != 0)
            std::printf("\nOrama: the script failed (%s)\n", command.c_str());
        else
            o = readJson(work / "orama.json");
    }
    printSideBySide(f, o);
    if (o.is_object() && o.contains("hybrid")) {
        const double ratio = o["hybrid"]["p50"].get<double>() / std::max(1e-6, hybridP50);
        const bool lessMemory = f["peakMiB"].get<double>() < o["peakMiB"].get<double>();
        std::printf("Goal: Flowdeck >= 5x faster per query (hybrid p50 %.1fx) with less memory (%s): %s\n", ratio,
                    lessMemory ? "yes" : "no", ratio >= 5 && lessMemory ? "met" : "MISSED");
    }

    if (!keep)
        fs::remove_all(work, ec);
    else
        std::printf("\nKept %s\n", work.c_str());
    return 0;
}
