#pragma once

#include "widgets/deploy/knowledgeupload.h"

#include <QDialog>
#include <QTemporaryDir>
#include <QVector>
#include <QJsonObject>
#include <QPointer>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QMessageBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QWebEngineView;

namespace flowdeck {
namespace studio {

class GraphDocument;
class LiveChanges;
class LocalRuntime;
class RunController;
class RuntimeAdmin;

// Deploy: validate -> bundle -> upload -> smoke check -> live, shown as steps with
// progress and a clear message on any failure. Targets: this computer (the studio's own
// runtime, no set-up), a remote runtime (URL and admin token) or Kubernetes (a folder of
// manifests). The result shows the endpoints, the API key once, curl and OpenAI-SDK
// snippets, and the app's chat page in a web view.
class DeployDialog : public QDialog {
    Q_OBJECT

public:
    enum Target { ThisComputer, Remote, Kubernetes };
    DeployDialog(GraphDocument *doc, RunController *runner, LocalRuntime *local, QWidget *parent = nullptr);

    void setTarget(Target target);
    // The workflow file being deployed: the app records it, and a deploy that would replace
    // an app that came from another file asks first.
    void setProjectFile(const QString &path) { m_projectFile = path; }
    QCheckBox *skipModelCheck() const { return m_skipModelCheck; }
    QPushButton *againButton() const { return m_again; }
    // The question asked before replacing another project's app, while it is open.
    QMessageBox *replaceQuestion() const;
    int version() const { return m_version; }
    QLineEdit *field(const QString &name) const;  // app, url, token, folder
    QPushButton *deployButton() const { return m_deploy; }
    QListWidget *steps() const { return m_steps; }
    QString message() const;
    QString apiKey() const { return m_apiKey; }
    QString chatUrl() const { return m_chatUrl; }
    QString openAiBaseUrl() const { return m_baseUrl + "/v1"; }
    QWebEngineView *chatView() const { return m_chatView; }
    // "Changes since the live version" (widgets/history), checked when the dialog shows.
    LiveChanges *liveChanges() const { return m_changes; }
    // The project version the last deploy was recorded as (its commit id), or empty.
    QString deployedVersion() const { return m_deployedVersion; }
    void deploy();
    void openChat();

signals:
    void finished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum Step { Validate, Bundle, Upload, SmokeCheck, Live };
    void setStep(int step, const QString &state, const QString &detail = {});  // running, done, failed
    void fail(int step, const QString &message);
    void upload(const QByteArray &bundle);
    // Asks before replacing an app deployed from another project; `proceed` when it is free or ours.
    void checkOwner(std::function<void()> proceed);
    void askToReplace(const QJsonObject &theirs, std::function<void()> proceed);
    void suggestNewName();
    void stopWithout(const QString &message);  // nothing deployed, by the user's choice
    void put(const QByteArray &bundle);
    void uploadKnowledgeThen(const QByteArray &bundle);
    QJsonObject source() const;  // {"project", "path", "host"}
    QString targetText() const;  // where it goes, for the project's history
    void checkLiveVersion();
    void createKey();
    void showResult();
    Target target() const;

    QPointer<GraphDocument> m_doc;  // the main window's; gone first when it closes
    QVector<PackedBase> m_bases;  // packed knowledge bases to upload before the bundle
    QTemporaryDir m_packFolder;
    RunController *m_runner;
    LocalRuntime *m_local;
    QNetworkAccessManager *m_network;
    QStackedWidget *m_pages;
    QButtonGroup *m_targets;
    QLineEdit *m_app, *m_url, *m_token, *m_folder;
    QCheckBox *m_public;
    QCheckBox *m_skipModelCheck;
    QPushButton *m_again;
    QPointer<QMessageBox> m_replaceQuestion;
    RuntimeAdmin *m_admin;
    QString m_projectFile;
    QListWidget *m_steps;
    QProgressBar *m_progress;
    QLabel *m_message;
    QPushButton *m_deploy;
    QLabel *m_endpoints;
    QLineEdit *m_keyField;
    QPlainTextEdit *m_snippets;
    QWebEngineView *m_chatView = nullptr;
    LiveChanges *m_changes;
    QString m_deployedVersion;
    QString m_baseUrl, m_adminToken, m_appName, m_apiKey, m_chatUrl;
    int m_version = 0;
    bool m_busy = false;
};

} // namespace studio
} // namespace flowdeck
