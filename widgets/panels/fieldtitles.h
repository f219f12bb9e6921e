#pragma once

#include <QString>

#include <string>

namespace flowdeck::studio {

// A node config field's title (the "title" of its JSON Schema property, written in
// English by the engine) in the studio's language.
QString fieldTitle(const std::string &englishTitle);

} // namespace flowdeck::studio
