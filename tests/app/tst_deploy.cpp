// The studio's Deploy dialog, offscreen on the real widgets: deploying a sample chat
// workflow to this computer starts a real local runtime and gives a working endpoint
// (called here over HTTP) and chat page (in QtWebEngine); a remote runtime that is not
// there fails with a clear message; Kubernetes writes a folder of manifests. Deploy Again
// runs the pipeline afresh; a second project deploying the same app name is asked first;
// the Deployed Apps window lists the app, makes and revokes keys and shows its runs; a key
// the provider refuses fails the smoke check's model call and keeps the live version; the
// search for local model servers ends when nothing is there.
#include "app/mainwindow.h"
#include "engine/knowledge/knowledgeingest.h"
#include "tests/support/studiohome.h"
#include "tests/support/trustedfile.h"
#include "widgets/deploy/appsdialog.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/deploy/runtimeadmin.h"
#include "widgets/settings/providerprobe.h"
#include "widgets/document/graphdocument.h"
#include "tests/support/mockllm.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QHostAddress>
#include <QTcpSocket>
#include <QThread>
#include <QTreeWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTemporaryDir>
#include <QWebEngineView>
#include <QRegularExpression>
#include <QtTest>

using namespace flowdeck::studio;

class TestDeploy : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    DeployDialog *dialog()
    {
        DeployDialog *d = m_window->openDeploy();
        d->setTarget(DeployDialog::ThisComputer);  // the dialog remembers the target an earlier test chose
        d->field("app")->setText("helpdesk");
        return d;
    }

    // What the local runtime's admin API says at `path`.
    QJsonObject admin(const QString &path)
    {
        RuntimeAdmin runtime;
        runtime.setRuntime(m_window->localRuntime()->url(), m_window->localRuntime()->adminToken());
        QJsonObject out;
        bool done = false;
        runtime.get(path, [&](RuntimeAdmin::Answer a) {
            out = a.body;
            done = true;
        });
        for (int waited = 0; !done && waited < 30000; waited += 50)
            QTest::qWait(50);
        return out;  // empty when the runtime did not answer, which fails the caller's checks
    }

    // The HTTP status of one chat completion with `key`, sent to the deployed app.
    int chat(const QString &app, const QString &key, const QByteArray &conversation = {})
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_window->localRuntime()->url() + "/v1/chat/completions"));
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QJsonObject body{{"model", app},
                         {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", "Hello"}}}}};
        if (!conversation.isEmpty())
            body["conversation_id"] = QString::fromUtf8(conversation);
        QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        if (!replied.wait(30000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // Deploys with the dialog's Deploy button; whether it went live.
    bool deployWith(DeployDialog *d)
    {
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        return finished.wait(60000) && finished.front().front().toBool();
    }

    QString m_firstKey;  // the key the first deploy of 'helpdesk' showed

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QDir().mkpath(m_home.filePath("config"));
        QFile profiles(m_home.filePath("config/profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(m_mock.profilesJson()));
        profiles.close();
        // The keyed mock profile's key is one mock-llm refuses with 401 (tests/peers/mock-llm.yaml).
        QFile secrets(m_home.filePath("config/secrets.json"));
        QVERIFY(secrets.open(QIODevice::WriteOnly));
        secrets.write(R"({"FLOWDECK_TEST_KEY": "refused-key"})");
        secrets.close();
        flowdeck::tests::useOwnHome(m_home.path(), false);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello-chat.flow.json"))));
        // The sample uses a hosted model; here it talks to mock-llm.
        auto wf = m_window->document()->workflow();
        wf.models = {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}};
        m_window->document()->reset(wf);
    }

    void cleanupTestCase()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();  // stops the local runtime
    }

    // Until something answers on the local runtime's usual port (at most 10 s), handling no
    // event: the runtime's "listening" line waits unread in its pipe.
    static void waitUntilListening()
    {
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, 18080);
            if (probe.waitForConnected(100))
                return;
            QThread::msleep(100);
        }
    }

    // First, while port 18080 is the studio's to take. The runtime prints its address while
    // nothing reads it (no events are handled), as when the studio closes just then.
    void aRuntimeStoppedWhileStartingAnswersOnlyWhoIsStillThere()
    {
        {  // stopped: whoever waits hears why, and no one hears "ready"
            LocalRuntime runtime;
            QStringList answers;
            runtime.ensureRunning([&answers](QString error) { answers << error; });
            waitUntilListening();
            runtime.stop();
            QCOMPARE(answers.size(), 1);
            QVERIFY2(answers.front().contains("stopped before it was ready"), qPrintable(answers.front()));
            QVERIFY(!runtime.running());
        }
        {  // destroyed with the windows that asked: no one is called back
            auto runtime = std::make_unique<LocalRuntime>();
            bool called = false;
            runtime->ensureRunning([&called](QString) { called = true; });
            waitUntilListening();
            runtime.reset();
            QVERIFY(!called);
        }
    }

    void deployingToThisComputerGivesAWorkingEndpoint()
    {
        DeployDialog *d = dialog();
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));
        for (int i = 0; i < d->steps()->count(); ++i)
            QCOMPARE(d->steps()->item(i)->data(Qt::UserRole).toString(), QStringLiteral("done"));
        QVERIFY(d->apiKey().startsWith("fd-"));
        QVERIFY(m_window->localRuntime()->running());
        m_firstKey = d->apiKey();
        // The smoke check asked the model, and the app records the project it came from.
        QVERIFY2(d->steps()->item(3)->text().contains("the model answered"), qPrintable(d->steps()->item(3)->text()));
        QCOMPARE(admin("apps/helpdesk")["source"].toObject()["project"].toString(), QStringLiteral("Hello chat"));

        // The endpoint answers with the key it showed.
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(d->openAiBaseUrl() + "/chat/completions"));
        request.setRawHeader("Authorization", "Bearer " + d->apiKey().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = network.post(request, QByteArray(R"({"model": "helpdesk", "messages": [{"role": "user", "content": "Hi"}]})"));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QVERIFY(replied.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        QVERIFY(!answer["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString().isEmpty());
        reply->deleteLater();

        // The chat page opens inside the studio.
        d->openChat();
        QSignalSpy loaded(d->chatView(), &QWebEngineView::loadFinished);
        QVERIFY(loaded.wait(30000));
        QVERIFY(loaded.front().front().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(d->chatView()->title().contains("Hello"), 10000);  // the app's title
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        d->grab().save(QDir(out).filePath("deploy-chat.png"));
        d->close();
    }

    void anUnreachableRuntimeFailsClearly()
    {
        DeployDialog *d = dialog();
        d->setTarget(DeployDialog::Remote);
        d->field("url")->setText("http://127.0.0.1:9");
        d->field("token")->setText("whatever");
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY2(d->message().contains("Could not reach the runtime at http://127.0.0.1:9"), qPrintable(d->message()));
        QCOMPARE(d->steps()->item(2)->data(Qt::UserRole).toString(), QStringLiteral("failed"));
        d->close();
    }

    void kubernetesWritesAFolderOfManifests()
    {
        QTemporaryDir folder;
        DeployDialog *d = dialog();
        d->setTarget(DeployDialog::Kubernetes);
        d->field("folder")->setText(folder.filePath("k8s"));
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));
        const QDir k8s(folder.filePath("k8s"));
        for (const char *file : {"kustomization.yaml", "deployment.yaml", "service.yaml", "hpa.yaml", "pvc.yaml",
                                 "app-helpdesk-bundle.yaml", "app-helpdesk-deploy-job.yaml", "README.md"})
            QVERIFY2(k8s.exists(file), file);
        QFile kustomization(k8s.filePath("kustomization.yaml"));
        QVERIFY(kustomization.open(QIODevice::ReadOnly));
        const QByteArray text = kustomization.readAll();
        QVERIFY(text.contains("app-helpdesk-bundle.yaml") && text.contains("app-helpdesk-deploy-job.yaml"));
        QVERIFY(d->message().contains("kubectl apply -k"));
        // The bundle holds secret values: only its owner may read it.
        QCOMPARE(QFile::permissions(k8s.filePath("app-helpdesk-bundle.yaml")) & 0x0077, QFileDevice::Permissions());
        QFile job(k8s.filePath("app-helpdesk-deploy-job.yaml"));
        QVERIFY(job.open(QIODevice::ReadOnly));
        QVERIFY(job.readAll().contains("'http://flowdeck-runtime/admin/v1/apps/helpdesk'"));
        d->close();
    }

    // Issue 15: "Deploy Again shows the old checks and does nothing".
    void deployAgainRunsTheWholePipelineAfresh()
    {
        DeployDialog *d = dialog();
        QVERIFY2(deployWith(d), qPrintable(d->message()));
        const int first = d->version();
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->againButton(), Qt::LeftButton);
        // The old checks are gone at once: the upload, smoke check and live steps start over.
        for (int step = 2; step < d->steps()->count(); ++step)
            QVERIFY2(d->steps()->item(step)->data(Qt::UserRole).toString() != "done", qPrintable(d->steps()->item(step)->text()));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));
        for (int i = 0; i < d->steps()->count(); ++i)
            QCOMPARE(d->steps()->item(i)->data(Qt::UserRole).toString(), QStringLiteral("done"));
        QCOMPARE(d->version(), first + 1);
        QCOMPARE(admin("apps/helpdesk")["version"].toInt(), first + 1);
        d->close();
    }

    // Issue 15: "a deploy silently replaces an app of the same name from another project".
    void anotherProjectIsAskedBeforeReplacingTheApp()
    {
        const int live = admin("apps/helpdesk")["version"].toInt();
        QTemporaryDir other;
        const QString file = other.filePath("support-bot.flow.json");
        QVERIFY(QFile::copy(QStringLiteral(FLOWDECK_SOURCE_DIR "/examples/hello-chat.flow.json"), file));
        GraphDocument doc;
        doc.setTrusted(true);
        auto wf = m_window->document()->workflow();
        wf.name = "Support bot";
        doc.reset(wf);
        DeployDialog d(&doc, m_window->runner(), m_window->localRuntime(), m_window.get());
        d.setProjectFile(file);
        d.field("app")->setText("helpdesk");
        d.show();
        QSignalSpy finished(&d, &DeployDialog::finished);
        QTest::mouseClick(d.deployButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(d.replaceQuestion() && d.replaceQuestion()->isVisible(), 30000);
        QMessageBox *question = d.replaceQuestion();
        QVERIFY2(question->text().contains("“Hello chat”") && question->text().contains("“Support bot”"), qPrintable(question->text()));
        QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
        QTest::keyClick(question, Qt::Key_Escape);  // may answer at once, before a wait would begin
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY2(d.message().contains("Nothing was deployed"), qPrintable(d.message()));
        // The first project's app goes on serving, unchanged.
        const QJsonObject app = admin("apps/helpdesk");
        QCOMPARE(app["version"].toInt(), live);
        QCOMPARE(app["source"].toObject()["project"].toString(), QStringLiteral("Hello chat"));
        QCOMPARE(chat("helpdesk", m_firstKey), 200);

        // "Deploy as a new app name" offers a free name, and that deploys without a question.
        finished.clear();
        QTest::mouseClick(d.deployButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(d.replaceQuestion() && d.replaceQuestion()->isVisible(), 30000);
        QTest::mouseClick(d.replaceQuestion()->findChild<QPushButton *>("newName"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(d.field("app")->text(), QStringLiteral("helpdesk-2"));
        QVERIFY2(deployWith(&d), qPrintable(d.message()));
        QCOMPARE(admin("apps/helpdesk-2")["source"].toObject()["project"].toString(), QStringLiteral("Support bot"));
        QCOMPARE(admin("apps/helpdesk")["version"].toInt(), live);
    }

    void theDeployedAppsWindowManagesKeysAndShowsRuns()
    {
        const int live = admin("apps/helpdesk")["version"].toInt();
        auto *action = m_window->findChild<QAction *>("deployedApps");
        QVERIFY(action);
        action->trigger();
        auto *apps = m_window->findChild<AppsDialog *>();
        QVERIFY(apps);
        QTRY_VERIFY_WITH_TIMEOUT(!apps->apps()->findItems("helpdesk", Qt::MatchExactly).isEmpty(), 30000);
        apps->selectApp("helpdesk");
        QTreeWidgetItem *row = apps->apps()->findItems("helpdesk", Qt::MatchExactly).front();
        QCOMPARE(row->text(1), QString::number(live));
        QCOMPARE(row->text(3), QStringLiteral("Hello chat"));
        QVERIFY2(apps->overview()->text().contains("/apps/helpdesk/chat"), qPrintable(apps->overview()->text()));

        // A new key is shown once and opens the app.
        QSignalSpy keysLoaded(apps, &AppsDialog::keysLoaded);
        QTest::keyClicks(apps->keyName(), "website");
        QTest::mouseClick(apps->createKeyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(apps->newKey()->text().startsWith("fd-"), 30000);
        const QString key = apps->newKey()->text();
        QTRY_VERIFY_WITH_TIMEOUT(!apps->keys()->findItems("website", Qt::MatchExactly).isEmpty(), 30000);
        QTreeWidgetItem *keyRow = apps->keys()->findItems("website", Qt::MatchExactly).front();
        QCOMPARE(keyRow->text(1), key.left(7) + "…");
        QCOMPARE(keyRow->text(3), QStringLiteral("active"));
        QCOMPARE(chat("helpdesk", key, "conv-website-1"), 200);

        // Revoking asks first (Cancel is the default), then the key no longer opens the app.
        apps->keys()->setCurrentItem(keyRow);
        QTest::mouseClick(apps->revokeButton(), Qt::LeftButton);
        QTRY_VERIFY(apps->revokeQuestion() && apps->revokeQuestion()->isVisible());
        QCOMPARE(apps->revokeQuestion()->defaultButton(), apps->revokeQuestion()->button(QMessageBox::Cancel));
        keysLoaded.clear();
        QTest::mouseClick(apps->revokeQuestion()->findChild<QPushButton *>("revoke"), Qt::LeftButton);
        QVERIFY(keysLoaded.wait(30000));
        QVERIFY(apps->keys()->findItems("website", Qt::MatchExactly).front()->text(3).startsWith("revoked"));
        QCOMPARE(chat("helpdesk", key), 401);
        QCOMPARE(chat("helpdesk", m_firstKey), 200);

        // The run made with the key is in the recent runs, with its token usage
        // and its conversation. The history is written a few times a second: look again until it is there.
        auto runWithConversation = [apps] {
            for (int i = 0; i < apps->runs()->topLevelItemCount(); ++i)
                if (apps->runs()->topLevelItem(i)->text(3) == "conv-website-1")
                    return apps->runs()->topLevelItem(i);
            return static_cast<QTreeWidgetItem *>(nullptr);
        };
        QSignalSpy runsLoaded(apps, &AppsDialog::runsLoaded);
        QApplication::setActiveWindow(apps);  // F5 is the window's shortcut; the revoke question had the focus
        QVERIFY(QTest::qWaitForWindowActive(apps));
        for (int attempt = 0; attempt < 20 && !runWithConversation(); ++attempt) {
            runsLoaded.clear();
            QTest::keyClick(apps, Qt::Key_F5);
            QVERIFY(runsLoaded.wait(30000));
        }
        QTreeWidgetItem *run = runWithConversation();
        QVERIFY(run);
        QCOMPARE(run->text(1), QStringLiteral("succeeded"));
        // Tokens in + out (mock-llm streams no usage, so the figures themselves are not checked here).
        QVERIFY2(QRegularExpression("^\\d+ \\+ \\d+$").match(run->text(4)).hasMatch(), qPrintable(run->text(4)));
        QVERIFY(!apps->conversations()->findItems("conv-website-1", Qt::MatchExactly).isEmpty());
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        apps->grab().save(QDir(out).filePath("deployed-apps.png"));
        apps->close();
    }

    // Issue 15: "the smoke check passes a key that does not work".
    void aRefusedKeyFailsTheSmokeCheckAndKeepsTheLiveVersion()
    {
        const int live = admin("apps/helpdesk")["version"].toInt();
        const auto before = m_window->document()->workflow();
        auto wf = before;
        wf.models = {{"default", {{"profile", "mock-keyed"}, {"model", "mock-model"}}}};
        m_window->document()->reset(wf);
        DeployDialog *d = dialog();
        QVERIFY(!d->skipModelCheck()->isChecked());
        QVERIFY(!deployWith(d));
        QVERIFY2(d->steps()->item(3)->data(Qt::UserRole).toString() == "failed", qPrintable(d->message()));
        QVERIFY2(d->message().contains("Incorrect API key provided") && d->message().contains("401") &&
                     d->message().contains("goes on serving"),
                 qPrintable(d->message()));
        QCOMPARE(admin("apps/helpdesk")["version"].toInt(), live);
        QCOMPARE(chat("helpdesk", m_firstKey), 200);

        // Skipping the model check is the user's choice: then the key is not tried.
        d->skipModelCheck()->setChecked(true);
        const bool deployed = deployWith(d);
        d->skipModelCheck()->setChecked(false);
        m_window->document()->reset(before);
        QVERIFY2(deployed, qPrintable(d->message()));
        QVERIFY(d->steps()->item(3)->text().contains("model check skipped"));
        QCOMPARE(admin("apps/helpdesk")["version"].toInt(), d->version());
        d->close();
    }

    // Issue 16: a workflow that searches a knowledge base deploys its base with it, and
    // the deployed app answers from it with citations.
    void aKnowledgeBaseGoesWithTheApp()
    {
        QTemporaryDir project;
        const std::filesystem::path base = project.filePath("knowledge/policies").toStdString();
        QVERIFY(flowdeck::engine::KnowledgeIngest::create(base, {}).ok());
        QFile doc(project.filePath("leave.md"));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        doc.write("# Annual leave\n\nEvery employee has 15 days of paid annual leave.\n");
        doc.close();
        QCOMPARE(flowdeck::engine::KnowledgeIngest::addFiles(base, {doc.fileName().toStdString()}, {})->indexed, 1);
        const QString flow = project.filePath("policies.flow.json");
        QFile file(flow);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "flowdeck.workflow", "formatVersion": 1, "id": "policies", "name": "Policies", "mode": "chat",
          "models": {"default": {"kind": "chat", "profile": "mock", "model": "mock-model"}},
          "nodes": [{"id": "start", "type": "start", "position": [0, 0]},
                    {"id": "kb", "type": "knowledge", "position": [200, 0], "config": {"query": "{{sys.query}}", "bases": ["policies"], "mode": "keyword"}},
                    {"id": "llm", "type": "llm", "position": [400, 0], "config": {"prompt": "{{kb.text}}\n\n{{sys.query}}", "sources": "{{kb.citations}}"}},
                    {"id": "answer", "type": "answer", "position": [600, 0], "config": {"text": "{{llm.text}}"}}],
          "edges": [{"from": "start", "to": "kb"}, {"from": "kb", "to": "llm"}, {"from": "llm", "to": "answer"}]})");
        file.close();
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(flow)));
        DeployDialog *d = m_window->openDeploy();
        d->setTarget(DeployDialog::ThisComputer);
        d->field("app")->setText("policies");
        QVERIFY(d->skipModelCheck());
        d->skipModelCheck()->setChecked(true);
        const bool deployed = deployWith(d);
        QVERIFY2(deployed, qPrintable(d->message()));
        QVERIFY2(d->steps()->item(1)->text().contains("knowledge base"), qPrintable(d->steps()->item(1)->text()));
        const QString key = d->apiKey();
        d->close();

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_window->localRuntime()->url() + "/v1/chat/completions"));
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = network.post(request, QByteArray(R"({"model": "policies", "messages": [{"role": "user", "content": "annual leave days"}]})"));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QVERIFY(replied.wait(30000));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        QVERIFY2(answer["citations"].toArray().size() == 1, body.constData());
        QCOMPARE(answer["citations"].toArray()[0].toObject()["document"].toString(), QStringLiteral("leave.md"));
        QVERIFY(answer["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString().contains("Sources:\n[1] leave.md"));
        m_window->document()->undoStack()->setClean();
    }

    // Issue 15: "Looking for Ollama and LM Studio… never finishes".
    void theSearchForLocalModelServersEnds()
    {
        for (int port : {11434, 1234}) {
            QTcpSocket socket;
            socket.connectToHost("127.0.0.1", port);
            if (socket.waitForConnected(500))
                QSKIP("A local model server is running here; this test needs none.");
        }
        ProviderProbe probe(m_window->runner());
        QSignalSpy found(&probe, &ProviderProbe::localServerFound);
        QSignalSpy finished(&probe, &ProviderProbe::localSearchFinished);
        probe.detectLocalServers();
        QVERIFY(probe.searching());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toInt(), 0);
        QVERIFY(found.isEmpty());
        QVERIFY(!probe.searching());
    }
};

QTEST_MAIN(TestDeploy)
#include "tst_deploy.moc"
