#include "engine/templates/solutiontemplate.h"
#include "engine/core/jsonread.h"

#include "engine/core/atomicfile.h"
#include "engine/core/installpaths.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/modelbinding.h"
#include "engine/templates/templatechecks.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <regex>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kCategories = {"data", "service", "office", "content",
                                              "education", "travel", "research", "personal"};

bool isStringList(const nlohmann::json &v)
{
    return v.is_array() && std::all_of(v.begin(), v.end(), [](const nlohmann::json &s) { return s.is_string(); });
}

void checkMeta(const nlohmann::json &meta, const fs::path &dir, Diagnostics &out)
{
    const std::string where = "template " + dir.filename().string();
    auto bad = [&](const std::string &field, const std::string &message) { out.push_back(templateProblem(where, field, message)); };
    if (meta.value("format", "") != kTemplateFormatName)
        bad("format", std::string("\"format\" must be \"") + kTemplateFormatName + "\".");
    if (!meta.contains("formatVersion") || !meta["formatVersion"].is_number_integer())
        bad("formatVersion", "\"formatVersion\" must be a whole number.");
    else if (meta["formatVersion"].get<int>() > kTemplateFormatVersion)
        bad("formatVersion", "the template was made by a newer Flowdeck (format version " +
                                 std::to_string(meta["formatVersion"].get<int>()) + "); update Flowdeck to use it.");
    if (meta.value("id", "") != dir.filename().string())
        bad("id", "\"id\" must be the folder's name, \"" + dir.filename().string() + "\".");
    else if (!std::regex_match(meta.value("id", ""), std::regex("[a-z0-9][a-z0-9-]*")))
        bad("id", "\"id\" may hold only lower-case letters, digits and '-'.");
    for (const char *field : {"title", "summary"})
        if (!isBilingual(meta.value(field, nlohmann::json())))
            bad(field, std::string("\"") + field + "\" needs non-empty \"en\" and \"zh\" texts.");
    const std::string category = meta.value("category", "");
    if (std::find(kCategories.begin(), kCategories.end(), category) == kCategories.end())
        bad("category", "\"category\" must be one of data, service, office, content, education, travel, research, personal.");
    if (!meta.contains("icon") || !meta["icon"].is_string() || meta["icon"].get<std::string>().empty())
        bad("icon", "\"icon\" must be a short text (an emoji).");
    const nlohmann::json tags = meta.value("tags", nlohmann::json());
    if (!tags.is_object() || !isStringList(tags.value("en", nlohmann::json(0))) ||
        !isStringList(tags.value("zh", nlohmann::json(0))))
        bad("tags", "\"tags\" needs \"en\" and \"zh\" lists of words.");
    const nlohmann::json needs = meta.value("needs", nlohmann::json());
    if (!needs.is_object() || !needs.value("model", nlohmann::json()).is_boolean() ||
        !isStringList(needs.value("plugins", nlohmann::json(0))) || !isStringList(needs.value("secrets", nlohmann::json(0))))
        bad("needs", "\"needs\" must say {\"model\": true|false, \"plugins\": [...], \"secrets\": [...]}.");
    const nlohmann::json files = meta.value("files", nlohmann::json::array());
    if (!isStringList(files)) {
        bad("files", "\"files\" must be a list of file names in the template's folder.");
    } else {
        for (const auto &f : files) {
            std::error_code ec;
            const std::string name = f.get<std::string>();
            if (!isInsidePath(name) || !fs::is_regular_file(dir / name, ec))
                bad("files", "the file \"" + name + "\" is not in the template's folder.");
        }
    }
    if (meta.contains("sample") && !meta["sample"].is_object())
        bad("sample", "\"sample\" must be an object with \"query\" and/or \"inputs\".");
    else if (meta.contains("sample") && meta["sample"].contains("query") && !isBilingual(meta["sample"]["query"]))
        bad("sample.query", "\"sample.query\" needs non-empty \"en\" and \"zh\" texts.");
}

void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

std::string SolutionTemplate::text(const std::string &field, const std::string &language) const
{
    const nlohmann::json v = meta.value(field, nlohmann::json::object());
    if (v.is_object() && v.contains(language) && v[language].is_string())
        return v[language].get<std::string>();
    return v.is_object() ? v.value("en", "") : "";
}

