// `flowdeck kb`: knowledge bases from the command line (DESIGN.md §9).
#include "runtime/kbcommand.h"

#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/knowledge/knowledgestore.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <unistd.h>

#include <csignal>
#include <iomanip>
#include <iostream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int) { g_interrupted = true; }

// Progress on stderr: one line rewritten in place on a terminal, a line per document otherwise.
class ProgressPrinter {
public:
    ProgressPrinter() : m_tty(isatty(STDERR_FILENO) != 0) {}

    void operator()(const engine::IngestProgress &p)
    {
        std::string line;
        if (p.stage == engine::IngestProgress::Stage::Reading) {
            line = "[" + std::to_string(p.documentIndex + 1) + "/" + std::to_string(p.documentCount) + "] reading " + p.document;
            if (p.total > 0)
                line += " (" + std::to_string(p.done) + "/" + std::to_string(p.total) + ")";
            if (!m_tty && p.total > 0)
                return;  // a line per document is enough in a log
        } else if (p.stage == engine::IngestProgress::Stage::Embedding) {
            line = "embedding passages " + std::to_string(p.done) + "/" + std::to_string(p.total);
            if (!m_tty && p.done != p.total && p.done - m_lastEmbedded < 1000)
                return;
            m_lastEmbedded = p.done;
        } else {
            if (m_tty && m_width > 0)
                std::cerr << "\r" << std::string(m_width, ' ') << "\r" << std::flush;
            return;
        }
        if (m_tty) {
            std::string shown = line.size() > 100 ? line.substr(0, 97) + "..." : line;
            std::cerr << "\r" << shown << std::string(m_width > shown.size() ? m_width - shown.size() : 0, ' ') << std::flush;
            m_width = shown.size();
        } else {
            std::cerr << line << "\n";
        }
    }

private:
    bool m_tty;
    std::size_t m_width = 0;
    int m_lastEmbedded = 0;
};

fs::path baseFolder(const KbOptions &o) { return fs::path(o.folder) / o.base; }

bool checkName(const std::string &name)
{
    if (engine::validKnowledgeBaseName(name))
        return true;
    std::cerr << "error: '" << name << "' cannot name a knowledge base: use letters, digits, '-', '_' or '.' (at most 64 bytes).\n";
    return false;
}

int printFailure(const engine::Diagnostics &diagnostics)
{
    for (const auto &d : diagnostics)
        std::cerr << "error: " << d.message << "\n";
    return kExitRunFailed;
}

// Resolves the base's embedding profile; an error is printed and `ok` cleared.
std::optional<engine::EmbeddingTarget> embeddingFor(const fs::path &folder, const KbOptions &o, bool &ok)
{
    ok = true;
    auto settings = engine::KnowledgeSettings::load(folder);
    if (!settings.ok()) {
        ok = false;
        printFailure(settings.diagnostics());
        return std::nullopt;
    }
    CliConfig config;
    config.load(o.profilesFile);
    auto target = engine::resolveEmbedding(settings.value(), config.profiles, config.secrets);
    if (!target.ok()) {
        ok = false;
        printFailure(target.diagnostics());
        return std::nullopt;
    }
    return target.value();
}

