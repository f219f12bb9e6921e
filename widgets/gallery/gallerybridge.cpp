#include "widgets/gallery/gallerybridge.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/gallery/galleryindex.h"

#include <QDir>
#include <QLocale>
#include <QSettings>

namespace flowdeck::studio {

GalleryBridge::GalleryBridge(QObject *parent) : QObject(parent) { reload(); }

void GalleryBridge::reload()
{
    m_library = engine::loadTemplateLibrary(engine::defaultTemplatesDirectory(), engine::NodeRegistry::builtin());
    m_plugins = engine::PluginCatalog();
    m_plugins.loadDirectory(engine::PluginCatalog::defaultDirectory());
}

QString GalleryBridge::projectsFolder()
{
    const QString fromEnv = qEnvironmentVariable("FLOWDECK_PROJECTS_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QSettings().value(QStringLiteral("projectsFolder"), QDir::home().filePath(QStringLiteral("Flowdeck"))).toString();
}

QString GalleryBridge::language()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

QString GalleryBridge::catalog() const
{
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    return QString::fromStdString(galleryCatalog(m_library, m_plugins, language(), recent).dump());
}

bool GalleryBridge::useTemplate(const QString &id)
{
    const engine::SolutionTemplate *t = m_library.find(id.toStdString());
    if (!t) {
        emit notice(QStringLiteral("error"), tr("There is no template \"%1\".").arg(id));
        return false;
    }
    if (m_beforeCreate && !m_beforeCreate())
        return false;
    if (m_approveTemplate && !m_approveTemplate(*t)) {
        emit notice(QStringLiteral("info"), tr("No project was made: the template was not trusted."));
        return false;
    }
    std::optional<engine::ProviderProfile> provider;
    if (m_chooseProvider) {
        provider = m_chooseProvider();
        if (!provider) {
            emit notice(QStringLiteral("info"), tr("No project was made: no model provider was chosen."));
            return false;
        }
    }
    const auto dir = engine::freeProjectDirectory(projectsFolder().toStdString(), t->id);
    auto made = engine::instantiateTemplate(*t, dir, provider ? &*provider : nullptr);
    if (!made) {
        emit notice(QStringLiteral("error"), tr("The project could not be created: %1")
                                                 .arg(QString::fromStdString(made.diagnostics().front().message)));
        return false;
    }
    emit projectCreated(QString::fromStdString(made.value().string()), id);
    return true;
}

void GalleryBridge::openRecent(const QString &path) { emit openRequested(path); }

void GalleryBridge::newBlank() { emit blankRequested(); }

void GalleryBridge::openOther() { emit openRequested(QString()); }

} // namespace flowdeck::studio
