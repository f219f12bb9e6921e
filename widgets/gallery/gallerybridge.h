#pragma once

#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/templates/solutiontemplate.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace flowdeck::studio {

// The gallery page's way into the studio (over QWebChannel as "studio"): the template
// catalog, and the choices the page offers. Using a template makes the project folder
// (engine::instantiateTemplate) under the projects folder and reports it.
class GalleryBridge : public QObject {
    Q_OBJECT

public:
    explicit GalleryBridge(QObject *parent = nullptr);

    // Where new projects go: $FLOWDECK_PROJECTS_DIR, else the setting, else ~/Flowdeck.
    static QString projectsFolder();
    static QString language();  // "zh" or "en": the interface's
    const engine::TemplateLibrary &library() const { return m_library; }
    void reload();
    // Asked before a project is made (the main window offers to save unsaved work); false stops it.
    void setBeforeCreate(std::function<bool()> ask) { m_beforeCreate = std::move(ask); }
    // Asked before a project is made from a template (workspace trust); false: not made.
    void setApproveTemplate(std::function<bool(const engine::SolutionTemplate &)> approve)
    {
        m_approveTemplate = std::move(approve);
    }

    // Which provider a new project's models are bound to (the one the user has a key for,
    // else asked once); nullopt: the user cancelled and no project is made. Without it,
    // the models stay unbound.
    void setChooseProvider(std::function<std::optional<engine::ProviderProfile>()> choose)
    {
        m_chooseProvider = std::move(choose);
    }

    Q_INVOKABLE QString catalog() const;  // JSON (studio/gallery/galleryindex.h)
    Q_INVOKABLE bool useTemplate(const QString &id);
    Q_INVOKABLE void openRecent(const QString &path);
    Q_INVOKABLE void newBlank();
    Q_INVOKABLE void openOther();

signals:
    // A project was made from a template: its workflow file and the template's id.
    void projectCreated(const QString &flowFile, const QString &templateId);
    void openRequested(const QString &flowFile);  // empty: ask for a file
    void blankRequested();
    // For the page: a problem to show ("error") or a note ("info").
    void notice(const QString &kind, const QString &text);

private:
    engine::TemplateLibrary m_library;
    engine::PluginCatalog m_plugins;
    std::function<bool()> m_beforeCreate;
    std::function<bool(const engine::SolutionTemplate &)> m_approveTemplate;
    std::function<std::optional<engine::ProviderProfile>()> m_chooseProvider;
};

} // namespace flowdeck::studio
