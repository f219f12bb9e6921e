#pragma once

#include <QString>
#include <QStringList>

namespace flowdeck {
namespace studio {

// "Deploy to Kubernetes": writes a folder that `kubectl apply -k` turns into a running
// app — the runtime's manifests (Deployment with probes, Service, HPA, volume), the
// app's bundle as a Secret, and a Job that uploads it to the runtime's admin API once the
// runtime answers — plus a README with the commands. Returns the files written, or
// nothing with `error`.
QStringList writeKubernetesFolder(const QString &folder, const QString &app, const QByteArray &bundle, QString *error);

// Where the runtime's manifests are: $FLOWDECK_KUBERNETES_DIR, <prefix>/share/flowdeck/kubernetes,
// else installer/kubernetes of this build's sources.
QString kubernetesManifestsDir();

} // namespace studio
} // namespace flowdeck