namespace {

Result<SolutionTemplate> loadChecked(const fs::path &dir, const NodeRegistry &registry)
{
    const std::string where = "template " + dir.filename().string();
    auto text = readWholeFile(dir / "template.json");
    if (!text)
        return Result<SolutionTemplate>::failure(templateProblem(where, "template.json", "template.json cannot be read."));
    auto doc = engine::parseJson(*text);
    if (doc.is_discarded() || !doc.is_object())
        return Result<SolutionTemplate>::failure(templateProblem(where, "template.json", "template.json is not a JSON object."));
    SolutionTemplate t;
    t.id = doc.value("id", "");
    t.dir = dir;
    if (!doc.contains("workflow") || !doc["workflow"].is_object())
        return Result<SolutionTemplate>::failure(templateProblem(where, "workflow", "\"workflow\" must hold the workflow document."));
    t.workflow = doc["workflow"];
    doc.erase("workflow");
    t.meta = std::move(doc);

    Diagnostics problems;
    checkMeta(t.meta, dir, problems);
    if (auto readme = readWholeFile(dir / "README.md"); readme && !readme->empty())
        t.readme = *readme;
    else
        problems.push_back(templateProblem(where, "README.md", "README.md is missing or empty."));
    if (auto readmeZh = readWholeFile(dir / "README.zh.md"))
        t.readmeZh = *readmeZh;

    // A template says what kind of model it needs; the project picks the provider.
    const nlohmann::json declared = t.workflow.value("models", nlohmann::json::object());
    for (const auto &[alias, entry] : declared.items())
        if (!entry.is_object() || !entry.contains("kind") || entry.contains("profile") || entry.contains("model"))
            problems.push_back(templateProblem(where, "workflow.models." + alias,
                                       "the model '" + alias + "' must declare only its kind, e.g. {\"kind\": \"chat\"} "
                                       "(chat, reasoning, tools or embeddings), and no provider or model name."));
    auto workflow = parseWorkflow(t.workflow.dump());
    if (!workflow) {
        for (auto d : workflow.diagnostics()) {
            d.message = where + ", workflow: " + d.message;
            problems.push_back(std::move(d));
        }
    } else {
        for (auto d : validateWorkflow(workflow.value(), registry)) {
            if (!d.isError())
                continue;
            d.message = where + ", workflow: " + d.message;
            problems.push_back(std::move(d));
        }
    }
    t.knowledge = readTemplateKnowledge(t.meta, dir, workflow ? &workflow.value() : nullptr, where, problems);
    if (hasErrors(problems))
        return Result<SolutionTemplate>(std::move(problems));
    return Result<SolutionTemplate>(std::move(t));
}

} // namespace

Result<SolutionTemplate> loadSolutionTemplate(const fs::path &dir, const NodeRegistry &registry)
{
    try {
        return loadChecked(dir, registry);
    } catch (const nlohmann::json::exception &e) {  // a field of the wrong JSON type somewhere
        return Result<SolutionTemplate>::failure(
            templateProblem("template " + dir.filename().string(), "template.json", std::string("a field has the wrong type: ") + e.what()));
    }
}

const SolutionTemplate *TemplateLibrary::find(const std::string &id) const
{
    for (const auto &t : templates)
        if (t.id == id)
            return &t;
    return nullptr;
}

TemplateLibrary loadTemplateLibrary(const fs::path &dir, const NodeRegistry &registry)
{
    TemplateLibrary library;
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (const auto &entry : fs::directory_iterator(dir, ec))
        if (entry.is_directory() && fs::exists(entry.path() / "template.json"))
            dirs.push_back(entry.path());
    if (ec)
        library.problems.push_back(templateProblem("templates", dir.string(), "the folder cannot be read: " + ec.message()));
    std::sort(dirs.begin(), dirs.end());
    for (const auto &d : dirs) {
        auto t = loadSolutionTemplate(d, registry);
        if (t)
            library.templates.push_back(std::move(t.value()));
        else
            library.problems.insert(library.problems.end(), t.diagnostics().begin(), t.diagnostics().end());
    }
    auto rank = [](const SolutionTemplate &t) {
        const auto at = std::find(kCategories.begin(), kCategories.end(), t.meta.value("category", ""));
        return at - kCategories.begin();
    };
    std::stable_sort(library.templates.begin(), library.templates.end(),
                     [&](const SolutionTemplate &a, const SolutionTemplate &b) { return rank(a) < rank(b); });
    return library;
}

