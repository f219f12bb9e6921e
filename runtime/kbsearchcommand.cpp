// `flowdeck kb search` and `flowdeck kb test`: retrieval from the command line, with
// the trace, and golden questions scored by hit@k and MRR (DESIGN.md §9).
#include "engine/knowledge/basesearcher.h"
#include "engine/knowledge/goldeneval.h"
#include "engine/knowledge/knowledgecitations.h"
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgeretrieval.h"
#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/model/embeddingclient.h"
#include "runtime/cliconfig.h"
#include "runtime/exitcodes.h"
#include "runtime/kbcommand.h"

#include <iomanip>
#include <iostream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

int fail(const engine::Diagnostics &diagnostics)
{
    for (const auto &d : diagnostics)
        std::cerr << "error: " << d.message << "\n";
    return kExitRunFailed;
}

std::optional<engine::SearchMode> modeFrom(const std::string &name)
{
    if (name == "keyword")
        return engine::SearchMode::Keyword;
    if (name == "vector")
        return engine::SearchMode::Vector;
    if (name == "hybrid")
        return engine::SearchMode::Hybrid;
    std::cerr << "error: --mode must be keyword, vector or hybrid, not '" << name << "'.\n";
    return std::nullopt;
}

// A base opened for searching from the command line, with its embeddings profile resolved.
class CliSearch {
public:
    bool open(const KbOptions &o)
    {
        const fs::path folder = fs::path(o.folder) / o.base;
        auto settings = engine::KnowledgeSettings::load(folder);
        if (!settings.ok())
            return fail(settings.diagnostics()), false;
        CliConfig config;
        config.load(o.profilesFile);
        auto target = engine::resolveEmbedding(settings.value(), config.profiles, config.secrets);
        if (!target.ok())
            return fail(target.diagnostics()), false;
        m_embedded = target.value().has_value();
        auto opened = m_searcher.open(folder, target.value());
        if (!opened.ok())
            return fail(opened.diagnostics()), false;
        return true;
    }

    engine::Result<engine::SearchOutcome> search(engine::SearchRequest request) { return m_searcher.search(std::move(request)); }
    bool keywordOnly() const { return !m_embedded; }
    engine::BaseSearcher &searcher() { return m_searcher; }

private:
    engine::BaseSearcher m_searcher;
    bool m_embedded = false;
};

void printTrace(const engine::SearchTrace &trace)
{
    std::cout << "\nTrace (" << trace.mode << ", " << trace.totalMicros << " µs";
    for (const auto &s : trace.stages)
        std::cout << "; " << s.name << " " << s.count << " in " << s.micros << " µs";
    std::cout << ")\n";
    if (!trace.ftsExpression.empty())
        std::cout << "  keyword query: " << trace.ftsExpression << "\n";
    for (const auto &n : trace.notes)
        std::cout << "  note: " << n << "\n";
    std::cout << "  " << std::left << std::setw(8) << "CHUNK" << std::setw(14) << "KEYWORD" << std::setw(14) << "VECTOR"
              << std::setw(9) << "SCORE" << "KEPT / WHY\n";
    for (const auto &c : trace.candidates) {
        auto rank = [](int r, double s) {
            if (r <= 0)
                return std::string("-");
            std::ostringstream out;
            out << "#" << r << " " << std::fixed << std::setprecision(3) << s;
            return out.str();
        };
        std::ostringstream score;
        score << std::fixed << std::setprecision(3) << c.score;
        std::cout << "  " << std::setw(8) << c.chunkId << std::setw(14) << rank(c.keywordRank, c.keywordScore) << std::setw(14)
                  << rank(c.vectorRank, c.vectorScore) << std::setw(9) << score.str() << (c.kept ? "kept" : c.reason)
                  << "  " << c.documentPath << "\n";
    }
    for (const auto &[doc, why] : trace.filteredDocuments)
        std::cout << "  filtered out: " << doc << " (" << why << ")\n";
}

int searchBase(const KbOptions &o)
{
    auto mode = modeFrom(o.mode);
    if (!mode)
        return kExitUsage;
    CliSearch search;
    if (!search.open(o))
        return kExitRunFailed;
    engine::SearchRequest request;
    request.query = o.query;
    request.mode = *mode;
    request.topK = o.topK;
    request.scoreThreshold = o.threshold;
    request.filters.types = o.types;
    request.filters.fileNames = o.files;
    request.filters.tags = o.tags;
    auto outcome = search.search(request);
    if (!outcome.ok())
        return fail(outcome.diagnostics());
    if (o.json) {
        std::cout << outcome->toJson().dump(2) << "\n";
        return kExitOk;
    }
    const std::string language = engine::languageOfText(o.query);
    std::vector<engine::RetrievedPassage> passages;
    for (const auto &hit : outcome->hits)
        passages.push_back({o.base, hit, std::nullopt});
    if (passages.empty())
        std::cout << (o.trace ? "Nothing found; the trace below says why.\n" : "Nothing found. Run with --trace to see why.\n");
    const auto citations = engine::citationsJson(passages, language);
    for (std::size_t i = 0; i < passages.size(); ++i) {
        std::cout << "[" << i + 1 << "] " << std::fixed << std::setprecision(3) << passages[i].hit.score << "  "
                  << citations[i]["source"].get<std::string>() << "\n";
        std::string text = passages[i].hit.matchedText.empty() ? passages[i].hit.text : passages[i].hit.matchedText;
        std::cout << "    " << engine::truncateUtf8(text, 400) << (text.size() > 400 ? "…" : "") << "\n";
    }
    if (o.trace)
        printTrace(outcome->trace);
    return kExitOk;
}

