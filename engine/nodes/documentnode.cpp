// The document node (DESIGN.md §3): text from files, read with the knowledge parsers on a
// worker thread, with page / sheet / slide markers.
#include "engine/core/jsonaccess.h"
#include "engine/core/mediatype.h"
#include "engine/knowledge/parse/documentparser.h"
#include "engine/nodes/backgroundwork.h"
#include "engine/nodes/documenttext.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runservices.h"

#include <algorithm>
#include <fstream>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

// One file to read, as the input named it: a path, or {name, path, size, type}.
struct FileRef {
    std::string name;  // shown in messages and outputs
    std::string path;
    std::string type;  // the document type ("pdf"), or empty when it cannot be told
    std::string problem;
};

// "application/pdf" or "pdf" → "pdf"; empty when it is not a type the parsers read.
std::string typeFromDeclared(const std::string &declared)
{
    if (const std::string ext = extensionFor(declared); !ext.empty())
        return documentTypeFor("file" + ext);
    return documentTypeFor("file." + declared);
}

FileRef fileRef(const nlohmann::json &value, std::size_t index, const std::string &source)
{
    FileRef ref;
    if (value.is_string()) {
        ref.path = value.get<std::string>();
    } else if (value.is_object()) {
        ref.path = textOf(value, "path");
        ref.name = textOf(value, "name");
        ref.type = typeFromDeclared(textOf(value, "type"));
    }
    if (ref.name.empty())
        ref.name = ref.path.empty() ? "file " + std::to_string(index + 1) : fs::path(ref.path).filename().string();
    if (ref.path.empty()) {
        ref.problem = "Item " + std::to_string(index + 1) + " of " + source +
                      " is not a file: give a path, or an object with a \"path\".";
        return ref;
    }
    // The path's extension first; an upload stored under a random name has its type in its name.
    if (const std::string byPath = documentTypeFor(ref.path); !byPath.empty())
        ref.type = byPath;
    else if (const std::string byName = documentTypeFor(ref.name); !byName.empty())
        ref.type = byName;
    if (ref.type.empty())
        ref.problem = "'" + ref.name +
                      "' cannot be read: its type is not supported (supported: txt, md, html, pdf, docx, xlsx, csv, pptx).";
    return ref;
}

// Whether `path` (symbolic links resolved) lies inside one of `roots`; any path when there are none.
bool insideRoots(const std::string &path, const std::vector<std::string> &roots)
{
    if (roots.empty())
        return true;
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec)
        return false;
    for (const auto &root : roots) {
        const fs::path base = fs::weakly_canonical(root, ec);
        if (ec)
            continue;
        auto [b, r] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
        if (b == base.end())
            return true;
    }
    return false;
}

Result<ParsedDocument> fileProblem(std::string code, std::string message, std::vector<std::string> args)
{
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    d.args = std::move(args);
    return Result<ParsedDocument>::failure(std::move(d));
}

Result<ParsedDocument> readFile(const FileRef &ref, const ParseOptions &base)
{
    ParseOptions options = base;
    options.name = ref.name;
    std::error_code error;
    if (!fs::is_regular_file(ref.path, error))
        return fileProblem("document-missing-file", "'" + ref.name + "' does not exist or is not a file.", {ref.name});
    if (documentTypeFor(ref.path) == ref.type && fs::path(ref.path).filename() == ref.name)
        return parseDocumentFile(ref.path, options);
    // Named otherwise than its path (an upload): read the bytes, parse them as the type.
    const auto size = fs::file_size(ref.path, error);
    if (!error && size > options.maxFileBytes) {
        const std::string limit = std::to_string((options.maxFileBytes + (1 << 20) - 1) >> 20);
        return fileProblem("document-too-large",
                           "'" + ref.name + "' is larger than " + limit + " MB, the largest file a knowledge base reads.",
                           {ref.name, limit});
    }
    std::ifstream in(ref.path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof())
        return fileProblem("document-unreadable-file",
                           "'" + ref.name + "' could not be opened: check that it exists and can be read.",
                           {ref.name, ref.path});
    return parseDocumentBytes(bytes, ref.type, options);
}

struct FileOutcome {
    FileRef ref;
    Result<ParsedDocument> parsed;
};