fs::path defaultTemplatesDirectory()
{
    return resourceDir(Resource::Templates);
}

nlohmann::json withProjectDir(const nlohmann::json &value, const std::string &projectDir)
{
    if (value.is_string()) {
        std::string s = value.get<std::string>();
        replaceAll(s, kProjectDirToken, projectDir);
        return s;
    }
    if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[it.key()] = withProjectDir(it.value(), projectDir);
        return out;
    }
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &v : value)
            out.push_back(withProjectDir(v, projectDir));
        return out;
    }
    return value;
}

fs::path freeProjectDirectory(const fs::path &base, const std::string &name)
{
    std::error_code ec;
    fs::path candidate = base / name;
    for (int n = 2; fs::exists(candidate, ec); ++n)
        candidate = base / (name + "-" + std::to_string(n));
    return candidate;
}

Result<fs::path> instantiateTemplate(const SolutionTemplate &tmpl, const fs::path &projectDirIn,
                                     const ProviderProfile *bindTo)
{
    std::error_code ec;
    fs::path projectDir = fs::absolute(projectDirIn, ec).lexically_normal();
    if (!projectDir.has_filename())  // "myproject/" or "."
        projectDir = projectDir.parent_path();
    auto fail = [&](const std::string &message) {
        return Result<fs::path>::failure(templateProblem("template " + tmpl.id, projectDir.string(), message));
    };
    if (fs::exists(projectDir, ec) && !(fs::is_directory(projectDir, ec) && fs::is_empty(projectDir, ec)))
        return fail("the folder " + projectDir.string() + " already exists and is not empty; choose another folder.");
    const fs::path parent = projectDir.parent_path();
    fs::create_directories(parent, ec);
    if (ec)
        return fail("the folder " + parent.string() + " cannot be created: " + ec.message() + ".");

    std::random_device random;
    const fs::path staging = parent / ("." + projectDir.filename().string() + ".new-" + std::to_string(random() % 1000000));
    auto cleanup = [&] {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
    };
    fs::create_directory(staging, ec);
    if (ec)
        return fail("the folder " + staging.string() + " cannot be created: " + ec.message() + ".");

    const std::string dirText = projectDir.string();
    const std::string flowName = tmpl.id + ".flow.json";
    auto workflow = parseWorkflow(withProjectDir(tmpl.workflow, dirText).dump());
    if (!workflow) {
        cleanup();
        return fail("its workflow does not load: " + workflow.diagnostics().front().toString());
    }
    if (bindTo)
        bindModels(workflow.value(), *bindTo);
    std::vector<std::pair<fs::path, fs::path>> copies = {{tmpl.dir / "README.md", "README.md"}};
    if (!tmpl.readmeZh.empty())
        copies.push_back({tmpl.dir / "README.zh.md", "README.zh.md"});
    for (const auto &f : tmpl.meta.value("files", nlohmann::json::array()))
        copies.push_back({tmpl.dir / f.get<std::string>(), f.get<std::string>()});
    for (const auto &[from, to] : copies) {
        fs::create_directories((staging / to).parent_path(), ec);
        if (!ec)
            fs::copy_file(from, staging / to, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            cleanup();
            return fail("the file " + from.string() + " cannot be copied: " + ec.message() + ".");
        }
    }
    if (auto saved = saveWorkflowFile(staging / flowName, workflow.value()); !saved) {
        cleanup();
        return fail("the workflow cannot be written: " + saved.diagnostics().front().message);
    }
    if (auto made = createTemplateKnowledge(tmpl.knowledge, knowledgeFolderFor(staging / flowName), bindTo); !made) {
        cleanup();
        return fail("its knowledge cannot be made: " + made.diagnostics().front().message);
    }
    if (fs::exists(projectDir, ec))
        fs::remove(projectDir, ec);  // empty (checked above)
    fs::rename(staging, projectDir, ec);
    if (ec) {
        cleanup();
        return fail("the project folder cannot be created: " + ec.message() + ".");
    }
    return Result<fs::path>(projectDir / flowName);
}

} // namespace flowdeck::engine
