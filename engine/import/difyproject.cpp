// Writing an imported Dify app into a project folder: the workflow file and its
// knowledge bases, created empty (DESIGN.md §9 folder layout).
#include "engine/import/difyimport.h"

#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/workflow/workflowfile.h"

namespace flowdeck::engine {

namespace fs = std::filesystem;

Result<fs::path> writeImportedProject(const fs::path &folder, const DifyImport &import, bool overwrite)
{
    using R = Result<fs::path>;
    auto problem = [](std::string message) {
        Diagnostic d;
        d.code = "dify-write";
        d.field = "file";
        d.message = std::move(message);
        return R::failure(std::move(d));
    };
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return problem("The folder " + folder.string() + " could not be made: " + ec.message() + ".");
    const fs::path file = folder / (import.workflow.id + ".flow.json");
    if (!overwrite && fs::exists(file, ec))
        return problem("The file " + file.string() + " already exists; choose another folder, or replace it (--force).");
    auto saved = saveWorkflowFile(file, import.workflow);
    if (!saved.ok())
        return R(saved.diagnostics());
    Diagnostics warnings;
    for (const auto &base : import.knowledgeBases) {
        const fs::path baseFolder = knowledgeFolderFor(file) / base;
        if (!validKnowledgeBaseName(base) || fs::exists(baseFolder / "kb.json", ec))
            continue;  // a base of that name is already there: kept as it is
        KnowledgeSettings settings;
        settings.name = base;
        settings.title = base;
        settings.description = "Imported from a Dify app; add its documents.";
        auto created = KnowledgeIngest::create(baseFolder, settings);
        if (!created.ok())
            for (auto d : created.diagnostics()) {
                d.severity = Diagnostic::Severity::Warning;
                warnings.push_back(std::move(d));
            }
    }
    return R(file, std::move(warnings));
}

} // namespace flowdeck::engine
