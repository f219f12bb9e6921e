#pragma once

#include "engine/core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

namespace flowdeck::engine {

// Checks shared by the parts of template.json (solutiontemplate.cpp, templateknowledge.cpp).

// A problem of the template `where` ("template <id>") in `field`.
inline Diagnostic templateProblem(const std::string &where, const std::string &field, const std::string &message)
{
    Diagnostic d;
    d.code = "template";
    d.field = field;
    d.message = where + ": " + message;
    return d;
}

// {"en": "...", "zh": "..."}, both non-empty.
inline bool isBilingual(const nlohmann::json &v)
{
    return v.is_object() && v.contains("en") && v["en"].is_string() && !v["en"].get<std::string>().empty() &&
           v.contains("zh") && v["zh"].is_string() && !v["zh"].get<std::string>().empty();
}

// A relative path inside the template folder: no "..", not absolute.
inline bool isInsidePath(const std::string &p)
{
    const std::filesystem::path path(p);
    if (p.empty() || path.is_absolute())
        return false;
    return std::none_of(path.begin(), path.end(), [](const std::filesystem::path &part) { return part == ".."; });
}

} // namespace flowdeck::engine
