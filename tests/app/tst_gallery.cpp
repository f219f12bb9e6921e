// The template gallery (the studio's start page, QtWebEngine + QWebChannel), offscreen
// on the real widgets, as a new user meets it: the gallery lists every template,
// search finds them in English and Chinese, a card opens its detail (README, graph,
// needs), "Use this template" makes a project folder and opens it on the canvas with
// its checklist; then the walkthrough goes on: Run with the sample question (the
// answer's chart is drawn in the run console), Deploy to this computer, and the
// endpoint answers. The user actions and the time taken are printed.
// Screenshots of the gallery in English and Chinese go to build/screenshots/.
#include "engine/nodes/noderegistry.h"
#include "engine/templates/solutiontemplate.h"
#include "app/mainwindow.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/document/graphdocument.h"
#include "widgets/gallery/gallerybridge.h"
#include "widgets/gallery/gallerywindow.h"
#include "widgets/gallery/projectchecklist.h"
#include "widgets/panels/answercharts.h"
#include "widgets/panels/runconsole.h"
#include "tests/support/studiohome.h"
#include "tests/support/mockllm.h"
#include "tests/support/webpage.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QTextBrowser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using namespace flowdeck::studio;

namespace {

// Runs JavaScript in a view's page and waits for its result.
QVariant js(QWebEngineView *view, const QString &script) { return flowdeck::tests::evaluate(view->page(), script); }

void saveShot(QWidget *widget, const QString &name)
{
    const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
    QDir().mkpath(out);
    QVERIFY(widget->grab().save(QDir(out).filePath(name)));
}

} // namespace

