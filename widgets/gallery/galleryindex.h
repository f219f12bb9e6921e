#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace flowdeck::engine {
class PluginCatalog;
struct TemplateLibrary;
} // namespace flowdeck::engine

namespace flowdeck::studio {

// What the gallery page shows, as JSON: every template (texts in `language`, "en" or
// "zh", with the other language's texts too for search), what it needs with the
// state of each plugin (built in, installed, to install), its graph for the preview,
// its README as HTML; the recent projects; the library's problems.
nlohmann::json galleryCatalog(const engine::TemplateLibrary &library, const engine::PluginCatalog &catalog,
                              const QString &language, const QStringList &recentFiles);

// A README's markdown as HTML for the page (Qt's CommonMark reader).
QString markdownToHtml(const QString &markdown);

} // namespace flowdeck::studio
