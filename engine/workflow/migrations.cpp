#include "engine/workflow/migrations.h"

#include "engine/workflow/workflow.h"

#include <span>

namespace flowdeck::engine {

namespace {

// Version 1 is the first released format, so there is no step yet. The next format
// adds {1, &migrateV1ToV2} here and a golden-file pair in the tests.
constexpr std::span<const Migration> kMigrations{};

} // namespace

int oldestReadableFormatVersion()
{
    return kMigrations.empty() ? kFormatVersion : kMigrations.front().from;
}

Diagnostics migrateWorkflow(nlohmann::json &document, int version)
{
    Diagnostic d;
    d.field = "formatVersion";
    if (version > kFormatVersion) {
        d.code = "too-new";
        d.message = "This workflow was made by a newer Flowdeck (format version " + std::to_string(version) +
                    "; this one reads up to " + std::to_string(kFormatVersion) +
                    "). Update Flowdeck to open it.";
        return {d};
    }
    if (version < oldestReadableFormatVersion()) {
        d.code = "too-old";
        d.message = "Format version " + std::to_string(version) +
                    " is older than any Flowdeck release can read (the oldest is " +
                    std::to_string(oldestReadableFormatVersion()) + ").";
        return {d};
    }
    for (const Migration &m : kMigrations) {
        if (m.from == version) {
            m.apply(document);
            ++version;
            document["formatVersion"] = version;
        }
    }
    return {};
}

} // namespace flowdeck::engine
