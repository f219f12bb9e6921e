#include "engine/knowledge/knowledgesettings.h"

#include "engine/core/atomicfile.h"
#include "engine/core/jsonread.h"

namespace flowdeck::engine {

namespace {

constexpr int kFormatVersion = 1;

Diagnostic settingsError(const std::string &field, const std::string &message)
{
    Diagnostic d;
    d.code = "kb-settings";
    d.field = field;
    d.message = "kb.json, " + field + ": " + message;
    return d;
}

// Reads an optional field of a JSON object; a present field of another type is an error.
template <typename T>
bool readField(const nlohmann::json &obj, const char *key, const std::string &path, T &out, Diagnostics &errors)
{
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return true;
    bool ok = false;
    if constexpr (std::is_same_v<T, bool>)
        ok = it->is_boolean();
    else if constexpr (std::is_same_v<T, int>)
        ok = it->is_number_integer() && it->template get<long long>() >= 0 && it->template get<long long>() <= 1000000;
    else if constexpr (std::is_same_v<T, std::string>)
        ok = it->is_string();
    if (!ok) {
        errors.push_back(settingsError(path + key, std::is_same_v<T, bool> ? "must be true or false."
                                                   : std::is_same_v<T, int> ? "must be a whole number from 0 to 1000000."
                                                                            : "must be text."));
        return false;
    }
    out = it->template get<T>();
    return true;
}

const nlohmann::json &objectField(const nlohmann::json &j, const char *key)
{
    static const nlohmann::json empty = nlohmann::json::object();
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? *it : empty;
}

} // namespace

const char *chunkingModeName(ChunkingSettings::Mode mode)
{
    switch (mode) {
    case ChunkingSettings::Mode::Size: return "size";
    case ChunkingSettings::Mode::Heading: return "heading";
    case ChunkingSettings::Mode::ParentChild: return "parent-child";
    }
    return "heading";
}

nlohmann::json KnowledgeSettings::toJson() const
{
    nlohmann::json j;
    j["formatVersion"] = kFormatVersion;
    j["name"] = name;
    if (!title.empty())
        j["title"] = title;
    if (!description.empty())
        j["description"] = description;
    j["chunking"] = {{"mode", chunkingModeName(chunking.mode)}, {"size", chunking.size},
                     {"overlap", chunking.overlap}, {"separators", chunking.separators},
                     {"parentSize", chunking.parentSize}, {"childSize", chunking.childSize},
                     {"rowsPerChunk", chunking.rowsPerChunk}};
    j["cleaning"] = {{"collapseWhitespace", cleaning.collapseWhitespace}, {"removeUrls", cleaning.removeUrls},
                     {"removeEmails", cleaning.removeEmails}};
    j["embedding"] = {{"profile", embedding.profile}, {"model", embedding.model}, {"dimensions", embedding.dimensions}};
    j["ocr"] = {{"enabled", ocr}, {"languages", ocrLanguages}};
    return j;
}

Result<KnowledgeSettings> KnowledgeSettings::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return Result<KnowledgeSettings>::failure(settingsError("(document)", "must be a JSON object."));
    Diagnostics errors;
    KnowledgeSettings s;
    if (auto it = j.find("formatVersion"); it != j.end() && (!it->is_number_integer() || it->get<long long>() > kFormatVersion))
        errors.push_back(settingsError("formatVersion", "this base was written by a newer Flowdeck; update Flowdeck to open it."));
    readField(j, "name", "", s.name, errors);
    readField(j, "title", "", s.title, errors);
    readField(j, "description", "", s.description, errors);

