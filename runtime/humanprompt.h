#pragma once

#include "engine/nodes/nodecontext.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// `flowdeck run` meets a human node: the answer given on the command line (--respond
// ACTION, --field name=value), else asked for on the terminal when there is one.
// Prints the form on standard error. nullopt (with `error`) when there is no answer.
std::optional<engine::HumanResponse> answerForm(const nlohmann::json &form, const std::string &respond,
                                                const std::vector<std::string> &fields, std::string &error);

} // namespace flowdeck::runtime
