#include "widgets/document/localized.h"

#include "engine/core/messages.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/localized.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace flowdeck::studio {

namespace {

std::string language() { return studioLanguage().toStdString(); }

} // namespace

QString studioThemeName()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128 ? QStringLiteral("dark")
                                                                                : QStringLiteral("light");
}

bool studioSpeaksChinese() { return QLocale().language() == QLocale::Chinese; }

QString studioLanguage() { return studioSpeaksChinese() ? QStringLiteral("zh") : QStringLiteral("en"); }

QString typeTitle(const engine::NodeDescriptor *descriptor, const std::string &type)
{
    if (!descriptor)
        return QString::fromStdString(type);
    return QString::fromStdString(studioSpeaksChinese() && !descriptor->titleZh.empty() ? descriptor->titleZh
                                                                                         : descriptor->title);
}

QString nodeTitle(const engine::NodeSpec &node)
{
    const QString fallback = typeTitle(engine::NodeRegistry::builtin().find(node.type), node.type);
    return QString::fromStdString(engine::localizedTitle(node, language(), fallback.toStdString()));
}

QString inputLabel(const engine::InputSpec &input)
{
    return QString::fromStdString(engine::localizedLabel(input, language()));
}

QStringList inputOptionLabels(const engine::InputSpec &input)
{
    QStringList out;
    for (const auto &option : engine::localizedOptions(input, language()))
        out << (option.is_string() ? QString::fromStdString(option.get<std::string>())
                                   : QString::fromStdString(option.dump()));
    return out;
}

QString workflowName(const engine::Workflow &workflow)
{
    return QString::fromStdString(engine::localizedName(workflow, language()));
}

QString workflowDescription(const engine::Workflow &workflow)
{
    return QString::fromStdString(engine::localizedDescription(workflow, language()));
}

QString diagnosticText(const engine::Diagnostic &diagnostic)
{
    return QString::fromStdString(engine::localizedMessage(diagnostic, language()));
}

QString diagnosticLine(const engine::Diagnostic &diagnostic, const engine::Workflow &workflow)
{
    const engine::NodeSpec *node = diagnostic.nodeId.empty() ? nullptr : workflow.findNode(diagnostic.nodeId);
    return node ? nodeTitle(*node) + QStringLiteral(": ") + diagnosticText(diagnostic) : diagnosticText(diagnostic);
}

} // namespace flowdeck::studio
