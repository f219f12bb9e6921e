#pragma once

#include "engine/core/result.h"
#include "engine/workflow/workflow.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// Reading and writing *.flow.json documents. Loading checks, in order: JSON syntax
// (line and column), that it is a Flowdeck workflow, its format version (too new:
// refuse; older: migrate), and the file schema. It never throws.
Result<Workflow> parseWorkflow(std::string_view text);
Result<Workflow> loadWorkflowFile(const std::filesystem::path &path);

// Stable key order and two-space indentation, ending with a newline, so files diff well.
nlohmann::ordered_json workflowToJson(const Workflow &workflow);
std::string serializeWorkflow(const Workflow &workflow);

// Writes atomically: a temporary file beside the target, flushed, then renamed over it.
// On failure the old file is untouched and the diagnostic says why.
Result<bool> saveWorkflowFile(const std::filesystem::path &path, const Workflow &workflow);

// The file schema (workflow.schema.json, compiled into the engine).
const nlohmann::json &workflowFileSchema();

} // namespace flowdeck::engine