int printReport(const engine::IngestReport &report, bool json)
{
    if (json) {
        std::cout << report.toJson().dump(2) << "\n";
    } else {
        for (const auto &item : report.items) {
            switch (item.outcome) {
            case engine::IngestItem::Outcome::Indexed:
                std::cout << "indexed    " << item.path << " (" << item.chunks << (item.chunks == 1 ? " passage)\n" : " passages)\n");
                break;
            case engine::IngestItem::Outcome::Unchanged:
                std::cout << "unchanged  " << item.path << "\n";
                break;
            case engine::IngestItem::Outcome::Failed:
                std::cout << "FAILED     " << item.path << ": " << item.reason << "\n";
                break;
            }
            for (const auto &w : item.warnings)
                std::cout << "           note: " << w << "\n";
        }
        std::cout << report.indexed << " indexed, " << report.unchanged << " unchanged, " << report.failed << " failed; "
                  << report.chunks << " passages stored";
        if (report.embedded > 0)
            std::cout << ", " << report.embedded << " embedded";
        std::cout << ".\n";
        for (const auto &w : report.embeddingWarnings)
            std::cout << "note: " << w << "\n";
        if (!report.embeddingError.empty())
            std::cout << "Embedding stopped: " << report.embeddingError
                      << "\nThe passages are searchable by keyword now; run `flowdeck kb reindex` or `kb add` again to finish the vectors.\n";
        if (report.cancelled)
            std::cout << "Interrupted: run the same command again to go on where it stopped.\n";
    }
    if (report.cancelled)
        return kExitCancelled;
    return report.failed > 0 || !report.embeddingError.empty() ? kExitRunFailed : kExitOk;
}

engine::IngestOptions ingestOptions(const KbOptions &o, std::optional<engine::EmbeddingTarget> embedding, ProgressPrinter &printer)
{
    engine::IngestOptions options;
    options.tags = o.tags;
    options.force = o.force;
    options.cancel = &g_interrupted;
    options.embedding = std::move(embedding);
    if (!o.json || isatty(STDERR_FILENO))
        options.progress = [&printer](const engine::IngestProgress &p) { printer(p); };
    return options;
}

int createBase(const KbOptions &o)
{
    if (!checkName(o.base))
        return kExitUsage;
    engine::KnowledgeSettings settings;
    settings.name = o.base;
    settings.title = o.title;
    if (!o.chunking.empty()) {
        auto parsed = engine::KnowledgeSettings::fromJson({{"chunking", {{"mode", o.chunking}}}});
        if (!parsed.ok())
            return printFailure(parsed.diagnostics());
        settings.chunking.mode = parsed->chunking.mode;
    }
    if (o.chunkSize > 0)
        settings.chunking.size = o.chunkSize;
    if (o.overlap >= 0)
        settings.chunking.overlap = o.overlap;
    settings.embedding.profile = o.embeddingProfile;
    settings.embedding.model = o.embeddingModel;
    auto checked = engine::KnowledgeSettings::fromJson(settings.toJson());
    if (!checked.ok())
        return printFailure(checked.diagnostics());
    auto created = engine::KnowledgeIngest::create(baseFolder(o), settings);
    if (!created.ok())
        return printFailure(created.diagnostics());
    std::cout << "Created the knowledge base '" << o.base << "' in " << baseFolder(o).string() << ".\n";
    if (settings.embedding.profile.empty())
        std::cout << "It searches by keyword. For vector and hybrid search, give it an embeddings profile: "
                     "--embedding-profile dashscope (or zhipu, openai, ollama, ...).\n";
    return kExitOk;
}

int addToBase(const KbOptions &o)
{
    const auto folder = baseFolder(o);
    bool ok = true;
    auto embedding = embeddingFor(folder, o, ok);
    if (!ok)
        return kExitRunFailed;
    ProgressPrinter printer;
    const auto options = ingestOptions(o, embedding, printer);
    engine::IngestReport total;
    if (!o.paths.empty()) {
        std::vector<fs::path> paths(o.paths.begin(), o.paths.end());
        auto report = engine::KnowledgeIngest::addFiles(folder, paths, options);
        if (!report.ok())
            return printFailure(report.diagnostics());
        total = std::move(report.value());
    }
    if (!o.urls.empty() && !g_interrupted) {
        auto report = engine::KnowledgeIngest::addUrls(folder, o.urls, options);
        if (!report.ok())
            return printFailure(report.diagnostics());
        for (auto &item : report->items)
            total.items.push_back(std::move(item));
        total.indexed += report->indexed;
        total.unchanged += report->unchanged;
        total.failed += report->failed;
        total.chunks += report->chunks;
        total.embedded += report->embedded;
        total.cancelled = total.cancelled || report->cancelled;
        if (!report->embeddingError.empty())
            total.embeddingError = report->embeddingError;
    }
    if (o.paths.empty() && o.urls.empty()) {
        std::cerr << "error: name files, folders or --url addresses to add.\n";
        return kExitUsage;
    }
    return printReport(total, o.json);
}