int testBase(const KbOptions &o)
{
    auto mode = modeFrom(o.mode);
    if (!mode)
        return kExitUsage;
    if (o.removeGolden > 0) {  // kb test NAME --remove ID
        auto store = engine::KnowledgeStore::open(fs::path(o.folder) / o.base, engine::KnowledgeStore::Mode::ReadWrite);
        if (!store.ok())
            return fail(store.diagnostics());
        auto removed = store.value()->removeGoldenQuestion(o.removeGolden);
        if (!removed.ok())
            return fail(removed.diagnostics());
        if (!removed.value()) {
            std::cerr << "error: the base '" << o.base << "' has no golden question " << o.removeGolden << ".\n";
            return kExitRunFailed;
        }
        std::cout << "Removed golden question " << o.removeGolden << ".\n";
        return kExitOk;
    }
    if (o.adding || !o.expect.empty()) {  // kb test NAME --add QUESTION --expect DOC:SNIPPET
        const auto colon = o.expect.find(':');
        if (o.query.find_first_not_of(" \t\r\n") == std::string::npos || colon == std::string::npos || colon == 0 ||
            colon + 1 == o.expect.size()) {
            std::cerr << "error: give the question with --add and the passage it must find with --expect DOCUMENT:SNIPPET, "
                         "e.g. --add 'How many days of annual leave?' --expect 'handbook/leave.md:15 days'.\n";
            return kExitUsage;
        }
        auto store = engine::KnowledgeStore::open(fs::path(o.folder) / o.base, engine::KnowledgeStore::Mode::ReadWrite);
        if (!store.ok())
            return fail(store.diagnostics());
        const std::string document = o.expect.substr(0, colon);
        auto found = store.value()->findDocument(document);
        if (!found.ok())
            return fail(found.diagnostics());
        if (!found.value()) {
            std::cerr << "error: the base '" << o.base << "' has no document '" << document
                      << "'; `flowdeck kb list " << o.base << "` shows their names.\n";
            return kExitUsage;
        }
        engine::GoldenQuestion q;
        q.question = o.query;
        q.expected.push_back({document, o.expect.substr(colon + 1)});
        auto id = store.value()->addGoldenQuestion(q);
        if (!id.ok())
            return fail(id.diagnostics());
        std::cout << "Added golden question " << id.value() << ".\n";
        return kExitOk;
    }
    CliSearch search;
    if (!search.open(o))
        return kExitRunFailed;
    auto report = search.searcher().evaluate(*mode, o.topK);
    if (!report.ok())
        return fail(report.diagnostics());
    if (o.json) {
        std::cout << report->toJson().dump(2) << "\n";
        return kExitOk;
    }
    if (report->questions.empty()) {
        std::cout << "The base has no golden questions. Add one: flowdeck kb test " << o.base
                  << " --add 'How many days of annual leave?' --expect 'handbook.md:annual leave'\n";
        return kExitOk;
    }
    for (const auto &q : report->questions) {
        std::cout << (q.rank > 0 ? "hit @" + std::to_string(q.rank) : std::string(q.error.empty() ? "MISS" : "ERROR"));
        std::cout << std::string(q.rank > 0 ? 3 : 4, ' ') << q.question;
        if (!q.error.empty())
            std::cout << " — " << q.error;
        std::cout << "\n";
    }
    std::cout << std::fixed << std::setprecision(3) << "\n" << engine::toString(report->mode)
              << (search.keywordOnly() && report->mode != engine::SearchMode::Keyword ? " (keyword only: the base has no embeddings profile)" : "")
              << ": hit@" << report->k << " " << report->hitAtK << ", MRR " << report->mrr << " over "
              << report->questions.size() << (report->questions.size() == 1 ? " question\n" : " questions\n");
    return kExitOk;
}

} // namespace

void addKbSearchCommands(CLI::App &kb, std::function<int()> &action, std::shared_ptr<KbOptions> o)
{
    CLI::App *search = kb.add_subcommand("search", "Search a base and show the passages found, with --trace the why");
    search->add_option("name", o->base, "The base")->required();
    search->add_option("query", o->query, "The question")->required();
    search->add_option("--mode", o->mode, "keyword, vector or hybrid")->capture_default_str();
    search->add_option("-k,--top-k", o->topK, "Passages to return")->capture_default_str()->check(CLI::Range(1, 100));
    search->add_option("--threshold", o->threshold, "Least score (0–1) a passage needs")->check(CLI::Range(0.0, 1.0));
    search->add_option("--type", o->types, "Only documents of this type (repeatable)");
    search->add_option("--file", o->files, "Only documents whose name matches (glob, repeatable)");
    search->add_option("--tag", o->tags, "Only documents with this tag (repeatable)");
    search->add_flag("--trace", o->trace, "Show every candidate with its keyword and vector ranks and why it was kept or dropped");
    search->callback([&action, o] { action = [o] { return searchBase(*o); }; });

    CLI::App *test = kb.add_subcommand("test", "Score the base's golden questions (hit@k, MRR), or add one with --add");
    test->add_option("name", o->base, "The base")->required();
    test->add_option("--mode", o->mode, "keyword, vector or hybrid")->capture_default_str();
    test->add_option("-k,--top-k", o->topK, "k for hit@k")->capture_default_str()->check(CLI::Range(1, 100));
    test->add_option("--add", o->query, "Add a golden question (with --expect)")->each([o](const std::string &) { o->adding = true; });
    test->add_option("--remove", o->removeGolden, "Remove the golden question with this number");
    test->add_option("--expect", o->expect, "DOCUMENT:SNIPPET the answer passage must contain");
    test->callback([&action, o] { action = [o] { return testBase(*o); }; });
}

} // namespace flowdeck::runtime