    const auto &c = objectField(j, "chunking");
    std::string mode = chunkingModeName(s.chunking.mode);
    if (readField(c, "mode", "chunking.", mode, errors)) {
        if (mode == "size")
            s.chunking.mode = ChunkingSettings::Mode::Size;
        else if (mode == "heading")
            s.chunking.mode = ChunkingSettings::Mode::Heading;
        else if (mode == "parent-child")
            s.chunking.mode = ChunkingSettings::Mode::ParentChild;
        else
            errors.push_back(settingsError("chunking.mode", "must be \"size\", \"heading\" or \"parent-child\", not \"" + mode + "\"."));
    }
    readField(c, "size", "chunking.", s.chunking.size, errors);
    readField(c, "overlap", "chunking.", s.chunking.overlap, errors);
    readField(c, "parentSize", "chunking.", s.chunking.parentSize, errors);
    readField(c, "childSize", "chunking.", s.chunking.childSize, errors);
    readField(c, "rowsPerChunk", "chunking.", s.chunking.rowsPerChunk, errors);
    if (auto it = c.find("separators"); it != c.end() && it->is_array()) {
        std::vector<std::string> seps;
        for (const auto &sep : *it)
            if (sep.is_string() && !sep.get<std::string>().empty())
                seps.push_back(sep.get<std::string>());
        s.chunking.separators = seps;
    }
    if (s.chunking.size < 50)
        errors.push_back(settingsError("chunking.size", "must be at least 50 characters."));
    if (s.chunking.overlap >= s.chunking.size)
        errors.push_back(settingsError("chunking.overlap", "must be smaller than chunking.size."));
    if (s.chunking.childSize < 20 || s.chunking.childSize >= s.chunking.parentSize)
        errors.push_back(settingsError("chunking.childSize", "must be at least 20 and smaller than chunking.parentSize."));
    if (s.chunking.rowsPerChunk < 1)
        errors.push_back(settingsError("chunking.rowsPerChunk", "must be at least 1."));

    const auto &cl = objectField(j, "cleaning");
    readField(cl, "collapseWhitespace", "cleaning.", s.cleaning.collapseWhitespace, errors);
    readField(cl, "removeUrls", "cleaning.", s.cleaning.removeUrls, errors);
    readField(cl, "removeEmails", "cleaning.", s.cleaning.removeEmails, errors);

    const auto &e = objectField(j, "embedding");
    readField(e, "profile", "embedding.", s.embedding.profile, errors);
    readField(e, "model", "embedding.", s.embedding.model, errors);
    readField(e, "dimensions", "embedding.", s.embedding.dimensions, errors);

    const auto &o = objectField(j, "ocr");
    readField(o, "enabled", "ocr.", s.ocr, errors);
    readField(o, "languages", "ocr.", s.ocrLanguages, errors);
    if (!errors.empty())
        return Result<KnowledgeSettings>(std::move(errors));
    return s;
}

Result<KnowledgeSettings> KnowledgeSettings::load(const std::filesystem::path &baseFolder)
{
    const auto path = baseFolder / "kb.json";
    auto text = readWholeFile(path);
    if (!text) {
        Diagnostic d;
        d.code = "kb-missing";
        d.field = "kb.json";
        const std::string name = baseFolder.filename().string();
        d.message = "There is no knowledge base '" + name + "' in " + baseFolder.parent_path().string() +
                    " (no kb.json there): not a knowledge base folder. Create it with `flowdeck kb create " + name +
                    "`, or name the folder that holds it with --in.";
        return Result<KnowledgeSettings>::failure(d);
    }
    JsonReadError error;
    auto j = parseJson(*text, &error);
    if (j.is_discarded())
        return Result<KnowledgeSettings>::failure(settingsError("(document)", "is not valid JSON: " + error.describe() + "."));
    auto settings = fromJson(j);
    if (settings.ok() && settings->name.empty())
        settings->name = baseFolder.filename().string();
    return settings;
}

bool KnowledgeSettings::save(const std::filesystem::path &baseFolder, std::string &error) const
{
    return writeFileAtomically(baseFolder / "kb.json", toJson().dump(2) + "\n", error);
}

} // namespace flowdeck::engine
