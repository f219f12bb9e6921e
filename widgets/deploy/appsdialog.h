#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace flowdeck {
namespace studio {

class LocalRuntime;
class RuntimeAdmin;

// Run → Deployed Apps: the apps on a runtime (this computer's, or a remote one by URL and
// admin token) with their live version, deploy time and source project; each app's API
// keys (create — shown once, with Copy — and revoke, after a question); its recent runs
// with status, time and token usage, and its conversations. Every call is asynchronous.
class AppsDialog : public QDialog {
    Q_OBJECT

public:
    enum Runtime { ThisComputer, Remote };
    AppsDialog(LocalRuntime *local, QWidget *parent = nullptr);
    // The window for `parent` (made the first time), shown and refreshed.
    static AppsDialog *showFor(LocalRuntime *local, QWidget *parent);

    void setRuntime(Runtime runtime, const QString &url = {}, const QString &token = {});
    void refresh();          // the list of apps, then the selected app's keys and runs
    void selectApp(const QString &name);
    QString currentApp() const;

    QTreeWidget *apps() const { return m_apps; }
    QTreeWidget *keys() const { return m_keys; }
    QTreeWidget *runs() const { return m_runs; }
    QTreeWidget *conversations() const { return m_conversations; }
    QLineEdit *keyName() const { return m_keyName; }
    QLineEdit *newKey() const { return m_newKey; }
    QPushButton *createKeyButton() const { return m_create; }
    QPushButton *revokeButton() const { return m_revoke; }
    QMessageBox *revokeQuestion() const;
    QLabel *overview() const { return m_overview; }
    QString status() const;
    QPushButton *openRunButton() const { return m_openRun; }
    // Asks which run of the selected app to open in the studio (the selected run's id
    // filled in), fetches it and emits runOpened.
    void openRun();

signals:
    void appsLoaded();
    void keysLoaded();
    void runsLoaded();
    // A run fetched for *Open Run in Studio*: the runtime's answer to
    // GET /admin/v1/apps/{app}/runs/{runId} as JSON text.
    void runOpened(const QString &app, const QString &runId, const QString &answerJson);

private:
    void connectAndList();
    void listApps();
    void showApp();
    void listKeys();
    void listRuns();
    void createKey();
    void askToRevoke();
    void revoke(const QString &id);
    void setStatus(const QString &text, bool error = false);
    QWidget *keysPage();
    QWidget *runsPage();

    LocalRuntime *m_local;
    RuntimeAdmin *m_admin;
    QButtonGroup *m_runtime;
    QLineEdit *m_url, *m_token;
    QTreeWidget *m_apps, *m_keys, *m_runs, *m_conversations;
    QTabWidget *m_tabs;
    QLabel *m_overview, *m_status, *m_keyNote;
    QLineEdit *m_keyName, *m_newKey;
    QPushButton *m_create, *m_revoke, *m_copy, *m_openRun;
    QPointer<QMessageBox> m_revokeQuestion;
    QHash<QString, QJsonObject> m_described;  // app -> what the runtime says of it
    int m_generation = 0;                     // answers for an earlier runtime or app are ignored
};

} // namespace studio
} // namespace flowdeck