std::vector<FileOutcome> readAll(const std::vector<FileRef> &refs, const std::atomic<bool> &cancelled)
{
    ParseOptions options;
    options.cancel = &cancelled;
    std::vector<FileOutcome> out;
    for (const FileRef &ref : refs) {
        if (cancelled)
            break;
        try {
            out.push_back({ref, ref.problem.empty() ? readFile(ref, options)
                                                    : fileProblem("document-file", ref.problem, {ref.name})});
        } catch (const std::exception &e) {  // out of memory copying a large file
            out.push_back({ref, fileProblem("document-damaged", "'" + ref.name + "' could not be read: " + e.what() + ".",
                                            {ref.name, e.what()})});
        }
    }
    return out;
}

void finish(const std::shared_ptr<NodeContext> &ctx, const NodeDone &done, const std::vector<FileOutcome> &outcomes)
{
    const bool skip = valueOr(ctx->node().config, "onFileError", "fail") == "skip";
    DocumentText text;
    nlohmann::json errors = nlohmann::json::array();
    for (const FileOutcome &o : outcomes) {
        if (!o.parsed.ok()) {
            const std::string why = o.parsed.diagnostics().empty() ? "'" + o.ref.name + "' could not be read."
                                                                   : o.parsed.diagnostics().front().message;
            if (!skip)
                return done(NodeResult::failure(ErrorKind::InvalidInput, why));
            ctx->log("warning", why + " The file was skipped.");
            errors.push_back({{"file", o.ref.name}, {"message", why}});
            continue;
        }
        for (const std::string &warning : o.parsed->warnings)
            ctx->log("info", o.ref.name + ": " + warning);
        text.add(o.ref.name, o.parsed.value(), outcomes.size() > 1);
    }
    done(NodeResult::success({{"text", text.text()}, {"pages", text.pages()}, {"errors", std::move(errors)}}));
}

void run(std::shared_ptr<NodeContext> ctx, NodeDone done)
{
    const std::string source = textOf(ctx->node().config, "files");
    const nlohmann::json value = ctx->renderValue(valueOr(ctx->node().config, "files", nlohmann::json()));
    const bool none = value.is_null() || (value.is_string() && value.get_ref<const std::string &>().empty()) ||
                      (value.is_array() && value.empty());
    if (none)
        return done(NodeResult::failure(ErrorKind::InvalidInput,
                                        "The document node was given no file: " + source + " is empty."));
    std::vector<FileRef> refs;
    if (value.is_array())
        for (std::size_t i = 0; i < value.size(); ++i)
            refs.push_back(fileRef(value[i], i, source));
    else
        refs.push_back(fileRef(value, 0, source));
    for (auto &ref : refs)  // a deployed app reads only what was uploaded to it
        if (ref.problem.empty() && !insideRoots(ref.path, ctx->services().fileRoots))
            ref.problem = "'" + ref.name + "' is not a file uploaded to this run; a deployed app reads only its uploads.";
    std::function<std::vector<FileOutcome>(const std::atomic<bool> &)> work =
        [refs = std::move(refs)](const std::atomic<bool> &cancelled) { return readAll(refs, cancelled); };
    std::function<void(std::vector<FileOutcome>)> then = [ctx, done](std::vector<FileOutcome> outcomes) {
        finish(ctx, done, outcomes);
    };
    runInBackground(ctx, std::move(work), std::move(then));
}

} // namespace

NodeDescriptor documentNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "document";
    d.title = "Document extractor";
    d.titleZh = "文档提取器";
    d.description = "Reads the text of files (PDF, Word, Excel, PowerPoint, CSV, HTML, Markdown, text) with page, sheet "
                    "and slide markers.";
    d.descriptionZh = "读取文件（PDF、Word、Excel、PowerPoint、CSV、HTML、Markdown、文本）中的文字，并标出页、工作表和幻灯片。";
    d.icon = "document";
    d.category = "transform";
    d.asynchronous = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["files"], "additionalProperties": false,
      "properties": {
        "files": { "type": "string", "title": "Files", "minLength": 1, "format": "template",
                   "description": "A file or a list of files, e.g. {{start.file}}: a path, or {name, path, size, type}." },
        "onFileError": { "enum": ["fail", "skip"], "title": "When a file cannot be read", "default": "fail" }
      }
    })json");
    d.outputs = {{"text", "string", "The text of every file, with markers such as --- page 3 --- and --- sheet Orders ---"},
                 {"pages", "array", "The text piece by piece: file, location (page 3, sheet Orders, slide 2) and text"},
                 {"errors", "array", "The files skipped, each with why (when unreadable files are skipped)"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"text", ""}, {"pages", nlohmann::json::array()}, {"errors", nlohmann::json::array()}};
    };
    d.execute = run;
    return d;
}

} // namespace flowdeck::engine
