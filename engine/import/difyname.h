#pragma once

#include <string>

namespace flowdeck::engine::dify {

// The id (and file name) of a workflow imported from an app called `name`: lower-case
// ASCII letters, digits and dashes, at most 48 characters. Chinese, Japanese, Korean,
// Cyrillic... names are spelled in Latin letters (中译英 → zhong-yi-ying), so every app
// gets a name of its own; "dify-app" only when nothing is left.
std::string workflowIdFor(const std::string &name);

} // namespace flowdeck::engine::dify
