// The studio's Deploy dialog, offscreen on the real widgets: deploying a sample chat
// workflow to this computer starts a real local runtime and gives a working endpoint
// (called here over HTTP) and chat page (in QtWebEngine); a remote runtime that is not
// there fails with a clear message; Kubernetes writes a folder of manifests.
#include "app/mainwindow.h"
#include "tests/support/trustedfile.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/document/graphdocument.h"
#include "tests/support/mockllm.h"

#include <QApplication>
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
        d->field("app")->setText("helpdesk");
        return d;
    }

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
        qputenv("FLOWDECK_CONFIG_DIR", m_home.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());  // the local runtime's folder
        qputenv("XDG_CONFIG_HOME", m_home.filePath("xdg").toUtf8());
        qputenv("FLOWDECK_NO_KEYCHAIN", "1");
        qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
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
};

QTEST_MAIN(TestDeploy)
#include "tst_deploy.moc"
