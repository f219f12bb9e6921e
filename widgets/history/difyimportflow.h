#pragma once

#include <QPointer>
#include <QString>

class QWidget;

namespace flowdeck::engine {
class PluginCatalog;
}

namespace flowdeck {
namespace studio {

class ImportReportDialog;
class KeyStore;
class RunController;

// File → Import → Dify App…: asks for the Dify DSL file (*.yml, *.yaml) and where the new
// project goes (the projects folder by default: an empty folder chosen is the project's,
// any other gets a new folder named after the app), imports it (engine/import/difyimport.h),
// writes the project, gives its secrets to the runs and the keychain (never to the file),
// records the import as the project's first version, and makes the report dialog (a child
// of `parent`, not shown yet). Failures are told to the user, naming the file and line.
struct ImportedDifyApp {
    QString workflowFile;                  // empty: cancelled or failed
    QPointer<ImportReportDialog> report;   // show it once the project is open
};

ImportedDifyApp importDifyApp(QWidget *parent, RunController *runner, KeyStore *keys, const engine::PluginCatalog &catalog);

} // namespace studio
} // namespace flowdeck
