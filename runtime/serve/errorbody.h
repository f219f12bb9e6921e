#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::runtime {

// The one shape of every error `flowdeck serve` answers, whichever part finds it:
// {"error": {"message": sentence, "type": kind, "code": HTTP status, "details": [...]}}
// ("details" only when there are some, e.g. a bundle's problems).
nlohmann::json errorBody(unsigned status, const std::string &message, const std::string &type,
                         nlohmann::json details = nullptr);

} // namespace flowdeck::runtime
