#include "widgets/knowledge/problemtext.h"

#include "engine/core/messages.h"
#include "widgets/document/localized.h"

namespace flowdeck::studio {

std::string firstProblem(const engine::Diagnostics &diagnostics, const char *fallback)
{
    return diagnostics.empty() ? std::string(fallback) : diagnostics.front().message;
}

QString localizedProblem(const std::string &english)
{
    return QString::fromStdString(engine::localizedSentence(english, studioLanguage().toStdString()));
}

} // namespace flowdeck::studio
