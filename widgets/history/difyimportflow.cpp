#include "widgets/history/difyimportflow.h"

#include "engine/import/difyimport.h"
#include "engine/templates/solutiontemplate.h"
#include "widgets/document/localized.h"
#include "widgets/gallery/gallerybridge.h"
#include "widgets/history/importreportdialog.h"
#include "widgets/history/projectversions.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/keystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace flowdeck {
namespace studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(DifyImportFlow)
};

constexpr qint64 kMaxDslBytes = 32 * 1024 * 1024;  // larger than any app export seen; bounds what is read

QString problemLines(const engine::Diagnostics &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics) {
        QString line = diagnosticText(d);
        if (d.line > 0 && !line.contains(QString::number(d.line)))
            line += Text::tr(" (line %1, column %2)").arg(d.line).arg(d.column);
        lines << line;
    }
    return lines.join('\n');
}

void refuse(QWidget *parent, const QString &file, const QString &why)
{
    QMessageBox::warning(parent, Text::tr("Cannot Import"), Text::tr("%1 could not be imported:\n\n%2").arg(QDir::toNativeSeparators(file), why));
}

// Where the project goes: an empty folder made for it as it is; the projects folder, or any
// folder with files, gets a new folder named after the app.
QString projectFolderIn(const QString &chosen, const QString &projects, const std::string &appId)
{
    const QDir dir(chosen);
    if (QDir::cleanPath(dir.absolutePath()) != QDir::cleanPath(QDir(projects).absolutePath()) &&
        dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return dir.absolutePath();
    return QString::fromStdString(engine::freeProjectDirectory(chosen.toStdString(), appId).string());
}

} // namespace

ImportedDifyApp importDifyApp(QWidget *parent, RunController *runner, KeyStore *keys, const engine::PluginCatalog &catalog)
{
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(parent, Text::tr("Import a Dify App"),
                                                      settings.value("difyImportFolder", QDir::homePath()).toString(),
                                                      Text::tr("Dify DSL files (*.yml *.yaml);;All files (*)"));
    if (file.isEmpty())
        return {};
    settings.setValue("difyImportFolder", QFileInfo(file).absolutePath());
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return refuse(parent, file, in.errorString()), ImportedDifyApp{};
    if (in.size() > kMaxDslBytes)
        return refuse(parent, file, Text::tr("The file is larger than %1 MB, more than any Dify app export.").arg(kMaxDslBytes >> 20)),
               ImportedDifyApp{};
    engine::DifyImportOptions options;
    options.catalog = &catalog;
    auto imported = engine::importDify(in.readAll().toStdString(), options);
    if (!imported)
        return refuse(parent, file, problemLines(imported.diagnostics())), ImportedDifyApp{};
    const engine::DifyImport &import = imported.value();

    const QString projects = GalleryBridge::projectsFolder();
    QDir().mkpath(projects);
    const QString chosen = QFileDialog::getExistingDirectory(parent, Text::tr("Folder for the Imported Project"), projects);
    if (chosen.isEmpty())
        return {};
    const QString folder = projectFolderIn(chosen, projects, import.workflow.id);
    auto written = engine::writeImportedProject(folder.toStdString(), import);
    if (!written)
        return refuse(parent, file, problemLines(written.diagnostics())), ImportedDifyApp{};
    const QString workflowFile = QString::fromStdString(written.value().string());

    // The credentials found in the file: to the runs now, to the keychain for next time.
    ImportedDifyApp out{workflowFile, nullptr};
    for (const auto &secret : import.secrets)
        runner->setSecret(QString::fromStdString(secret.name), QString::fromStdString(secret.value));

    ProjectVersions versions(workflowFile);
    const auto version = versions.record(Text::tr("Imported from Dify: %1").arg(QFileInfo(file).fileName()), "import", {}, true);
    QString history = version ? Text::tr("Kept as version %1 of the project's history.").arg(QString::fromStdString(version->shortId()))
                              : Text::tr("History is off: %1").arg(versions.problem());
    for (const auto &d : written.diagnostics())
        history += "\n" + diagnosticText(d);
    out.report = new ImportReportDialog(import, file, workflowFile, history, parent);
    for (const auto &secret : import.secrets) {
        const QString name = QString::fromStdString(secret.name);
        keys->save(name, QString::fromStdString(secret.value), [report = out.report, name](bool ok, QString warning) {
            if (report && !ok)
                report->addSecretWarning(Text::tr("%1 could not be kept in the keychain (%2); runs have it until Flowdeck quits.")
                                             .arg(name, warning));
        });
    }
    return out;
}

} // namespace studio
} // namespace flowdeck