int reindexBase(const KbOptions &o)
{
    const auto folder = baseFolder(o);
    bool ok = true;
    auto embedding = embeddingFor(folder, o, ok);
    if (!ok)
        return kExitRunFailed;
    ProgressPrinter printer;
    auto report = engine::KnowledgeIngest::reindex(folder, ingestOptions(o, embedding, printer), o.reembed);
    if (!report.ok())
        return printFailure(report.diagnostics());
    return printReport(report.value(), o.json);
}

int removeFromBase(const KbOptions &o)
{
    if (o.paths.empty()) {
        std::cerr << "error: name the documents to remove, as `flowdeck kb list " << o.base << "` shows them.\n";
        return kExitUsage;
    }
    int code = kExitOk;
    for (const auto &path : o.paths) {
        auto removed = engine::KnowledgeIngest::remove(baseFolder(o), path);
        if (!removed.ok())
            return printFailure(removed.diagnostics());
        if (removed.value()) {
            std::cout << "removed " << path << "\n";
        } else {
            std::cerr << "error: the base '" << o.base << "' has no document '" << path << "'.\n";
            code = kExitRunFailed;
        }
    }
    return code;
}

int listBases(const KbOptions &o)
{
    nlohmann::json list = nlohmann::json::array();
    std::error_code ec;
    std::vector<fs::path> folders;
    if (!o.base.empty())
        folders.push_back(baseFolder(o));
    else
        for (const auto &entry : fs::directory_iterator(o.folder, ec))
            if (entry.is_directory() && fs::exists(entry.path() / "kb.json"))
                folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto &folder : folders) {
        auto settings = engine::KnowledgeSettings::load(folder);
        if (!settings.ok())
            return printFailure(settings.diagnostics());
        auto store = engine::KnowledgeStore::open(folder, engine::KnowledgeStore::Mode::ReadOnly);
        if (!store.ok())
            return printFailure(store.diagnostics());
        auto stats = store.value()->stats();
        nlohmann::json j = {{"name", settings->name}, {"folder", folder.string()}, {"settings", settings->toJson()}};
        if (stats.ok())
            j["stats"] = stats->toJson();
        if (!o.base.empty()) {
            auto docs = store.value()->documents();
            nlohmann::json dl = nlohmann::json::array();
            if (docs.ok())
                for (const auto &d : docs.value()) {
                    nlohmann::json dj = {{"path", d.path}, {"type", d.type}, {"status", engine::toString(d.status)},
                                         {"chunks", d.chunkCount}, {"bytes", d.size}};
                    if (!d.reason.empty())
                        dj["reason"] = d.reason;
                    if (!d.tags.empty())
                        dj["tags"] = d.tags;
                    if (!d.warnings.empty())
                        dj["warnings"] = d.warnings;
                    dl.push_back(dj);
                }
            j["documents"] = dl;
        }
        list.push_back(j);
    }
    if (o.json) {
        std::cout << (o.base.empty() ? list : list[0]).dump(2) << "\n";
        return kExitOk;
    }
    if (list.empty()) {
        std::cout << "No knowledge bases in " << o.folder << ". Create one with `flowdeck kb create NAME`.\n";
        return kExitOk;
    }
    for (const auto &b : list) {
        const auto &s = b.value("stats", nlohmann::json::object());
        std::cout << b["name"].get<std::string>() << ": " << s.value("documents", 0) << " documents ("
                  << s.value("failed", 0) << " failed), " << s.value("chunks", 0) << " passages, " << s.value("vectors", 0)
                  << " vectors";
        const std::string profile = b["settings"]["embedding"].value("profile", "");
        std::cout << (profile.empty() ? "; keyword search only" : "; embeddings from profile '" + profile + "'") << "\n";
        if (b.contains("documents"))
            for (const auto &d : b["documents"]) {
                std::cout << "  " << std::left << std::setw(9) << d["status"].get<std::string>() << d["path"].get<std::string>()
                          << " (" << d["type"].get<std::string>() << ", " << d["chunks"].get<int>() << " passages)";
                if (d.contains("reason"))
                    std::cout << "\n           " << d["reason"].get<std::string>();
                std::cout << "\n";
            }
    }
    return kExitOk;
}

} // namespace

