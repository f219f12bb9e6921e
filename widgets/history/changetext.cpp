#include "widgets/history/changetext.h"

#include "engine/core/diagnostic.h"
#include "widgets/document/localized.h"

#include <QCoreApplication>

#include <set>

namespace flowdeck {
namespace studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ChangeText)
};

constexpr int kValueChars = 60;
constexpr std::size_t kContextLines = 2;  // kept lines shown around each change in a line diff

QString clipped(QString text)
{
    text.replace('\n', QStringLiteral(" ⏎ "));
    return text.size() > kValueChars ? text.left(kValueChars - 1) + QStringLiteral("…") : text;
}

QString endpointName(const std::string &edge, const NodeNamer &name)
{
    // Edges are named "from -> to".
    const auto arrow = edge.find(" -> ");
    if (arrow == std::string::npos)
        return QString::fromStdString(edge);
    return QStringLiteral("%1 → %2").arg(name(edge.substr(0, arrow)), name(edge.substr(arrow + 4)));
}

} // namespace

NodeNamer nodeNamer(const engine::Workflow &after, const engine::Workflow &before)
{
    return [after, before](const std::string &id) {
        const engine::NodeSpec *node = after.findNode(id);
        if (!node)
            node = before.findNode(id);
        const QString plainId = QString::fromStdString(id);
        if (!node)
            return plainId;
        const QString title = nodeTitle(*node);
        return title.isEmpty() || title == plainId ? plainId : QStringLiteral("%1 (%2)").arg(title, plainId);
    };
}

QString fieldLabel(const std::string &field)
{
    static const std::pair<const char *, const char *> known[] = {
        {"config.prompt", QT_TRANSLATE_NOOP("ChangeText", "Prompt")},
        {"config.system", QT_TRANSLATE_NOOP("ChangeText", "System prompt")},
        {"config.text", QT_TRANSLATE_NOOP("ChangeText", "Text")},
        {"config.template", QT_TRANSLATE_NOOP("ChangeText", "Template")},
        {"config.instructions", QT_TRANSLATE_NOOP("ChangeText", "Instructions")},
        {"config.code", QT_TRANSLATE_NOOP("ChangeText", "Code")},
        {"title", QT_TRANSLATE_NOOP("ChangeText", "Title")},
        {"position", QT_TRANSLATE_NOOP("ChangeText", "Position")},
        {"disabled", QT_TRANSLATE_NOOP("ChangeText", "Disabled")},
        {"name", QT_TRANSLATE_NOOP("ChangeText", "Name")},
        {"description", QT_TRANSLATE_NOOP("ChangeText", "Description")},
        {"mode", QT_TRANSLATE_NOOP("ChangeText", "Mode")},
        {"inputs", QT_TRANSLATE_NOOP("ChangeText", "Inputs")},
        {"variables", QT_TRANSLATE_NOOP("ChangeText", "Conversation variables")},
        {"guard", QT_TRANSLATE_NOOP("ChangeText", "Content safety")},
        {"notes", QT_TRANSLATE_NOOP("ChangeText", "Notes")},
        {"env", QT_TRANSLATE_NOOP("ChangeText", "Environment variables")},
    };
    for (const auto &[key, label] : known)
        if (field == key)
            return Text::tr(label);
    return QString::fromStdString(field);
}

QString valueText(const nlohmann::json &value)
{
    if (value.is_null())
        return QStringLiteral("—");
    if (value.is_string())
        return QStringLiteral("“%1”").arg(clipped(QString::fromStdString(value.get<std::string>())));
    return clipped(QString::fromStdString(engine::safeDump(value)));
}

QString changeSentence(const engine::WorkflowChange &change, const NodeNamer &name)
{
    using Kind = engine::WorkflowChange::Kind;
    const QString node = name(change.node), field = fieldLabel(change.field);
    switch (change.kind) {
    case Kind::NodeAdded:
        return Text::tr("Added %1").arg(node);
    case Kind::NodeRemoved:
        return Text::tr("Removed %1").arg(node);
    case Kind::NodeMoved:
        return Text::tr("Moved %1").arg(node);
    case Kind::PromptChanged:
        return Text::tr("%1: %2 changed").arg(node, field);
    case Kind::NodeChanged:
        if (change.before.is_null())
            return Text::tr("%1: %2 set to %3").arg(node, field, valueText(change.after));
        if (change.after.is_null())
            return Text::tr("%1: %2 removed (was %3)").arg(node, field, valueText(change.before));
        return Text::tr("%1: %2 changed from %3 to %4").arg(node, field, valueText(change.before), valueText(change.after));
    case Kind::EdgeAdded:
        return Text::tr("Connected %1").arg(endpointName(change.node, name));
    case Kind::EdgeRemoved:
        return Text::tr("Disconnected %1").arg(endpointName(change.node, name));
    case Kind::SettingChanged:
        if (change.before.is_null())
            return Text::tr("Workflow: %1 set to %2").arg(field, valueText(change.after));
        if (change.after.is_null())
            return Text::tr("Workflow: %1 removed (was %2)").arg(field, valueText(change.before));
        return Text::tr("Workflow: %1 changed from %2 to %3").arg(field, valueText(change.before), valueText(change.after));
    }
    return QString::fromStdString(engine::describeChange(change));
}

QString lineDiffHtml(const std::vector<engine::DiffLine> &lines)
{
    // Kept lines far from any change fold into one "⋯" row.
    std::set<std::size_t> shown;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].op != ' ')
            for (std::size_t j = i >= kContextLines ? i - kContextLines : 0; j <= i + kContextLines && j < lines.size(); ++j)
                shown.insert(j);
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\" width=\"100%\" style=\"font-family: monospace;\">");
    bool folded = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!shown.count(i)) {
            if (!folded)
                html += QStringLiteral("<tr><td style=\"color: #888888;\">  ⋯</td></tr>");
            folded = true;
            continue;
        }
        folded = false;
        const auto &line = lines[i];
        const QString text = QString::fromStdString(line.text).toHtmlEscaped().replace(' ', QStringLiteral("&nbsp;"));
        const char *style = line.op == '+'   ? "background-color: #dafbe1; color: #116329;"
                            : line.op == '-' ? "background-color: #ffebe9; color: #82071e;"
                                             : "color: #6e7781;";
        html += QStringLiteral("<tr><td style=\"%1\">%2&nbsp;%3</td></tr>")
                    .arg(QLatin1String(style), QString(QChar(line.op == ' ' ? QChar(0x00a0) : QChar(line.op))), text);
    }
    return html + QStringLiteral("</table>");
}

QStringList lineDiffText(const std::vector<engine::DiffLine> &lines)
{
    QStringList out;
    for (const auto &line : lines)
        out << QStringLiteral("%1 %2").arg(QChar(line.op), QString::fromStdString(line.text));
    return out;
}

QString changesHtml(const std::vector<engine::WorkflowChange> &changes, const NodeNamer &name, bool lines)
{
    QString html = QStringLiteral("<ul style=\"margin-left: 12px; -qt-list-indent: 0;\">");
    for (const auto &change : changes) {
        html += QStringLiteral("<li>") + changeSentence(change, name).toHtmlEscaped();
        if (lines && !change.lines.empty())
            html += lineDiffHtml(change.lines);
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>");
}

} // namespace studio
} // namespace flowdeck