class TestGallery : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;
    int m_templateCount = 0;

    GalleryWindow *gallery() { return m_window->gallery(); }
    QWebEngineView *page() { return gallery()->view(); }

    void waitReady(QWebEngineView *view)
    {
        QTRY_VERIFY_WITH_TIMEOUT(js(view, "document.body && document.body.dataset.ready === 'true'").toBool(), 30000);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error, QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/app/walkthrough-mock-llm.yaml")),
                 qPrintable(error));
        // "A model key is set": a MaaS-style profile (Huawei Cloud MaaS's name, key variable and
        // model) whose address is the mock model, and its key; no other provider has one.
        QDir().mkpath(m_home.filePath("config"));
        QFile profiles(m_home.filePath("config/profiles.json"));
        QVERIFY(profiles.open(QIODevice::WriteOnly));
        profiles.write(QByteArray::fromStdString("{\"profiles\":{\"maas\":{\"title\":\"Huawei Cloud MaaS\",\"baseUrl\":\"" +
                                                 m_mock.baseUrl() + "\",\"defaultModel\":\"DeepSeek-V3\","
                                                 "\"apiKeySecret\":\"MAAS_API_KEY\",\"needsKey\":true}}}"));
        profiles.close();
        qputenv("MAAS_API_KEY", "maas-test-key");
        for (const char *other : {"DEEPSEEK_API_KEY", "DASHSCOPE_API_KEY", "QIANFAN_API_KEY", "ZHIPUAI_API_KEY",
                                  "MOONSHOT_API_KEY", "OPENAI_API_KEY"})
            qunsetenv(other);
        flowdeck::tests::useOwnHome(m_home.path(), true);
        const auto library = flowdeck::engine::loadTemplateLibrary(flowdeck::engine::defaultTemplatesDirectory(),
                                                                   flowdeck::engine::NodeRegistry::builtin());
        QVERIFY2(library.problems.empty(), library.problems.empty() ? "" : library.problems.front().message.c_str());
        m_templateCount = static_cast<int>(library.templates.size());
        QVERIFY(m_templateCount >= 15);
        m_window = std::make_unique<MainWindow>();
    }

    void cleanupTestCase()
    {
        if (!m_window)
            return;
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void theGalleryListsEveryTemplateAndSearchesInBothLanguages()
    {
        QElapsedTimer shown;
        shown.start();
        m_window->showGallery();  // what the studio does at start-up without a file
        QVERIFY(QTest::qWaitForWindowExposed(gallery()));
        QVERIFY(!m_window->isVisible());
        waitReady(page());
        qInfo("gallery ready %lld ms after it was asked for", static_cast<long long>(shown.elapsed()));
        QCOMPARE(js(page(), "document.querySelectorAll('.card').length").toInt(), m_templateCount);
        // Each card has a graph preview with one box per node of its workflow.
        QVERIFY(js(page(), "document.querySelector('[data-template=\"sales-analysis\"] svg .node') !== null").toBool());
        QCOMPARE(js(page(), "document.querySelectorAll('[data-template=\"sales-analysis\"] svg g.node').length").toInt(), 8);
        saveShot(gallery(), "gallery-en.png");

        // Typing in the search box (real key events) narrows the cards.
        js(page(), "document.getElementById('search').focus()");
        QTest::keyClicks(page()->focusProxy(), "orders chart");
        QTRY_COMPARE_WITH_TIMEOUT(js(page(), "document.getElementById('search').value").toString(), QStringLiteral("orders chart"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(js(page(), "[...document.querySelectorAll('.card')].map(c => c.dataset.template).join(',')").toString(),
                                  QStringLiteral("sales-analysis"), 5000);
        // Chinese words find it too, though the interface is in English.
        js(page(), "flowdeckGallery.search('销售 图表')");
        QCOMPARE(js(page(), "[...document.querySelectorAll('.card')].map(c => c.dataset.template).join(',')").toString(),
                 QStringLiteral("sales-analysis"));
        js(page(), "flowdeckGallery.search('no such thing at all')");
        QVERIFY(js(page(), "!document.getElementById('empty').hidden").toBool());
        js(page(), "flowdeckGallery.search('')");
        // A category narrows the list; All brings everything back.
        js(page(), "document.querySelector('[data-category=\"data\"]').click()");
        QVERIFY(js(page(), "[...document.querySelectorAll('.card')].length").toInt() < m_templateCount || m_templateCount == 1);
        js(page(), "document.querySelector('[data-category=\"all\"]').click()");
        QCOMPARE(js(page(), "document.querySelectorAll('.card').length").toInt(), m_templateCount);
    }

    void aCardOpensItsDetail()
    {
        js(page(), "document.querySelector('[data-template=\"sales-analysis\"]').click()");
        QVERIFY(js(page(), "!document.getElementById('detail').hidden").toBool());
        QCOMPARE(js(page(), "document.getElementById('detail-title').textContent").toString(), QStringLiteral("Sales data analysis"));
        QVERIFY(js(page(), "document.getElementById('detail-readme').textContent").toString().contains("How it works"));
        QVERIFY(js(page(), "document.querySelector('#detail-needs [data-plugin=\"tables\"]').textContent").toString().contains("built in"));
        QCOMPARE(js(page(), "document.querySelectorAll('#detail-graph g.node').length").toInt(), 8);
        saveShot(gallery(), "gallery-detail-en.png");
        QTest::keyClick(page()->focusProxy(), Qt::Key_Escape);  // back to the gallery
        QTRY_VERIFY_WITH_TIMEOUT(js(page(), "document.getElementById('detail').hidden").toBool(), 5000);
    }

    void theWalkthroughFromTheGalleryToADeployedEndpoint()
    {
        QElapsedTimer clock;
        clock.start();
        int actions = 0;

        // Action 1: "Use this template" on the Sales data analysis card.
        ++actions;
        js(page(), "document.querySelector('[data-use=\"sales-analysis\"]').click()");
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isVisible(), 10000);
        QVERIFY(!gallery()->isVisible());
        const QString file = m_window->filePath();
        QVERIFY2(file.startsWith(m_home.filePath("Flowdeck/sales-analysis")), qPrintable(file));
        QVERIFY(QFileInfo::exists(QFileInfo(file).dir().filePath("orders.csv")));
        QCOMPARE(m_window->document()->workflow().nodes.size(), std::size_t(8));
        // The template names a kind of model; the project is bound to the provider with a key.
        const nlohmann::json &models = m_window->document()->workflow().models;
        QCOMPARE(QString::fromStdString(models["default"].value("profile", "")), QStringLiteral("maas"));
        QCOMPARE(QString::fromStdString(models["default"].value("model", "")), QStringLiteral("DeepSeek-V3"));
        // The sample question is ready and the checklist says everything is there.
        RunConsole *console = m_window->console();
        QVERIFY(!console->inputField("query")->text().isEmpty());
        ProjectChecklist *checklist = m_window->checklist();
        QVERIFY(checklist->isVisible());
        QVERIFY2(checklist->stateText("plugin:tables").contains("built in"), qPrintable(checklist->stateText("plugin:tables")));
        QTRY_COMPARE_WITH_TIMEOUT(checklist->missingCount(), 0, 5000);

        // Action 2: Run.
        ++actions;
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(console->lastStatus() == "succeeded", qPrintable(console->answerView()->toPlainText()));
        QVERIFY(console->answerView()->toPlainText().contains("Summary"));
        // The ```chart block is drawn as a chart below the text.
        QCOMPARE(console->chartView()->charts().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(console->chartView()->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(js(console->chartView()->view(), "document.body && document.body.dataset.charts || ''").toString(), QStringLiteral("1"), 30000);
        QVERIFY(js(console->chartView()->view(), "document.querySelector('.chart canvas') !== null").toBool());
        saveShot(m_window.get(), "walkthrough-run.png");

        // Actions 3 and 4: Deploy…, then Deploy (to this computer, the default).
        actions += 2;
        DeployDialog *d = m_window->openDeploy();
        QSignalSpy deployed(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(deployed.wait(90000));
        QVERIFY2(deployed.front().front().toBool(), qPrintable(d->message()));

        // The endpoint answers, with the figures' chart in the answer.
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(d->openAiBaseUrl() + "/chat/completions"));
        request.setRawHeader("Authorization", "Bearer " + d->apiKey().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = network.post(request, QByteArray(R"({"model": "sales-analysis", "messages": [{"role": "user", "content": "How did sales go?"}]})"));
        QSignalSpy replied(reply, &QNetworkReply::finished);
        QVERIFY(replied.wait(60000));
        const QByteArray body = reply->readAll();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QString answer = QJsonDocument::fromJson(body).object()["choices"].toArray()[0].toObject()["message"].toObject()["content"].toString();
        QVERIFY2(answer.contains("## Summary") && answer.contains("```chart"), qPrintable(answer));
        reply->deleteLater();
        d->close();
        qInfo("WALKTHROUGH: %d user actions in the studio after the start command, %.1f s from \"Use this template\" to the endpoint's answer",
              actions, clock.elapsed() / 1000.0);
    }

    void theChecklistOffersToSetKeysAndInstallPlugins()
    {
        // A fresh plugin folder: the memory server is not installed yet.
        QTemporaryDir plugins;
        qputenv("FLOWDECK_PLUGIN_DIR", plugins.path().toUtf8());
        QVERIFY(gallery()->bridge()->useTemplate("memory-assistant"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->filePath().contains("memory-assistant"), 10000);
        ProjectChecklist *checklist = m_window->checklist();
        QPushButton *install = checklist->button("plugin:memory");
        QVERIFY(install);
        QTRY_VERIFY_WITH_TIMEOUT(install->isVisible(), 5000);  // rows added to a shown panel appear on the next turn of the loop
        QCOMPARE(checklist->missingCount(), 1);
        QTest::mouseClick(install, Qt::LeftButton);  // the pinned npm package, with progress
        QTRY_VERIFY_WITH_TIMEOUT(checklist->stateText("plugin:memory").contains("installed"), 180000);
        QVERIFY(!install->isVisible());
        QCOMPARE(checklist->missingCount(), 0);
        QVERIFY(QDir(plugins.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).join(",").contains("memory@"));

        // The tourism guide needs an AMap key: Set… keeps it out of the workflow.
        QVERIFY(gallery()->bridge()->useTemplate("cultural-tourism-guide"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->filePath().contains("cultural-tourism-guide"), 10000);
        QPushButton *set = checklist->button("secret:AMAP_MAPS_API_KEY");
        QVERIFY(set);
        QTRY_VERIFY_WITH_TIMEOUT(set->isVisible(), 5000);
        QTimer::singleShot(200, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue("amap-test-key");
            dialog->accept();
        });
        QTest::mouseClick(set, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(checklist->stateText("secret:AMAP_MAPS_API_KEY").contains("set"), 5000);
        QFile secrets(m_home.filePath("config/secrets.json"));  // no keychain here: the 0600 file
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        QVERIFY(secrets.readAll().contains("amap-test-key"));
        QFile flow(m_window->filePath());
        QVERIFY(flow.open(QIODevice::ReadOnly));
        QVERIFY(!flow.readAll().contains("amap-test-key"));
        qunsetenv("FLOWDECK_PLUGIN_DIR");
    }

    void theGalleryInChinese()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        GalleryWindow zh;
        zh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&zh));
        waitReady(zh.view());
        QCOMPARE(js(zh.view(), "document.getElementById('heading').textContent").toString(), QStringLiteral("从解决方案开始"));
        QVERIFY(js(zh.view(), "[...document.querySelectorAll('.card h2')].map(h => h.textContent).join()").toString().contains("销售数据分析"));
        // The new project shows up under the recent projects.
        QVERIFY(js(zh.view(), "document.getElementById('recent').textContent").toString().contains("sales-analysis"));
        saveShot(&zh, "gallery-zh.png");
        QLocale::setDefault(QLocale(QLocale::English));
    }
};

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"
