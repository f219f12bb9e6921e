// The deployed app's chat page in a real browser engine (QtWebEngine, offscreen): the
// page loads from a real `flowdeck serve`, takes the API key from the address, sends a
// message and shows the streamed answer rendered as markdown.
#include "tests/support/mockllm.h"
#include "tests/support/webpage.h"
#include "tests/support/serveprocess.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using flowdeck::tests::evaluate;
using flowdeck::tests::MockLlm;
using flowdeck::tests::ServeProcess;
using json = nlohmann::json;

class TestChatPage : public QObject {
    Q_OBJECT

    MockLlm m_mock;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QVERIFY2(QFile::exists(FLOWDECK_SOURCE_DIR "/resources/chat/dist/chat.html"),
                 "the chat page is not built: run scripts/setup.sh (npm ci && npm run build in web/chat)");
    }

    void sendsAMessageAndShowsTheStreamedAnswer()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({"--web-dir", FLOWDECK_SOURCE_DIR "/resources/chat/dist"}, &error), qPrintable(error));
        const json profiles = json::parse(m_mock.profilesJson())["profiles"];
        const json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "assistant"}, {"name", "Shop assistant"},
                         {"description", "Answers questions about the shop."}, {"mode", "chat"},
                         {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
                         {"nodes", {{{"id", "start"}, {"type", "start"}},
                                    {{"id", "llm"}, {"type", "llm"}, {"config", {{"prompt", "{{sys.query}}"}}}},
                                    {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "**Answer:** {{llm.text}}"}}}}}},
                         {"edges", {{{"from", "start"}, {"to", "llm"}}, {{"from", "llm"}, {"to", "answer"}}}}};
        const auto deployed = serve.deploy("assistant", {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", wf},
                                                         {"profiles", {{"mock", profiles["mock"]}}}});
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve.createKey("assistant");

        QWebEngineView view;
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(view.page(), &QWebEnginePage::loadFinished);
        view.load(QUrl(QString::fromStdString(serve.url("/apps/assistant/chat#key=" + key))));
        QVERIFY(loaded.wait(30000));
        QVERIFY(loaded.front().front().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(view.page(), "document.title").toString().contains("Shop assistant"), true, 10000);
        QCOMPARE(evaluate(view.page(), "location.hash").toString(), QString());  // the key left the address bar

        evaluate(view.page(), "window.flowdeckChat.send('Hello from the browser')");
        const QString done = "(() => { const m = document.querySelector('.msg.assistant[data-done=\"true\"]');"
                             " return m ? m.innerText : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), done).isNull(), 30000);
        const QString answer = evaluate(view.page(), done).toString();
        QVERIFY2(answer.startsWith("Answer:") && answer.size() > 8, qPrintable(answer));
        QVERIFY(evaluate(view.page(), "document.querySelector('.msg.assistant strong') !== null").toBool());  // markdown
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.msg.assistant[data-error=\"true\"]').length").toInt(), 0);
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QTest::qWait(200);
        view.grab().save(QDir(out).filePath("chat-page.png"));

        // Without a key the page asks for one.
        QWebEngineView anonymous;
        anonymous.show();
        QSignalSpy loaded2(anonymous.page(), &QWebEnginePage::loadFinished);
        anonymous.load(QUrl(QString::fromStdString(serve.url("/apps/assistant/chat"))));
        QVERIFY(loaded2.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(anonymous.page(), "document.body.innerText").toString().contains("API key"), 10000);
    }
};

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
