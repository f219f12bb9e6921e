// Dify DSL files (engine/import/difyimport.h): YAML with its aliases and nesting, then every
// node mapper. A file either imports or is refused with a reason; what imports is a
// workflow the studio can save and open again, and its report can be written.
#include "engine/import/difyimport.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace flowdeck::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const NodeRegistry &registry = NodeRegistry::builtin();
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto imported = importDify(text);
    if (!imported) {
        if (imported.diagnostics().empty())
            std::abort();  // a refusal must say why
        return 0;
    }
    importReportText(imported.value());
    importReportJson(imported.value()).dump();
    validateWorkflow(imported->workflow, registry);
    const std::string saved = serializeWorkflow(imported->workflow);
    if (!parseWorkflow(saved))
        std::abort();  // an import the studio could not open
    return 0;
}
