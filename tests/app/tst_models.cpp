// Models as a first-class choice, offscreen on the real main window: a project made
// from a template bound to DeepSeek is switched, in the Models section of *Before You
// Run*, to a MaaS-style profile (the user's own "maas" profile on the real mock-llm,
// key variable MAAS_API_KEY, the only key set); the switch is one undo step that undo
// and redo take back and forth; the checklist follows it at once; then Deploy to this
// computer goes live with only that key and the deployed endpoint answers.
#include "app/mainwindow.h"
#include "engine/model/providerprofile.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/solutiontemplate.h"
#include "tests/support/studiohome.h"
#include "tests/support/mockllm.h"
#include "tests/support/trustedfile.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/document/graphdocument.h"
#include "widgets/gallery/projectchecklist.h"
#include "widgets/panels/runconsole.h"
#include "widgets/settings/modelspanel.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace flowdeck::studio;
using json = nlohmann::json;

class TestModels : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    std::string boundProfile() const { return m_window->document()->workflow().models["default"].value("profile", ""); }

    // Picks `profile` in a provider combo as a user does with the keyboard: focus, arrow keys.
    static void choose(QComboBox *box, const QString &profile)
    {
        const int target = box->findData(profile);
        QVERIFY2(target >= 0, qPrintable(profile));
        box->setFocus();
        while (box->currentIndex() != target) {
            const int before = box->currentIndex();
            QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
            if (box->currentIndex() == before || !box->isVisible())
                break;  // the combo was rebuilt by the choice (a new one replaced it)
        }
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error, QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/app/walkthrough-mock-llm.yaml")),
                 qPrintable(error));
        // The user's MaaS profile: the preset's name and key variable, the mock's address.
        QDir().mkpath(m_home.filePath("config"));
        QFile profiles(m_home.filePath("config/profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString(
            json{{"profiles",
                  {{"maas",
                    {{"title", "Huawei Cloud MaaS"},
                     {"baseUrl", m_mock.baseUrl()},
                     {"defaultModel", "DeepSeek-V3"},
                     {"apiKeySecret", "MAAS_API_KEY"},
                     {"needsKey", true}}}}}}
                .dump()));
        profiles.close();
        qputenv("MAAS_API_KEY", "maas-test-key");  // the only key there is
        qunsetenv("DEEPSEEK_API_KEY");
        flowdeck::tests::useOwnHome(m_home.path(), true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (!m_window)
            return;
        m_window->document()->undoStack()->setClean();
        m_window.reset();  // stops the local runtime
    }

    void aTemplateBoundToDeepSeekIsSwitchedToMaasAndDeployed()
    {
        // The project as `flowdeck new sales-analysis --profile deepseek` makes it.
        const auto library = flowdeck::engine::loadTemplateLibrary(flowdeck::engine::defaultTemplatesDirectory(),
                                                                   flowdeck::engine::NodeRegistry::builtin());
        const auto *tmpl = library.find("sales-analysis");
        QVERIFY(tmpl);
        const flowdeck::engine::ProfileStore presets;
        auto made = flowdeck::engine::instantiateTemplate(*tmpl, m_home.filePath("Flowdeck/sales").toStdString(),
                                                          presets.find("deepseek"));
        QVERIFY(made.ok());
        QVERIFY(m_window->openProject(flowdeck::tests::trusted(QString::fromStdString(made.value().string())),
                                      QStringLiteral("sales-analysis")));
        QCOMPARE(boundProfile(), std::string("deepseek"));

        // Before You Run says what is missing: the DeepSeek key.
        ProjectChecklist *checklist = m_window->checklist();
        QTRY_VERIFY_WITH_TIMEOUT(checklist->isVisible(), 5000);
        QVERIFY(checklist->button("key:deepseek"));
        QVERIFY(checklist->missingCount() >= 1);
        // Run refuses with the provider's words before calling anything.
        ModelsPanel *models = checklist->models();
        QVERIFY(models->isVisible());
        QComboBox *provider = models->providerBox("default");
        QVERIFY(provider);
        QCOMPARE(provider->currentData().toString(), QStringLiteral("deepseek"));
        // The providers are offered by friendly name, MaaS first, with a "key set" mark.
        QCOMPARE(provider->itemData(0).toString(), QStringLiteral("maas"));
        QVERIFY2(provider->itemText(0).contains("Huawei Cloud MaaS") && provider->itemText(0).contains("key set"),
                 qPrintable(provider->itemText(0)));
        QVERIFY(provider->itemText(provider->findData("deepseek")).contains("no key yet"));

        // Switch to MaaS: one undoable step, and the checklist follows at once.
        const int steps = m_window->document()->undoStack()->count();
        choose(provider, QStringLiteral("maas"));
        QCOMPARE(boundProfile(), std::string("maas"));
        QCOMPARE(QString::fromStdString(m_window->document()->workflow().models["default"].value("model", "")), QStringLiteral("DeepSeek-V3"));
        QCOMPARE(m_window->document()->undoStack()->count(), steps + 1);
        QCOMPARE(checklist->missingCount(), 0);
        QVERIFY(!checklist->button("key:deepseek"));
        QVERIFY2(checklist->stateText("key:maas").contains("set"), qPrintable(checklist->stateText("key:maas")));
        QCOMPARE(models->providerBox("default")->currentData().toString(), QStringLiteral("maas"));
        // The run console's provider box shows the same binding.
        QCOMPARE(m_window->console()->profileBox()->currentData().toString(), QStringLiteral("maas"));

        // A model id typed in the model box is its own step too.
        QComboBox *model = models->modelBox("default");
        QVERIFY(model && model->isEditable());
        QVERIFY(model->findText("DeepSeek-R1") >= 0);  // the preset's suggestions

        m_window->document()->undoStack()->undo();
        QCOMPARE(boundProfile(), std::string("deepseek"));
        QCOMPARE(models->providerBox("default")->currentData().toString(), QStringLiteral("deepseek"));
        QVERIFY(checklist->button("key:deepseek"));
        QVERIFY(checklist->missingCount() >= 1);
        m_window->document()->undoStack()->redo();
        QCOMPARE(boundProfile(), std::string("maas"));
        QCOMPARE(checklist->missingCount(), 0);

        // Deploy to this computer with only MAAS_API_KEY set.
        DeployDialog *d = m_window->openDeploy();
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(90000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(d->openAiBaseUrl() + "/chat/completions"));
        request.setRawHeader("Authorization", "Bearer " + d->apiKey().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = network.post(
            request, QByteArray(R"({"model": ")" + d->field("app")->text().toUtf8() +
                                R"(", "messages": [{"role": "user", "content": "How did sales go?"}]})"));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QVERIFY(replied.wait(60000));
        const QByteArray body = reply->readAll();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QString answer = QJsonDocument::fromJson(body)
                                   .object()["choices"]
                                   .toArray()[0]
                                   .toObject()["message"]
                                   .toObject()["content"]
                                   .toString();
        QVERIFY2(answer.contains("## Summary"), body.constData());
        reply->deleteLater();
        d->close();
    }

    void anUnboundModelIsNotRunAndSaysWhereToChoose()
    {
        auto wf = m_window->document()->workflow();
        wf.models = {{"default", {{"kind", "chat"}}}};
        m_window->document()->reset(wf);
        QComboBox *provider = m_window->checklist()->models()->providerBox("default");
        QVERIFY(provider);
        QVERIFY(provider->currentData().toString().isEmpty());
        QVERIFY(m_window->checklist()->stateText("model:default").isEmpty());
        QVERIFY(m_window->checklist()->button("model:default"));
        RunConsole *console = m_window->console();
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(console->answerView()->toPlainText().contains("Choose a provider for model “default”"), 5000);
        // Choosing one in the run console's box binds it, for runs and deploys alike.
        choose(console->profileBox(), QStringLiteral("maas"));
        QCOMPARE(boundProfile(), std::string("maas"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
