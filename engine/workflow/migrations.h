#pragma once

#include "engine/core/diagnostic.h"

#include <nlohmann/json.hpp>

namespace flowdeck::engine {

// One frozen step from format version `from` to `from + 1`. Steps are never edited
// after release; each has golden files under tests/engine/golden/migrations.
struct Migration {
    int from;
    void (*apply)(nlohmann::json &document);
};

// The oldest format version this engine can still read.
int oldestReadableFormatVersion();

// Upgrades `document` (whose formatVersion is `version`) to kFormatVersion in place.
// Returns the diagnostics for a version that is too old or too new.
Diagnostics migrateWorkflow(nlohmann::json &document, int version);

} // namespace flowdeck::engine
