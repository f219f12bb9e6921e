#pragma once

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflow.h"

#include <QString>
#include <QStringList>

namespace flowdeck::engine {
struct NodeDescriptor;
}

namespace flowdeck::studio {

// The workflow's own text in the studio's language (QLocale's default, which
// installTranslations() sets): "zh" when the studio speaks Chinese, else "en".
QString studioLanguage();
bool studioSpeaksChinese();
// "dark" or "light": the studio's palette, for its web pages (gallery, charts).
QString studioThemeName();

// A node type's name in the studio's language; the type id when it has no descriptor.
QString typeTitle(const engine::NodeDescriptor *descriptor, const std::string &type);
// A node's title as the canvas, the run console and the inspector show it: the
// workflow's translation, its own title, else its type's name.
QString nodeTitle(const engine::NodeSpec &node);
QString inputLabel(const engine::InputSpec &input);
// A select input's options as a person reads them (parallel to input.options).
QStringList inputOptionLabels(const engine::InputSpec &input);
QString workflowName(const engine::Workflow &workflow);
QString workflowDescription(const engine::Workflow &workflow);
// A problem found in a workflow, in the studio's language (engine/core/messages.h).
QString diagnosticText(const engine::Diagnostic &diagnostic);
// The same, after the title of the node it is about: "Write the minutes: ...".
QString diagnosticLine(const engine::Diagnostic &diagnostic, const engine::Workflow &workflow);

} // namespace flowdeck::studio
