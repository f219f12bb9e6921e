#include "widgets/history/projectversions.h"

#include "widgets/document/localized.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace flowdeck {
namespace studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ProjectVersions)
};

// The nearest folder above `folder` that is a Git work tree (has .git), or empty.
QString enclosingRepository(const QString &folder)
{
    QDir dir(folder);
    while (dir.cdUp())
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git"))))
            return dir.absolutePath();
    return {};
}

} // namespace

ProjectVersions::ProjectVersions(const QString &workflowFile) : m_file(workflowFile)
{
    const QFileInfo info(workflowFile);
    m_folder = info.absolutePath();
    m_relativePath = info.fileName().toStdString();
}

ProjectVersions::~ProjectVersions() = default;

bool ProjectVersions::exists() const
{
    return !m_file.isEmpty() && engine::ProjectHistory::hasHistory(m_folder.toStdString());
}

QString ProjectVersions::refusal() const
{
    if (m_file.isEmpty())
        return Text::tr("the workflow is not saved in a project folder yet");
    if (exists())
        return {};
    const QString folder = QDir::cleanPath(m_folder);
    if (folder == QDir::cleanPath(QDir::homePath()) || QDir(folder).isRoot())
        return Text::tr("%1 is not a project folder of its own; save the workflow in a folder for this project to keep its versions")
            .arg(QDir::toNativeSeparators(folder));
    const QString repository = enclosingRepository(folder);
    if (!repository.isEmpty())
        return Text::tr("the folder is inside the Git repository %1, which keeps its history").arg(QDir::toNativeSeparators(repository));
    return {};
}

engine::ProjectHistory *ProjectVersions::open(bool create)
{
    if (m_history)
        return m_history.get();
    m_problem.clear();
    if (!exists()) {
        m_problem = refusal();
        if (!m_problem.isEmpty())
            return nullptr;
        if (!create) {
            m_problem = Text::tr("the project has no history yet; it begins with the next save");
            return nullptr;
        }
    }
    auto opened = engine::ProjectHistory::open(m_folder.toStdString());
    if (!opened) {
        m_problem = firstProblem(opened.diagnostics());
        return nullptr;
    }
    m_history = std::move(opened.value());
    return m_history.get();
}

std::optional<engine::VersionInfo> ProjectVersions::record(const QString &message, const std::string &kind, const QString &target,
                                                           bool create)
{
    engine::ProjectHistory *history = open(create);
    if (!history)
        return std::nullopt;
    auto recorded = history->record(message.toStdString(), kind, target.toStdString());
    if (!recorded) {
        m_problem = firstProblem(recorded.diagnostics());
        return std::nullopt;
    }
    return recorded.value();
}

QString versionKindLabel(const std::string &kind)
{
    if (kind == "save")
        return Text::tr("Saved");
    if (kind == "deploy")
        return Text::tr("Deployed");
    if (kind == "restore")
        return Text::tr("Restored");
    if (kind == "import")
        return Text::tr("Imported");
    return kind.empty() ? Text::tr("Other") : QString::fromStdString(kind);
}

QString versionTimeText(std::int64_t secondsSinceEpoch)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secondsSinceEpoch).toLocalTime(), QLocale::ShortFormat);
}

QString firstProblem(const engine::Diagnostics &diagnostics)
{
    return diagnostics.empty() ? Text::tr("an unknown problem") : diagnosticText(diagnostics.front());
}

QString recordSavedVersion(const QString &workflowFile, const QString &workflowName, const QString &message)
{
    ProjectVersions versions(workflowFile);
    const QString text = message.simplified().isEmpty() ? Text::tr("Saved %1").arg(workflowName) : message.simplified();
    const auto version = versions.record(text, "save", {}, true);
    if (!version) {
        QString why = versions.problem();
        while (why.endsWith('.'))
            why.chop(1);
        return Text::tr("History is off: %1.").arg(why);
    }
    return Text::tr("Version %1.").arg(QString::fromStdString(version->shortId()));
}

} // namespace studio
} // namespace flowdeck