void addKbCommand(CLI::App &app, std::function<int()> &action)
{
    auto o = std::make_shared<KbOptions>();
    CLI::App *kb = app.add_subcommand("kb", "Knowledge bases: create, add documents, list, remove, search, test, reindex.");
    kb->require_subcommand(1);
    kb->fallthrough();  // --in, --profiles and --json may also follow the subcommand
    kb->add_option("--in", o->folder, "The folder holding the bases (a project's knowledge folder)")->capture_default_str();
    kb->add_option("--profiles", o->profilesFile, "A profiles.json to use instead of the config folder's");
    kb->add_flag("--json", o->json, "Print as JSON");
    auto run = [&action, o](int (*fn)(const KbOptions &)) {
        return [&action, o, fn] {
            action = [o, fn] {
                g_interrupted = false;
                std::signal(SIGINT, onInterrupt);
                std::signal(SIGTERM, onInterrupt);
                return fn(*o);
            };
        };
    };

    CLI::App *create = kb->add_subcommand("create", "Create a knowledge base");
    create->add_option("name", o->base, "Its name (a folder name)")->required();
    create->add_option("--title", o->title, "A title shown to people");
    create->add_option("--chunking", o->chunking, "How passages are cut: heading (default), size or parent-child");
    create->add_option("--chunk-size", o->chunkSize, "The longest passage, in characters (default 800)");
    create->add_option("--overlap", o->overlap, "Characters repeated between passages (default 100)");
    create->add_option("--embedding-profile", o->embeddingProfile, "The provider profile that embeds passages (none: keyword search only)");
    create->add_option("--embedding-model", o->embeddingModel, "The embeddings model (default: the profile's)");
    create->callback(run(createBase));

    CLI::App *add = kb->add_subcommand("add", "Add files, folders or web pages to a base (changed ones are read again)");
    add->add_option("name", o->base, "The base")->required();
    add->add_option("paths", o->paths, "Files or folders");
    add->add_option("--url", o->urls, "A web page to add (repeatable)");
    add->add_option("--tag", o->tags, "A tag for the added documents (repeatable), for search filters");
    add->add_flag("--force", o->force, "Read unchanged files again");
    add->callback(run(addToBase));

    CLI::App *list = kb->add_subcommand("list", "List the bases, or one base's documents with their status");
    list->add_option("name", o->base, "A base");
    list->callback(run(listBases));

    CLI::App *remove = kb->add_subcommand("remove", "Remove documents from a base");
    remove->add_option("name", o->base, "The base")->required();
    remove->add_option("documents", o->paths, "Documents, as `kb list NAME` shows them")->required();
    remove->callback(run(removeFromBase));

    CLI::App *reindex = kb->add_subcommand("reindex", "Read every document again (after a change of chunking)");
    reindex->add_option("name", o->base, "The base")->required();
    reindex->add_flag("--reembed", o->reembed, "Also make every vector again (after a change of embeddings model)");
    reindex->callback(run(reindexBase));

    addKbSearchCommands(*kb, action, o);
}

} // namespace flowdeck::runtime
