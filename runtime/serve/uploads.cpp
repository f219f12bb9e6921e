#include "runtime/serve/uploads.h"

#include "engine/core/jsonaccess.h"
#include "engine/core/mediatype.h"
#include "engine/core/jsonread.h"
#include "engine/core/tokens.h"

#include <algorithm>
#include <fstream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// "invoice.PDF" -> ".pdf"; empty when the name has no plain extension.
std::string extensionOf(const std::string &name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || name.size() - dot > 11)
        return {};
    const std::string ext = lower(name.substr(dot));
    return std::all_of(ext.begin() + 1, ext.end(), [](unsigned char c) { return std::isalnum(c); }) && ext.size() > 1
               ? ext
               : std::string();
}

// A declared media type, lower case and without parameters; empty unless it reads "type/subtype".
std::string cleanMediaType(const std::string &declared)
{
    std::string type = lower(declared.substr(0, declared.find(';')));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
    const auto slash = type.find('/');
    const bool ok = type.size() <= 127 && slash != std::string::npos && slash > 0 && slash + 1 < type.size() &&
                    std::all_of(type.begin(), type.end(), [](unsigned char c) {
                        return std::isalnum(c) || c == '/' || c == '.' || c == '+' || c == '-' || c == '_';
                    });
    return ok ? type : std::string();
}

// The name as a person gave it, without folders or control characters; at most 255 bytes.
std::string cleanName(std::string name, const std::string &fallback)
{
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos)
        name = name.substr(slash + 1);
    name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }), name.end());
    name = engine::validUtf8(name.substr(0, 255));
    return name.empty() || name == "." || name == ".." ? fallback : name;
}

bool accepted(const std::vector<std::string> &accept, const std::string &ext, const std::string &type)
{
    if (accept.empty())
        return true;
    const std::string guessed = engine::mediaTypeFor(ext);
    for (std::string a : accept) {
        a = lower(a);
        if (a.empty())
            continue;
        if (a.front() == '.') {
            if (a == ext)
                return true;
        } else if (a.find('/') == std::string::npos) {
            if ("." + a == ext)
                return true;
        } else if (a.size() > 2 && a.compare(a.size() - 2, 2, "/*") == 0) {
            const std::string prefix = a.substr(0, a.size() - 1);
            if (type.rfind(prefix, 0) == 0 || guessed.rfind(prefix, 0) == 0)
                return true;
        } else if (a == type || a == guessed) {
            return true;
        }
    }
    return false;
}

