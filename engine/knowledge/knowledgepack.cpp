#include "engine/knowledge/knowledgepack.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/secretstore.h"
#include "engine/knowledge/knowledgesettings.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/model/providerprofile.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <set>

namespace flowdeck::engine {

namespace {

Diagnostic packProblem(const std::string &field, const std::string &message)
{
    Diagnostic d;
    d.code = "knowledge-pack";
    d.field = field;
    d.message = message;
    return d;
}

} // namespace

std::filesystem::path knowledgeFolderFor(const std::filesystem::path &workflowFile)
{
    return workflowFile.parent_path() / "knowledge";
}

std::vector<std::string> knowledgeBasesUsed(const Workflow &workflow)
{
    std::set<std::string> names;
    for (const auto &node : workflow.nodes) {
        if (node.type != "knowledge" || node.disabled)
            continue;
        auto bases = node.config.find("bases");
        if (bases == node.config.end() || !bases->is_array())
            continue;
        for (const auto &b : *bases)
            if (b.is_string() && !b.get<std::string>().empty())
                names.insert(b.get<std::string>());
    }
    return {names.begin(), names.end()};
}

Diagnostics missingKnowledgeBases(const Workflow &workflow, const std::filesystem::path &knowledgeFolder)
{
    Diagnostics out;
    for (const auto &node : workflow.nodes) {
        if (node.type != "knowledge")
            continue;
        auto bases = node.config.find("bases");
        if (bases == node.config.end() || !bases->is_array())
            continue;
        for (std::size_t i = 0; i < bases->size(); ++i) {
            const auto &b = (*bases)[i];
            if (!b.is_string())
                continue;
            const std::string name = b.get<std::string>();
            std::error_code ec;
            if (validKnowledgeBaseName(name) && std::filesystem::exists(knowledgeFolder / name / "kb.json", ec))
                continue;
            Diagnostic d;
            d.severity = Diagnostic::Severity::Warning;
            d.code = "knowledge-base-missing";
            d.nodeId = node.id;
            d.field = "config.bases[" + std::to_string(i) + "]";
            d.message = validKnowledgeBaseName(name)
                            ? "There is no knowledge base '" + name + "' in " + knowledgeFolder.string() +
                                  " yet; runs fail until it is created (Knowledge panel, or `flowdeck kb create " + name + "`)."
                            : "'" + name + "' cannot name a knowledge base: use letters, digits, '-', '_' or '.'.";
            out.push_back(std::move(d));
        }
    }
    return out;
}

bool validKnowledgeBaseName(const std::string &name)
{
    if (name.empty() || name.size() > 64 || name[0] == '.' || name[0] == '-')
        return false;
    for (unsigned char c : name)
        if (!(c >= 0x80 || std::isalnum(c) || c == '-' || c == '_' || c == '.'))
            return false;
    return name != "." && name != "..";
}

std::string knowledgeDatabaseProblem(const std::filesystem::path &database)
{
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(database.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(handle, sqlite3_close);
    if (rc != SQLITE_OK)
        return "it cannot be opened as a database";
    auto single = [&](const char *sql, std::string &out) {
        sqlite3_stmt *stmt = nullptr;
        bool ok = sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW;
        if (ok) {
            const unsigned char *text = sqlite3_column_text(stmt, 0);
            out = text ? reinterpret_cast<const char *>(text) : "";
        }
        sqlite3_finalize(stmt);
        return ok;
    };
    std::string value;
    if (!single("PRAGMA quick_check", value) || value != "ok")
        return "the database is damaged";
    if (!single("SELECT count(*) FROM sqlite_master WHERE name IN ('documents', 'chunks', 'chunks_fts')", value) || value != "3")
        return "it is an SQLite database but not a Flowdeck knowledge base";
    if (!single("PRAGMA user_version", value) || value != std::to_string(KnowledgeStore::kSchemaVersion))
        return "it was written by another version of Flowdeck";
    return {};
}

std::string fileSha256Hex(const std::filesystem::path &path, std::string &error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path.string() + "'";
        return {};
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0)
            EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

Result<PackedKnowledgeBase> packKnowledgeBase(const std::filesystem::path &baseFolder, const std::filesystem::path &outFolder)
{
    using R = Result<PackedKnowledgeBase>;
    const std::string name = baseFolder.filename().string();
    auto settings = KnowledgeSettings::load(baseFolder);
    if (!settings.ok())
        return R(settings.diagnostics());
    const auto db = baseFolder / "knowledge.db";
    std::error_code ec;
    if (!std::filesystem::exists(db, ec))
        return R::failure(packProblem("knowledge." + name, "The knowledge base '" + name + "' has no documents yet. Add "
                                                           "documents to it (Knowledge panel, or `flowdeck kb add`) before deploying."));
    std::filesystem::create_directories(outFolder, ec);
    PackedKnowledgeBase packed;
    packed.name = name;
    packed.file = outFolder / (name + ".knowledge.db");
    std::filesystem::remove(packed.file, ec);
    sqlite3 *handle = nullptr;
    int rc = sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(handle, sqlite3_close);
    std::string why;
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(handle, 5000);
        sqlite3_stmt *stmt = nullptr;
        rc = sqlite3_prepare_v2(handle, "VACUUM INTO ?1", -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            const std::string target = packed.file.string();
            sqlite3_bind_text(stmt, 1, target.c_str(), -1, SQLITE_TRANSIENT);
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        sqlite3_finalize(stmt);
    }
    if (rc != SQLITE_OK)
        return R::failure(packProblem("knowledge." + name, "The knowledge base '" + name + "' could not be packed for the deploy: " +
                                                               std::string(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)) + "."));
    packed.sha256 = fileSha256Hex(packed.file, why);
    if (packed.sha256.empty())
        return R::failure(packProblem("knowledge." + name, "The packed knowledge base '" + name + "': " + why + "."));
    packed.bytes = std::filesystem::file_size(packed.file, ec);
    packed.settings = settings->toJson();
    packed.settings["name"] = name;
    return packed;
}

Result<std::vector<PackedKnowledgeBase>> packKnowledgeForWorkflow(const Workflow &workflow,
                                                                  const std::filesystem::path &knowledgeFolder,
                                                                  const std::filesystem::path &outFolder)
{
    std::vector<PackedKnowledgeBase> out;
    Diagnostics problems;
    for (const auto &name : knowledgeBasesUsed(workflow)) {
        if (!validKnowledgeBaseName(name)) {
            problems.push_back(packProblem("knowledge." + name, "'" + name + "' cannot name a knowledge base."));
            continue;
        }
        auto packed = packKnowledgeBase(knowledgeFolder / name, outFolder);
        if (packed.ok())
            out.push_back(std::move(packed.value()));
        else
            for (auto &d : packed.diagnostics())
                problems.push_back(std::move(d));
    }
    if (!problems.empty())
        return Result<std::vector<PackedKnowledgeBase>>(std::move(problems));
    return out;
}

Diagnostics addKnowledgeToBundle(nlohmann::json &bundle, const std::vector<PackedKnowledgeBase> &bases,
                                 const ProfileStore &profiles, const SecretStore &secrets)
{
    Diagnostics problems;
    if (bases.empty())
        return problems;
    auto &knowledge = bundle["knowledge"];
    knowledge = nlohmann::json::object();
    for (const auto &base : bases) {
        knowledge[base.name] = {{"sha256", base.sha256}, {"bytes", base.bytes}, {"settings", base.settings}};
        const std::string profileName = valueOr(base.settings.value("embedding", nlohmann::json::object()), "profile", "");
        if (profileName.empty())
            continue;
        const ProviderProfile *p = profiles.find(profileName);
        if (!p) {
            problems.push_back(packProblem("knowledge." + base.name, "The knowledge base '" + base.name + "' embeds with the profile '" +
                                                                         profileName + "', which is not set up here."));
            continue;
        }
        bundle["profiles"][profileName] = p->toJson();
        if (p->needsKey && !p->apiKeySecret.empty() && !bundle["secrets"].contains(p->apiKeySecret)) {
            if (auto value = secrets.get(p->apiKeySecret))
                bundle["secrets"][p->apiKeySecret] = *value;
            else
                problems.push_back(packProblem("secrets." + p->apiKeySecret,
                                               "The knowledge base '" + base.name + "' needs the secret " + p->apiKeySecret +
                                                   " (the API key of profile '" + profileName + "') to embed questions; set it before deploying."));
        }
    }
    return problems;
}

} // namespace flowdeck::engine
