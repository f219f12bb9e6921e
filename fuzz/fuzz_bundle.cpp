// Deploy bundles (engine/deploy/deploybundle.h), as a runtime reads them from an admin
// request or from its app store. A bundle that reads must write out (without its
// secrets, as the app store keeps it) to a bundle that reads again, and its workflow
// goes through the workflow loader, as the runtime does before serving it.
#include "engine/core/diagnostic.h"
#include "engine/deploy/deploybundle.h"
#include "engine/workflow/workflowfile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace flowdeck::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto bundle = readDeployBundleText(text);
    if (!bundle) {
        if (bundle.diagnostics().empty())
            std::abort();  // a refusal must say why
        return 0;
    }
    const auto stored = readDeployBundle(writeDeployBundle(bundle.value(), false));
    if (!stored)
        std::abort();  // the app store could not read back what it wrote
    parseWorkflow(safeDump(bundle->workflow));
    return 0;
}
