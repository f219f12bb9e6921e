// Workflow files (engine/workflow/workflowfile.h): JSON syntax, format and version
// checks, migrations, the file schema, then the validator with every built-in node type.
// A workflow that loads must be written back (as the studio saves it) to a file that
// loads again.
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
    const auto workflow = parseWorkflow(text);
    if (!workflow) {
        if (workflow.diagnostics().empty())
            std::abort();  // a refusal must say why
        return 0;
    }
    validateWorkflow(workflow.value(), registry);
    for (const auto &node : workflow->nodes)
        workflow->upstreamOf(node.id);
    const std::string saved = serializeWorkflow(workflow.value());
    const auto reloaded = parseWorkflow(saved);
    if (!reloaded)
        std::abort();  // the studio would save a file it cannot open again
    if (serializeWorkflow(reloaded.value()) != saved)
        std::abort();  // saving is not stable
    return 0;
}
