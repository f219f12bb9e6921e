#include "engine/templates/templateknowledge.h"

#include "engine/core/jsonaccess.h"
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/model/embeddingcapabilities.h"
#include "engine/model/providerprofile.h"
#include "engine/templates/templatechecks.h"
#include "engine/workflow/workflow.h"

#include <algorithm>
#include <set>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

std::string textIn(const nlohmann::json &bilingual, const char *language)
{
    return valueOr(bilingual, language, std::string());
}

// kb.json holds one title; a template's base is shown in both languages, so both go in.
std::string bothLanguages(const nlohmann::json &bilingual, const char *separator)
{
    const std::string en = textIn(bilingual, "en"), zh = textIn(bilingual, "zh");
    if (en.empty() || zh.empty() || en == zh)
        return en.empty() ? zh : en;
    return en + separator + zh;
}

bool hasAFile(const fs::path &documents)
{
    std::error_code ec;
    if (fs::is_regular_file(documents, ec))
        return true;
    for (auto it = fs::recursive_directory_iterator(documents, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && it->path().filename().string().rfind('.', 0) != 0)
            return true;
    return false;
}

// The folder's entries, sorted, so that a document is stored as "manual.md" and not
// "manuals/manual.md" (citations show this path); sub-folders keep their own name.
std::vector<fs::path> sourcesIn(const fs::path &documents)
{
    std::error_code ec;
    if (!fs::is_directory(documents, ec))
        return {documents};
    std::vector<fs::path> out;
    for (const auto &entry : fs::directory_iterator(documents, ec))
        if (entry.path().filename().string().rfind('.', 0) != 0)
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

std::vector<TemplateKnowledgeBase> readTemplateKnowledge(const nlohmann::json &meta, const fs::path &dir,
                                                         const Workflow *workflow, const std::string &where,
                                                         Diagnostics &problems)
{
    std::vector<TemplateKnowledgeBase> out;
    auto bad = [&](const std::string &field, const std::string &message) {
        problems.push_back(templateProblem(where, field, message));
    };
    const auto listed = meta.find("knowledge");
    if (listed != meta.end() && !listed->is_array()) {
        bad("knowledge", "\"knowledge\" must be a list of knowledge bases, each {\"name\", \"title\", \"documents\"}.");
        return out;
    }
    std::set<std::string> declared;
    for (std::size_t i = 0; listed != meta.end() && i < listed->size(); ++i) {
        const nlohmann::json &entry = (*listed)[i];
        const std::string field = "knowledge[" + std::to_string(i) + "]";
        const std::string name = valueOr(entry, "name", std::string());
        if (!entry.is_object() || !validKnowledgeBaseName(name)) {
            bad(field + ".name", "each knowledge base needs a \"name\" that can name a folder (letters, digits, '-', '_').");
            continue;
        }
        if (!declared.insert(name).second)
            bad(field + ".name", "the knowledge base '" + name + "' is declared twice.");
        if (!isBilingual(valueOr(entry, "title", nlohmann::json())))
            bad(field + ".title", "the knowledge base '" + name + "' needs a \"title\" with non-empty \"en\" and \"zh\" texts.");
        const nlohmann::json description = valueOr(entry, "description", nlohmann::json());
        if (!description.is_null() && !isBilingual(description))
            bad(field + ".description", "the description of the knowledge base '" + name + "' needs \"en\" and \"zh\" texts.");
        const std::string documents = valueOr(entry, "documents", std::string());
        if (!isInsidePath(documents) || !hasAFile(dir / documents)) {
            bad(field + ".documents", "the sample documents of the knowledge base '" + name + "' (\"" + documents +
                                          "\") are not a folder with files, or a file, in the template's folder.");
            continue;
        }
        nlohmann::json kb = {{"name", name}, {"title", bothLanguages(valueOr(entry, "title", nlohmann::json()), " · ")}};
        if (isBilingual(description))
            kb["description"] = bothLanguages(description, "\n");
        for (const char *part : {"chunking", "cleaning"})
            if (entry.contains(part))
                kb[part] = entry[part];
        auto settings = KnowledgeSettings::fromJson(kb);
        if (!settings.ok()) {
            for (const auto &d : settings.diagnostics())
                bad(field, "the knowledge base '" + name + "': " + d.message);
            continue;
        }
        TemplateKnowledgeBase base;
        base.settings = std::move(settings.value());
        base.documents = (dir / documents).lexically_normal();
        const nlohmann::json tags = valueOr(entry, "tags", nlohmann::json::array());
        for (const auto &tag : tags.is_array() ? tags : nlohmann::json::array())
            if (tag.is_string() && !tag.get<std::string>().empty())
                base.tags.push_back(tag.get<std::string>());
        out.push_back(std::move(base));
    }
    if (workflow) {
        const auto used = knowledgeBasesUsed(*workflow);
        for (const auto &name : used)
            if (!declared.count(name))
                bad("knowledge", "the workflow searches the knowledge base '" + name + "', which the template does not "
                                 "declare under \"knowledge\" with its sample documents.");
        for (const auto &name : declared)
            if (std::find(used.begin(), used.end(), name) == used.end())
                bad("knowledge", "the knowledge base '" + name + "' is declared but no knowledge node searches it.");
    }
    return out;
}

bool embedsOffline(const ProviderProfile &profile)
{
    return profile.baseUrl.rfind("demo:", 0) == 0;
}

EmbeddingSettings templateEmbeddingFor(const ProviderProfile *profile)
{
    EmbeddingSettings e;
    if (!profile)
        return e;
    if (embedsOffline(*profile)) {
        e.profile = profile->name;
        return e;
    }
    const std::string model = profile->modelFor("embeddings");
    if (model.empty() || !embeddingCapabilities(*profile, model).available)
        return e;
    e.profile = profile->name;
    e.model = model;
    return e;
}

Result<bool> createTemplateKnowledge(const std::vector<TemplateKnowledgeBase> &bases, const fs::path &knowledgeFolder,
                                     const ProviderProfile *bindTo)
{
    auto fail = [](const std::string &message) {
        Diagnostic d;
        d.code = "template-knowledge";
        d.message = message;
        return Result<bool>::failure(d);
    };
    for (const auto &base : bases) {
        KnowledgeSettings settings = base.settings;
        settings.embedding = templateEmbeddingFor(bindTo);
        const fs::path folder = knowledgeFolder / settings.name;
        auto created = KnowledgeIngest::create(folder, settings);
        if (!created.ok())
            return Result<bool>(created.diagnostics());
        IngestOptions options;
        options.tags = base.tags;
        if (bindTo && embedsOffline(*bindTo))
            options.embedding = EmbeddingTarget{*bindTo, {}, {}, 0};
        auto report = KnowledgeIngest::addFiles(folder, sourcesIn(base.documents), options);
        if (!report.ok())
            return Result<bool>(report.diagnostics());
        for (const auto &item : report->items)
            if (item.outcome == IngestItem::Outcome::Failed)
                return fail("the sample document " + item.path + " of the knowledge base '" + settings.name +
                            "' could not be read: " + item.reason);
        if (!report->embeddingError.empty())
            return fail("the knowledge base '" + settings.name + "' could not be embedded: " + report->embeddingError);
    }
    return Result<bool>(true);
}

} // namespace flowdeck::engine
