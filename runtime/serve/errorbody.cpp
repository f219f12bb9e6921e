#include "runtime/serve/errorbody.h"

namespace flowdeck::runtime {

nlohmann::json errorBody(unsigned status, const std::string &message, const std::string &type, nlohmann::json details)
{
    nlohmann::json e = {{"message", message}, {"type", type}, {"code", status}};
    if (!details.is_null())
        e["details"] = std::move(details);
    return {{"error", std::move(e)}};
}

} // namespace flowdeck::runtime
