#pragma once

#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace flowdeck {
namespace studio {

// Installs one catalog server from npm (plugininstall.h) with `npm install`, reporting
// each package npm fetches. The install is made in a staging folder and moved into
// place only when it worked, so a failed or cancelled install leaves nothing half done.
class NpmInstaller : public QObject {
    Q_OBJECT

public:
    NpmInstaller(engine::PluginManifest manifest, std::filesystem::path dir, QObject *parent = nullptr);
    ~NpmInstaller() override;
    void start();
    void cancel();
    bool running() const { return m_process.state() != QProcess::NotRunning; }

signals:
    void progress(int fetched, qint64 elapsedMs, const QString &line);
    void finished(bool ok, const QString &message);

private:
    void readOutput();
    void done(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);

    engine::PluginManifest m_manifest;
    engine::NpmInstallPlan m_plan;
    QProcess m_process;
    QElapsedTimer m_clock;
    QByteArray m_pending;
    QStringList m_tail;  // npm's last lines, for the message when it fails
    int m_fetched = 0;
    bool m_cancelled = false;
};

} // namespace studio
} // namespace flowdeck
