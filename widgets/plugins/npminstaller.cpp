#include "widgets/plugins/npminstaller.h"

#include <QDir>
#include <QStandardPaths>

namespace flowdeck {
namespace studio {

NpmInstaller::NpmInstaller(engine::PluginManifest manifest, std::filesystem::path dir, QObject *parent)
    : QObject(parent), m_manifest(std::move(manifest)), m_plan(engine::npmInstallPlan(m_manifest, dir))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, &NpmInstaller::readOutput);
    connect(&m_process, &QProcess::finished, this, &NpmInstaller::done);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(tr("npm could not be started: %1").arg(m_process.errorString()));
    });
}

NpmInstaller::~NpmInstaller()
{
    if (running()) {
        m_cancelled = true;
        m_process.disconnect(this);  // waiting reads its output: no one is told, they may be gone
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

void NpmInstaller::start()
{
    if (m_plan.package.empty())
        return fail(tr("%1 is not installed from npm; there is nothing to install.").arg(QString::fromStdString(m_manifest.name)));
    const QString npm = QStandardPaths::findExecutable("npm");
    if (npm.isEmpty())
        return fail(tr("npm was not found. Install Node.js and npm (on Debian: sudo apt install nodejs npm), then try again."));
    QDir(QString::fromStdString(m_plan.staging.string())).removeRecursively();
    if (!QDir().mkpath(QString::fromStdString(m_plan.staging.string())))
        return fail(tr("Could not create the folder %1.").arg(QString::fromStdString(m_plan.staging.string())));
    QStringList args;
    for (const auto &a : m_plan.npmArgs)
        args << QString::fromStdString(a);
    m_fetched = 0;
    m_cancelled = false;
    m_tail.clear();
    m_clock.start();
    emit progress(0, 0, tr("npm install %1").arg(QString::fromStdString(m_plan.package)));
    m_process.start(npm, args);
}

void NpmInstaller::cancel()
{
    if (!running())
        return;
    m_cancelled = true;
    m_process.kill();
}

void NpmInstaller::readOutput()
{
    m_pending += m_process.readAll();
    int at;
    while ((at = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(at)).trimmed();
        m_pending.remove(0, at + 1);
        if (line.isEmpty())
            continue;
        if (line.contains("http fetch"))  // "npm http fetch GET 200 https://registry.npmjs.org/... 35ms (cache hit)"
            ++m_fetched;
        m_tail << line;
        if (m_tail.size() > 12)
            m_tail.removeFirst();
        emit progress(m_fetched, m_clock.elapsed(), line);
    }
}

void NpmInstaller::done(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    const QString staging = QString::fromStdString(m_plan.staging.string());
    if (m_cancelled) {
        QDir(staging).removeRecursively();
        return emit finished(false, tr("The installation was cancelled; nothing was changed."));
    }
    if (status != QProcess::NormalExit || exitCode != 0) {
        QDir(staging).removeRecursively();
        QStringList errors = m_tail.filter("ERR");
        return emit finished(false, tr("npm could not install %1 (exit code %2):\n%3")
                                        .arg(QString::fromStdString(m_plan.package))
                                        .arg(exitCode)
                                        .arg((errors.isEmpty() ? m_tail : errors).join('\n')));
    }
    std::string error;
    if (!engine::finishNpmInstall(m_manifest, m_plan, error)) {
        QDir(staging).removeRecursively();
        return emit finished(false, QString::fromStdString(error));
    }
    emit finished(true, tr("Installed %1 (%n package(s) fetched, %2 s).", nullptr, m_fetched)
                            .arg(QString::fromStdString(m_plan.package))
                            .arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
}

void NpmInstaller::fail(const QString &message)
{
    // Reported after start() returns, as a real run would be.
    QMetaObject::invokeMethod(this, [this, message] { emit finished(false, message); }, Qt::QueuedConnection);
}

} // namespace studio
} // namespace flowdeck
