#include "widgets/gallery/galleryindex.h"
#include "engine/core/jsonaccess.h"

#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"
#include "engine/templates/solutiontemplate.h"
#include "engine/templates/workflowneeds.h"
#include "engine/workflow/workflowfile.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextDocument>

namespace flowdeck::studio {

QString markdownToHtml(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    const QString html = doc.toHtml();
    static const QRegularExpression body(QStringLiteral("<body[^>]*>([\\s\\S]*)</body>"));
    const auto m = body.match(html);
    QString inner = m.hasMatch() ? m.captured(1) : html;
    // Qt writes fixed fonts and margins inline; the page's stylesheet decides those.
    static const QRegularExpression style(QStringLiteral(" style=\"[^\"]*\""));
    inner.remove(style);
    return inner;
}

namespace {

nlohmann::json pluginState(const std::string &id, const engine::PluginCatalog &catalog, bool zh)
{
    const engine::PluginManifest *m = catalog.find(id);
    if (!m)
        return {{"id", id}, {"name", id}, {"state", "unknown"}};
    using State = engine::PluginInstallState;
    const char *state = "external";
    switch (engine::pluginInstallState(*m, engine::defaultPluginInstallDir())) {
    case State::BuiltIn: state = "builtin"; break;
    case State::Installed: state = "installed"; break;
    case State::Missing: state = "missing"; break;
    case State::External: break;
    }
    return {{"id", id}, {"name", zh && !m->nameZh.empty() ? m->nameZh : m->name}, {"state", state}};
}

nlohmann::json graphOf(const nlohmann::json &workflow)
{
    nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
    for (const auto &n : engine::valueOr(workflow, "nodes", nlohmann::json::array())) {
        const auto pos = engine::valueOr(n, "position", nlohmann::json::array({0, 0}));
        nodes.push_back({{"id", engine::valueOr(n, "id", "")},
                         {"type", engine::valueOr(n, "type", "")},
                         {"title", engine::valueOr(n, "title", engine::valueOr(n, "id", ""))},
                         {"x", pos.size() > 0 && pos[0].is_number() ? pos[0].get<double>() : 0.0},
                         {"y", pos.size() > 1 && pos[1].is_number() ? pos[1].get<double>() : 0.0}});
    }
    for (const auto &e : engine::valueOr(workflow, "edges", nlohmann::json::array()))
        edges.push_back({{"from", engine::valueOr(e, "from", "")}, {"to", engine::valueOr(e, "to", "")}, {"port", engine::valueOr(e, "fromPort", "")}});
    return {{"nodes", nodes}, {"edges", edges}};
}

} // namespace

nlohmann::json galleryCatalog(const engine::TemplateLibrary &library, const engine::PluginCatalog &catalog,
                              const QString &language, const QStringList &recentFiles)
{
    const std::string lang = language.startsWith(QLatin1String("zh")) ? "zh" : "en";
    const bool zh = lang == "zh";
    nlohmann::json templates = nlohmann::json::array();
    for (const auto &t : library.templates) {
        nlohmann::json needs = {{"model", false}, {"plugins", nlohmann::json::array()}, {"secrets", nlohmann::json::array()}};
        if (auto wf = engine::parseWorkflow(t.workflow.dump())) {
            const auto computed = engine::workflowNeeds(wf.value(), catalog);
            needs["model"] = computed.model;
            for (const auto &id : computed.plugins)
                needs["plugins"].push_back(pluginState(id, catalog, zh));
            needs["secrets"] = computed.secrets;
        }
        const nlohmann::json sample = engine::valueOr(t.meta, "sample", nlohmann::json::object());
        const std::string readme = zh && !t.readmeZh.empty() ? t.readmeZh : t.readme;
        templates.push_back({{"id", t.id},
                             {"title", t.text("title", lang)},
                             {"summary", t.text("summary", lang)},
                             {"category", engine::valueOr(t.meta, "category", "")},
                             {"icon", engine::valueOr(t.meta, "icon", "")},
                             {"tags", engine::valueOr(t.meta, "tags", nlohmann::json::object()).value(lang, nlohmann::json::array())},
                             // Searching finds a template by its texts in either language.
                             {"searchText", engine::valueOr(t.meta, "title", nlohmann::json::object()).dump() +
                                                engine::valueOr(t.meta, "summary", nlohmann::json::object()).dump() +
                                                engine::valueOr(t.meta, "tags", nlohmann::json::object()).dump() + t.id},
                             {"sampleQuery", engine::valueOr(sample, "query", nlohmann::json::object()).value(lang, "")},
                             {"needs", needs},
                             {"graph", graphOf(t.workflow)},
                             {"readmeHtml", markdownToHtml(QString::fromStdString(readme)).toStdString()}});
    }
    nlohmann::json recent = nlohmann::json::array();
    for (const QString &path : recentFiles) {
        const QFileInfo info(path);
        if (!info.exists())
            continue;
        recent.push_back({{"path", path.toStdString()},
                          {"name", info.completeBaseName().remove(QStringLiteral(".flow")).toStdString()},
                          {"folder", info.absolutePath().toStdString()},
                          {"modified", info.lastModified().toString(Qt::ISODate).toStdString()}});
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const auto &d : library.problems)
        problems.push_back(d.message);
    return {{"language", lang}, {"templates", templates}, {"recent", recent}, {"problems", problems}};
}

} // namespace flowdeck::studio
