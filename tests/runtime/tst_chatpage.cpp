// The deployed app's chat page in a real browser engine (QtWebEngine, offscreen): the
// page loads from a real `flowdeck serve`, takes the API key from the address, sends a
// message and shows the streamed answer rendered as markdown; a chat app's opening
// (greeting and suggested questions) is shown as text and its suggestions send themselves.
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgepack.h"
#include "tests/support/mockllm.h"
#include "tests/support/webpage.h"
#include "tests/support/serveprocess.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using flowdeck::tests::evaluate;
using flowdeck::tests::MockLlm;
using flowdeck::tests::ServeProcess;
using json = nlohmann::json;

namespace {

// A chat app that answers with what the mock LLM says (it echoes "mock: <message>").
json echoChatApp(const std::string &id, const std::string &name)
{
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", name}, {"mode", "chat"},
            {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}},
                       {{"id", "llm"}, {"type", "llm"}, {"config", {{"prompt", "{{sys.query}}"}}}},
                       {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{llm.text}}"}}}}}},
            {"edges", {{{"from", "start"}, {"to", "llm"}}, {{"from", "llm"}, {"to", "answer"}}}}};
}

// Clicks the element `selector` finds with the mouse, as a person would (scrolled into view first).
bool clickElement(QWebEngineView &view, const QString &selector)
{
    const QVariant box = evaluate(view.page(), "(() => { const e = document.querySelector(" + selector + ");"
                                               " if (!e) return null; e.scrollIntoView({block: 'center'});"
                                               " const r = e.getBoundingClientRect();"
                                               " return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })()");
    const QVariantList at = box.toList();
    if (at.size() != 2)
        return false;
    const double zoom = view.zoomFactor();
    const QPoint point(qRound(at[0].toDouble() * zoom), qRound(at[1].toDouble() * zoom));
    QWidget *target = view.focusProxy() ? view.focusProxy() : &view;
    QTest::mouseMove(target, point);
    QTest::mouseClick(target, Qt::LeftButton, {}, point);
    return true;
}

} // namespace

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
        // The visible label of generated content under the answer (on unless the app's guard policy turns it off).
        QCOMPARE(evaluate(view.page(), "document.querySelector('.msg.assistant[data-done=\"true\"] .msg-ai-label').textContent")
                     .toString(),
                 QStringLiteral("AI-generated"));
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

    // Issue 16: an answer from a knowledge base shows its sources as links that open the passage.
    void showsTheSourcesOfAnAnswer()
    {
        QTemporaryDir data, project;
        const std::filesystem::path base = project.filePath("knowledge/policies").toStdString();
        QVERIFY(flowdeck::engine::KnowledgeIngest::create(base, {}).ok());
        QFile doc(project.filePath("leave.md"));
        QVERIFY(doc.open(QIODevice::WriteOnly));
        doc.write("# Annual leave\n\nEvery employee has 15 days of paid annual leave a year.\n");
        doc.close();
        QCOMPARE(flowdeck::engine::KnowledgeIngest::addFiles(base, {doc.fileName().toStdString()}, {})->indexed, 1);
        auto packed = flowdeck::engine::packKnowledgeBase(base, project.filePath("pack").toStdString());
        QVERIFY(packed.ok());
        QFile packedFile(QString::fromStdString(packed->file.string()));
        QVERIFY(packedFile.open(QIODevice::ReadOnly));
        const std::string bytes = packedFile.readAll().toStdString();

        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({"--web-dir", FLOWDECK_SOURCE_DIR "/resources/chat/dist"}, &error), qPrintable(error));
        const std::string upload = "/admin/v1/knowledge/" + packed->sha256;
        QCOMPARE(serve.request("PUT", upload + "/parts/0", bytes, serve.adminToken()).status, 200L);
        QCOMPARE(serve.request("POST", upload + "/complete", R"({"parts": 1})", serve.adminToken()).status, 200L);
        const json profiles = json::parse(m_mock.profilesJson())["profiles"];
        const json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "policies"}, {"name", "Policies"},
                         {"mode", "chat"}, {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
                         {"nodes", {{{"id", "start"}, {"type", "start"}},
                                    {{"id", "kb"}, {"type", "knowledge"},
                                     {"config", {{"query", "{{sys.query}}"}, {"bases", {"policies"}}, {"mode", "keyword"}}}},
                                    {{"id", "llm"}, {"type", "llm"},
                                     {"config", {{"prompt", "{{kb.text}} {{sys.query}}"}, {"sources", "{{kb.citations}}"}}}},
                                    {{"id", "answer"}, {"type", "answer"}, {"config", {{"text", "{{llm.text}}"}}}}}},
                         {"edges", {{{"from", "start"}, {"to", "kb"}}, {{"from", "kb"}, {"to", "llm"}}, {{"from", "llm"}, {"to", "answer"}}}}};
        const auto deployed = serve.deploy(
            "policies", {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", wf}, {"profiles", {{"mock", profiles["mock"]}}},
                         {"knowledge", {{"policies", {{"sha256", packed->sha256}, {"bytes", packed->bytes}, {"settings", packed->settings}}}}}});
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve.createKey("policies");

        QWebEngineView view;
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(view.page(), &QWebEnginePage::loadFinished);
        view.load(QUrl(QString::fromStdString(serve.url("/apps/policies/chat#key=" + key))));
        QVERIFY(loaded.wait(30000));
        evaluate(view.page(), "window.flowdeckChat.send('How many days of annual leave?')");
        const QString link = "(() => { const a = document.querySelector('.msg.assistant[data-done=\"true\"] .source-link');"
                             " return a ? a.textContent : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), link).isNull(), 30000);
        QVERIFY2(evaluate(view.page(), link).toString().startsWith("[1] leave.md"), qPrintable(evaluate(view.page(), link).toString()));
        // The plain list the llm node appended is not shown twice.
        QVERIFY(!evaluate(view.page(), "document.querySelector('.msg.assistant .msg-body, .msg.assistant').innerText").toString()
                     .contains("Sources:\n[1]"));
        evaluate(view.page(), "document.querySelector('.source-link').click()");
        const QString passage = "(() => { const p = document.querySelector('.source-passage .source-text'); return p ? p.textContent : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), passage).isNull(), 10000);
        QVERIFY(evaluate(view.page(), passage).toString().contains("15 days of paid annual leave"));
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QTest::qWait(200);
        view.grab().save(QDir(out).filePath("chat-page-sources.png"));
    }

    // A chat app's opening: /chat/info gives it to those who may see the app, the page
    // shows the text as the first message and the suggestions as buttons that send
    // themselves (a click, or Enter on the focused one) and go once the conversation
    // starts; "New chat" brings them back. A workflow app has none.
    void showsTheOpeningAndSendsASuggestion()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({"--web-dir", FLOWDECK_SOURCE_DIR "/resources/chat/dist"}, &error), qPrintable(error));
        const json profiles = json::parse(m_mock.profilesJson())["profiles"];
        const std::string text = "Hello! I can help with orders.\nAsk me anything.";
        const std::vector<std::string> suggestions = {"Where is my order?", "Return an item"};
        json wf = echoChatApp("orders", "Order desk");
        wf["opening"] = {{"text", text}, {"suggestions", suggestions}};
        const auto deployed = serve.deploy("orders", {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", wf},
                                                      {"profiles", {{"mock", profiles["mock"]}}}});
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve.createKey("orders");

        const auto info = serve.request("GET", "/apps/orders/chat/info", {}, key);
        QCOMPARE(info.status, 200L);
        QCOMPARE(info.json().value("opening", json()), json({{"text", text}, {"suggestions", suggestions}}));
        const auto locked = serve.request("GET", "/apps/orders/chat/info");  // no key: only that one is needed
        QCOMPARE(locked.status, 200L);
        QVERIFY2(!locked.json().contains("opening") && locked.json().value("needsKey", false), locked.body.c_str());

        QWebEngineView view;
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(view.page(), &QWebEnginePage::loadFinished);
        view.load(QUrl(QString::fromStdString(serve.url("/apps/orders/chat#key=" + key))));
        QVERIFY(loaded.wait(30000));
        const QString greeting = "(() => { const m = document.querySelector('#messages > .msg.assistant.opening');"
                                 " return m ? m.innerText : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), greeting).isNull(), 10000);
        QCOMPARE(evaluate(view.page(), greeting).toString(), QString::fromStdString(text));
        const QString buttons = "Array.from(document.querySelectorAll('.suggestions button'), b => b.textContent)";
        QCOMPARE(evaluate(view.page(), buttons).toStringList(), QStringList({"Where is my order?", "Return an item"}));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.msg.user').length").toInt(), 0);
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QTest::qWait(200);
        view.grab().save(QDir(out).filePath("chat-page-opening.png"));

        // A click sends the suggestion as the user's message; the answer comes, the buttons go.
        QVERIFY(clickElement(view, "'.suggestions button'"));
        const QString user = "(() => { const m = document.querySelector('.msg.user'); return m ? m.innerText : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), user).isNull(), 10000);
        QCOMPARE(evaluate(view.page(), user).toString(), QStringLiteral("Where is my order?"));
        const QString done = "(() => { const m = document.querySelector('.msg.assistant[data-done=\"true\"]');"
                             " return m ? m.querySelector('.body').innerText : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), done).isNull(), 30000);
        QCOMPARE(evaluate(view.page(), done).toString(), QStringLiteral("mock: Where is my order?"));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.suggestions, .suggestions button').length").toInt(), 0);
        QCOMPARE(evaluate(view.page(), greeting).toString(), QString::fromStdString(text));  // still the first message
        QCOMPARE(evaluate(view.page(), "document.querySelector('#messages').firstElementChild.classList.contains('opening')")
                     .toBool(), true);

        // "New chat" shows the buttons again; Enter on the focused second one sends it.
        QVERIFY(clickElement(view, "'#new-chat'"));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(view.page(), buttons).toStringList(), QStringList({"Where is my order?", "Return an item"}),
                                  10000);
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.msg.user, .msg.assistant:not(.opening)').length").toInt(), 0);
        QCOMPARE(evaluate(view.page(), greeting).toString(), QString::fromStdString(text));
        view.setFocus();
        QVERIFY(evaluate(view.page(), "(() => { const b = document.querySelectorAll('.suggestions button')[1]; b.focus();"
                                      " return document.activeElement === b; })()").toBool());
        QTest::keyClick(view.focusProxy(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(view.page(), user).toString(), QStringLiteral("Return an item"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), done).isNull(), 30000);
        QCOMPARE(evaluate(view.page(), done).toString(), QStringLiteral("mock: Return an item"));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.suggestions button').length").toInt(), 0);
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.msg.user').length").toInt(), 1);

        // A workflow app has no opening, even when its file holds one.
        json flow = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "echo"}, {"name", "Echo"}, {"mode", "workflow"},
                     {"inputs", {{{"name", "text"}, {"required", true}}}},
                     {"opening", {{"text", text}, {"suggestions", suggestions}}},
                     {"nodes", {{{"id", "start"}, {"type", "start"}},
                                {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"text", "{{start.text}}"}}}}}}}},
                     {"edges", {{{"from", "start"}, {"to", "end"}}}}};
        const auto flowDeployed = serve.deploy("echo", {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", flow}});
        QVERIFY2(flowDeployed.status == 200, flowDeployed.body.c_str());
        const auto flowInfo = serve.request("GET", "/apps/echo/chat/info", {}, serve.adminToken());
        QCOMPARE(flowInfo.status, 200L);
        QCOMPARE(flowInfo.json().value("mode", ""), std::string("workflow"));
        QVERIFY2(!flowInfo.json().contains("opening"), flowInfo.body.c_str());
    }

    // The opening is the author's plain text: markup in it is shown, never run or drawn.
    void showsTheOpeningAsText()
    {
        QTemporaryDir data;
        ServeProcess serve(data.path());
        QString error;
        QVERIFY2(serve.start({"--web-dir", FLOWDECK_SOURCE_DIR "/resources/chat/dist"}, &error), qPrintable(error));
        const json profiles = json::parse(m_mock.profilesJson())["profiles"];
        const std::string text = "Hi <img src=x onerror=\"window.fdInjected = true\"> **not bold** <b>nor this</b>";
        const std::string suggestion = "<img src=x onerror=\"window.fdInjected = true\">";
        json wf = echoChatApp("markup", "Markup");
        wf["opening"] = {{"text", text}, {"suggestions", {suggestion}}};
        const auto deployed = serve.deploy("markup", {{"format", "flowdeck.bundle"}, {"formatVersion", 1}, {"workflow", wf},
                                                      {"profiles", {{"mock", profiles["mock"]}}}});
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        const std::string key = serve.createKey("markup");

        QWebEngineView view;
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(view.page(), &QWebEnginePage::loadFinished);
        view.load(QUrl(QString::fromStdString(serve.url("/apps/markup/chat#key=" + key))));
        QVERIFY(loaded.wait(30000));
        const QString greeting = "(() => { const m = document.querySelector('.msg.assistant.opening');"
                                 " return m ? m.textContent : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), greeting).isNull(), 10000);
        QCOMPARE(evaluate(view.page(), greeting).toString(), QString::fromStdString(text));
        QCOMPARE(evaluate(view.page(), "document.querySelector('.suggestions button').textContent").toString(),
                 QString::fromStdString(suggestion));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.opening *:not(.body), .suggestions button *').length").toInt(), 0);
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('img').length").toInt(), 0);
        QCOMPARE(evaluate(view.page(), "window.fdInjected === undefined").toBool(), true);

        // Sent as written, too: the user's bubble shows the text and the model gets it.
        QVERIFY(clickElement(view, "'.suggestions button'"));
        const QString done = "(() => { const m = document.querySelector('.msg.assistant[data-done=\"true\"]');"
                             " return m ? m.querySelector('.body').textContent : null; })()";
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), done).isNull(), 30000);
        QCOMPARE(evaluate(view.page(), "document.querySelector('.msg.user').textContent").toString(), QString::fromStdString(suggestion));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('img').length").toInt(), 0);
    }
};

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