std::string sizeText(std::int64_t bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string joined(const std::vector<std::string> &list)
{
    std::string out;
    for (const auto &item : list)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool validRunId(const std::string &id)
{
    return !id.empty() && id.size() <= 80 &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

} // namespace

Uploads::Problem Uploads::take(const engine::Workflow &workflow, const std::string &runId, nlohmann::json &inputs,
                               const std::vector<MultipartPart> &files) const
{
    for (const auto &part : files) {
        const auto input = std::find_if(workflow.inputs.begin(), workflow.inputs.end(),
                                        [&](const engine::InputSpec &in) { return in.name == part.name; });
        if (input == workflow.inputs.end() || input->type != "file")
            return {400, "A file was uploaded as '" + part.name + "', but the app has no file input of that name."};
    }
    if (!validRunId(runId))
        return {500, "The run id '" + runId + "' cannot name a folder."};
    for (const engine::InputSpec &in : workflow.inputs) {
        if (in.type != "file")
            continue;
        std::string name, declared, bytes;
        const auto part = std::find_if(files.begin(), files.end(), [&](const MultipartPart &p) { return p.name == in.name; });
        const std::int64_t limit = in.maxBytes > 0 ? in.maxBytes : engine::kDefaultFileInputBytes;
        const Problem tooLarge{413, "The file for the input '" + in.name + "' is larger than " + sizeText(limit) +
                                        ", the most it takes."};
        if (part != files.end()) {
            if (static_cast<std::int64_t>(part->data.size()) > limit)
                return tooLarge;
            name = part->filename.value_or("");
            declared = part->contentType;
            bytes.assign(part->data);
        } else {
            const nlohmann::json value = inputs.is_object() && inputs.contains(in.name) ? inputs[in.name] : nlohmann::json();
            if (value.is_null())
                continue;  // not given: the start node says whether it was required
            const Problem shape{400, "The input '" + in.name + "' is a file: send {\"name\", \"type\", \"data\": base64} "
                                                               "or upload it as multipart/form-data."};
            if (!value.is_object() || !value.contains("data") || !value["data"].is_string())
                return shape;
            name = engine::textOf(value, "name");
            declared = engine::textOf(value, "type");
            std::string data = engine::textOf(value, "data");
            if (data.rfind("data:", 0) == 0) {  // a data: URL, as a browser's FileReader makes
                const auto comma = data.find(',');
                if (comma == std::string::npos || data.substr(0, comma).find(";base64") == std::string::npos)
                    return shape;
                if (declared.empty())
                    declared = data.substr(5, data.find_first_of(";,") - 5);
                data.erase(0, comma + 1);
            }
            data.erase(std::remove_if(data.begin(), data.end(), [](unsigned char c) { return std::isspace(c); }), data.end());
            if (static_cast<std::int64_t>(data.size() / 4 * 3) > limit + 3)
                return tooLarge;
            auto decoded = engine::base64Decode(data);
            if (!decoded)
                return {400, "The file for the input '" + in.name + "' is not valid base64."};
            if (static_cast<std::int64_t>(decoded->size()) > limit)
                return tooLarge;
            bytes = std::move(*decoded);
        }
        name = cleanName(name, in.name);
        const std::string ext = extensionOf(name);
        std::string type = cleanMediaType(declared);
        if (type.empty() || type == "application/octet-stream")
            type = engine::mediaTypeFor(ext).empty() ? "application/octet-stream" : engine::mediaTypeFor(ext);
        if (!accepted(in.accept, ext, type))
            return {400, "The input '" + in.name + "' takes files of these types: " + joined(in.accept) + "; '" + name +
                             "' (" + type + ") is not one of them."};
        // Stored under the input's name and the file's extension: the name a person gave
        // the file travels in the value, never into a path.
        std::error_code ec;
        const fs::path folder = m_dir / runId;
        fs::create_directories(folder, ec);
        const fs::path file = folder / (in.name + ext);
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (ec || !out)
            return {500, "The file for the input '" + in.name + "' could not be stored: " +
                             (ec ? ec.message() : std::string("writing failed")) + "."};
        inputs[in.name] = {{"name", name}, {"path", file.string()}, {"size", bytes.size()}, {"type", type}};
    }
    return {};
}

void Uploads::discard(const std::string &runId) const
{
    if (!validRunId(runId))
        return;
    std::error_code ec;
    fs::remove_all(m_dir / runId, ec);
}

void Uploads::keepOnly(const std::set<std::string> &keep) const
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(m_dir, ec))
        if (!keep.count(entry.path().filename().string()))
            fs::remove_all(entry.path(), ec);
}

nlohmann::json Uploads::formBody(const std::vector<MultipartPart> &parts, std::vector<MultipartPart> &files)
{
    nlohmann::json body = {{"inputs", nlohmann::json::object()}};
    for (const auto &part : parts) {
        if (part.filename) {
            files.push_back(part);
            continue;
        }
        const std::string text = engine::validUtf8(part.data);
        if (part.name == "query" || part.name == "conversation_id" || part.name == "user") {
            body[part.name] = text;
        } else if (part.name == "inputs") {
            const auto given = engine::parseJson(text);
            if (!given.is_object())
                return nlohmann::json(nlohmann::json::value_t::discarded);
            body["inputs"].update(given);
        } else {
            body["inputs"][part.name] = text;
        }
    }
    return body;
}

} // namespace flowdeck::runtime
