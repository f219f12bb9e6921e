#include "engine/deploy/appname.h"

#include <cctype>

namespace flowdeck::engine {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

} // namespace

bool isValidAppName(std::string_view name)
{
    if (name.empty() || name.size() > 64 || !alnum(name.front()) || name.find("..") != std::string_view::npos)
        return false;
    for (char c : name)
        if (!alnum(c) && c != '.' && c != '_' && c != '-')
            return false;
    return true;
}

const char *appNameRule()
{
    return "use 1 to 64 letters, digits, '.', '_' and '-', beginning with a letter or digit";
}

std::string kubernetesNameOf(std::string_view app)
{
    std::string out;
    for (char c : app)
        out += c == '.' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace flowdeck::engine
