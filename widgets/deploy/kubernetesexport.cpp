#include "widgets/deploy/kubernetesexport.h"

#include "engine/core/installpaths.h"
#include "engine/deploy/appname.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace flowdeck {
namespace studio {

namespace {

// `secret`: readable by the owner only (the bundle holds the app's secret values).
bool writeText(const QString &path, const QByteArray &text, QString *error, bool secret = false)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        (secret && !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) ||
        f.write(text) != text.size() || !f.commit()) {
        *error = QCoreApplication::translate("KubernetesExport", "Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// YAML block scalar lines, indented.
QByteArray indented(const QByteArray &text, int spaces)
{
    QByteArray out;
    const QByteArray pad(spaces, ' ');
    for (const QByteArray &line : text.split('\n'))
        out += pad + line + '\n';
    return out;
}

} // namespace

QString kubernetesManifestsDir()
{
    return QString::fromStdString(engine::resourceDir(engine::Resource::Kubernetes).string());
}

QStringList writeKubernetesFolder(const QString &folder, const QString &app, const QByteArray &bundle, QString *error)
{
    if (!engine::isValidAppName(app.toStdString())) {
        *error = QCoreApplication::translate("KubernetesExport",
                                             "The app name '%1' is not valid: use 1 to 64 letters, digits, '.', '_' "
                                             "and '-', beginning with a letter or digit.")
                     .arg(app);
        return {};
    }
    const QDir source(kubernetesManifestsDir());
    if (!source.exists("kustomization.yaml")) {
        *error = QCoreApplication::translate("KubernetesExport", "The runtime's Kubernetes manifests were not found in %1.")
                     .arg(source.path());
        return {};
    }
    if (!QDir().mkpath(folder)) {
        *error = QCoreApplication::translate("KubernetesExport", "Could not create the folder %1.").arg(folder);
        return {};
    }
    const QDir out(folder);
    QStringList written;
    for (const QString &name : source.entryList({"*.yaml"}, QDir::Files)) {
        QFile in(source.filePath(name));
        if (!in.open(QIODevice::ReadOnly) || !writeText(out.filePath(name), in.readAll(), error))
            return {};
        written << name;
    }
    const QString slug = QString::fromStdString(engine::kubernetesNameOf(app.toStdString()));
    const QString bundleFile = "app-" + slug + "-bundle.yaml", jobFile = "app-" + slug + "-deploy-job.yaml";
    const QByteArray bundleYaml = "# The deploy bundle of '" + app.toUtf8() +
                                  "' (its workflow, profiles, plugins and secret values): a Secret.\n"
                                  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-" + slug.toUtf8() +
                                  "-bundle\ntype: Opaque\nstringData:\n  bundle.json: |\n" + indented(bundle, 4);
    const QByteArray job =
        "# Uploads the bundle to the runtime's admin API once the runtime answers, then ends.\n"
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: deploy-" + slug.toUtf8() + "\nspec:\n  backoffLimit: 10\n"
        "  ttlSecondsAfterFinished: 3600\n  template:\n    spec:\n      restartPolicy: OnFailure\n"
        "      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n        seccompProfile:\n          type: RuntimeDefault\n"
        "      containers:\n        - name: deploy\n          image: flowdeck-runtime:0.1.0\n"
        "          command: [\"sh\", \"-c\"]\n          args:\n            - >-\n"
        "              curl -sf --retry 30 --retry-all-errors --retry-delay 5 -X PUT\n"
        "              -H \"Authorization: Bearer $FLOWDECK_ADMIN_TOKEN\" -H \"Content-Type: application/json\"\n"
        "              --data-binary @/bundle/bundle.json\n"
        "              'http://flowdeck-runtime/admin/v1/apps/" + app.toUtf8() + "'\n"
        "          env:\n            - name: FLOWDECK_ADMIN_TOKEN\n              valueFrom:\n                secretKeyRef:\n"
        "                  name: flowdeck-secrets\n                  key: admin-token\n"
        "          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [\"ALL\"]\n"
        "          volumeMounts:\n            - name: bundle\n              mountPath: /bundle\n              readOnly: true\n"
        "      volumes:\n        - name: bundle\n          secret:\n            secretName: app-" + slug.toUtf8() + "-bundle\n";
    if (!writeText(out.filePath(bundleFile), bundleYaml, error, true) || !writeText(out.filePath(jobFile), job, error))
        return {};
    // The kustomization lists the app's two files too.
    QFile k(out.filePath("kustomization.yaml"));
    if (!k.open(QIODevice::ReadOnly)) {
        *error = k.errorString();
        return {};
    }
    QByteArray kustomization = k.readAll();
    k.close();
    kustomization.replace("resources:\n", "resources:\n  - " + bundleFile.toUtf8() + "\n  - " + jobFile.toUtf8() + "\n");
    if (!writeText(out.filePath("kustomization.yaml"), kustomization, error))
        return {};
    const QByteArray readme =
        "# " + app.toUtf8() + " on Kubernetes\n\n"
        "Written by the Flowdeck studio. The bundle Secret holds the app's secret values: keep this folder private.\n\n"
        "```sh\n"
        "kubectl create namespace flowdeck\n"
        "kubectl -n flowdeck create secret generic flowdeck-secrets \\\n"
        "  --from-literal=admin-token=\"$(openssl rand -hex 32)\" \\\n"
        "  --from-literal=secret-key=\"$(openssl rand -base64 32)\"\n"
        "kubectl apply -k .\n"
        "kubectl -n flowdeck wait --for=condition=complete job/deploy-" + slug.toUtf8() + " --timeout=10m\n"
        "kubectl -n flowdeck port-forward service/flowdeck-runtime 8080:80\n"
        "```\n\n"
        "Then the app answers at http://127.0.0.1:8080/v1/chat/completions (model \"" + app.toUtf8() +
        "\") and its chat page is http://127.0.0.1:8080/apps/" + app.toUtf8() + "/chat. Create an API key with\n"
        "`curl -X POST -H \"Authorization: Bearer <admin-token>\" http://127.0.0.1:8080/admin/v1/apps/" + app.toUtf8() +
        "/keys`.\nSee docs/deploying.md for ingress, TLS, scaling and backups.\n";
    if (!writeText(out.filePath("README.md"), readme, error))
        return {};
    written << bundleFile << jobFile << "README.md";
    return written;
}

} // namespace studio
} // namespace flowdeck
