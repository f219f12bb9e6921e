#pragma once

#include "engine/nodes/nodecontext.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {

// Checks an answer to a human node's form (the `form` of its human_input_required
// event): the action is one of the form's, required fields are there, numbers read as
// numbers, a select's value is one of its options. Fills `response.values` with the
// typed values (and defaults). Returns "" when it fits, else a sentence saying what not.
std::string checkHumanResponse(const nlohmann::json &form, HumanResponse &response);

} // namespace flowdeck::engine
