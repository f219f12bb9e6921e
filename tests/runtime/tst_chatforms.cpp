// The deployed chat page with human input, files and conversation variables, in a real
// browser engine (QtWebEngine, offscreen) against a real `flowdeck serve`: the answer
// pauses and the page shows the form; a wrong answer is said in the form; the right one
// continues the answer below; a file chosen for the app's file input is read by the
// app; a conversation's variables last from one message to the next.
#include "tests/support/sampleapps.h"
#include "tests/support/serveprocess.h"
#include "tests/support/webpage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using flowdeck::tests::evaluate;
using flowdeck::tests::ServeProcess;
using flowdeck::tests::workflowEdge;
using flowdeck::tests::workflowNode;
using json = nlohmann::json;

namespace {

json chatApp(const std::string &id, json fields)
{
    json wf = {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", id}, {"mode", "chat"}};
    wf.update(fields);
    return flowdeck::tests::deployBundle(wf, {{"settings", {{"public", true}}}});
}

// The text of the last finished answer, or null.
const QString kLastAnswer = "(() => { const all = document.querySelectorAll('.msg.assistant[data-done=\"true\"]');"
                            " return all.length ? all[all.length - 1].innerText : null; })()";

void screenshot(QWebEngineView &view, const QString &name)
{
    const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
    QDir().mkpath(out);
    QTest::qWait(200);
    view.grab().save(QDir(out).filePath(name));
}

} // namespace

class TestChatForms : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    std::unique_ptr<ServeProcess> m_serve;

    void open(QWebEngineView &view, const std::string &app)
    {
        view.resize(900, 800);
        view.show();
        QSignalSpy loaded(view.page(), &QWebEnginePage::loadFinished);
        view.load(QUrl(QString::fromStdString(m_serve->url("/apps/" + app + "/chat"))));
        QVERIFY(loaded.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), "document.title").toString() == QString::fromStdString(app), 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(FLOWDECK_SOURCE_DIR "/resources/chat/dist/chat.html"),
                 "the chat page is not built: npm ci && npm run build in resources/chat");
        m_serve = std::make_unique<ServeProcess>(m_data.path());
        QString error;
        QVERIFY2(m_serve->start({"--web-dir", FLOWDECK_SOURCE_DIR "/resources/chat/dist"}, &error), qPrintable(error));
    }

    void theFormIsShownAndItsAnswerContinuesTheReply()
    {
        const json app = chatApp(
            "refunds", {{"nodes", {workflowNode("start", "start"), workflowNode("first", "answer", {{"text", "Checking the refund for {{sys.query}}."}}),
                                   workflowNode("ask", "human", {{"text", "Refund **{{sys.query}}**?"},
                                                         {"fields", {{{"name", "amount"}, {"type", "number"}, {"label", "Amount"},
                                                                      {"required", true}}}},
                                                         {"actions", {{{"id", "yes"}, {"label", "Refund"}, {"style", "primary"}},
                                                                      {{"id", "no"}, {"label", "Decline"}, {"style", "danger"}}}}}),
                                   workflowNode("done", "answer", {{"text", " Refunded {{ask.amount}} for {{sys.query}}."}}),
                                   workflowNode("nope", "answer", {{"text", " Declined."}})}},
                        {"edges", {workflowEdge("start", "first"), workflowEdge("first", "ask"), workflowEdge("ask", "done", "yes"), workflowEdge("ask", "nope", "no")}}});
        auto deployed = m_serve->deploy("refunds", app);
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        QWebEngineView view;
        open(view, "refunds");
        evaluate(view.page(), "window.flowdeckChat.send('order 42')");
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), "document.querySelector('.msg-form') !== null").toBool(), 30000);
        QVERIFY(evaluate(view.page(), kLastAnswer).toString().contains("Checking the refund for order 42."));
        QCOMPARE(evaluate(view.page(), "document.querySelector('.msg-form .form-text strong').textContent").toString(),
                 QString("order 42"));
        QCOMPARE(evaluate(view.page(), "document.querySelectorAll('.msg-form .form-action').length").toInt(), 2);
        screenshot(view, "chat-page-form.png");

        // No amount: the server's sentence appears in the form, which stays open.
        evaluate(view.page(), "document.querySelector('.form-action[data-action=\"yes\"]').click()");
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), "document.querySelector('.form-error').hidden").toBool(), 10000);
        QCOMPARE(evaluate(view.page(), "document.querySelector('.form-error').textContent").toString(),
                 QString("The field 'Amount' is required."));
        evaluate(view.page(), "document.querySelector('.msg-form input[name=\"amount\"]').value = '19.5'");
        evaluate(view.page(), "document.querySelector('.form-action[data-action=\"yes\"]').click()");
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), "document.querySelectorAll('.msg.assistant[data-done=\"true\"]').length").toInt() == 2,
                                 30000);
        QVERIFY2(evaluate(view.page(), kLastAnswer).toString().contains("Refunded 19.5 for order 42."),
                 qPrintable(evaluate(view.page(), kLastAnswer).toString()));
        QCOMPARE(evaluate(view.page(), "document.querySelector('.msg-form').dataset.state").toString(), QString("answered"));
        QCOMPARE(evaluate(view.page(), "document.querySelector('.msg-form .form-note').textContent").toString(),
                 QString("Answered: Refund"));
        screenshot(view, "chat-page-form-answered.png");
    }

    void aFileGoesToTheAppsFileInput()
    {
        const json app = chatApp("reader", {{"inputs", {{{"name", "doc"}, {"type", "file"}, {"label", "Document"}, {"accept", {".txt"}},
                                                         {"maxBytes", 100}}}},
                                            {"nodes", {workflowNode("start", "start"), workflowNode("read", "document", {{"files", "{{start.doc}}"}}),
                                                       workflowNode("reply", "answer", {{"text", "{{start.doc.name}} says: {{read.text}}"}})}},
                                            {"edges", {workflowEdge("start", "read"), workflowEdge("read", "reply")}}});
        auto deployed = m_serve->deploy("reader", app);
        QVERIFY2(deployed.status == 200, deployed.body.c_str());
        QWebEngineView view;
        open(view, "reader");
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), "document.getElementById('attach').hidden").toBool(), 10000);
        auto choose = [&](const QString &name, const QString &text) {
            evaluate(view.page(), "(() => { const dt = new DataTransfer();"
                                  " dt.items.add(new File(['" + text + "'], '" + name + "', {type: 'text/plain'}));"
                                  " const input = document.getElementById('file-input'); input.dataset.input = 'doc';"
                                  " input.files = dt.files; input.dispatchEvent(new Event('change')); })()");
        };
        // Larger than the input takes: said at once, nothing attached.
        choose("big.txt", QString(200, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), "document.querySelector('.attachment-error') !== null").toBool(), 5000);
        QVERIFY(evaluate(view.page(), "document.querySelector('.attachment-error').textContent").toString().contains("100 B"));
        choose("note.txt", "Hello from the browser.");
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(view.page(), "document.querySelector('.attachment span').textContent").toString(),
                                  QString("note.txt"), 5000);
        evaluate(view.page(), "window.flowdeckChat.send('Read this')");
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), kLastAnswer).isNull(), 30000);
        QVERIFY2(evaluate(view.page(), kLastAnswer).toString().contains("note.txt says: Hello from the browser."),
                 qPrintable(evaluate(view.page(), kLastAnswer).toString()));
        QVERIFY(evaluate(view.page(), "document.getElementById('attachments').hidden").toBool());
        QVERIFY(evaluate(view.page(), "document.querySelector('.msg.user .msg-file').textContent").toString().contains("note.txt"));
    }

    void aConversationKeepsItsVariables()
    {
        const json app = chatApp(
            "memory", {{"variables", {{{"name", "seen"}, {"type", "array[string]"}}}},
                       {"nodes", {workflowNode("start", "start"),
                                  workflowNode("keep", "assigner", {{"items", {{{"variable", "conversation.seen"}, {"operation", "append"},
                                                                        {"value", "{{sys.query}}"}}}}}),
                                  workflowNode("reply", "answer", {{"text", "Seen: {{conversation.seen}}"}})}},
                       {"edges", {workflowEdge("start", "keep"), workflowEdge("keep", "reply")}}});
        QCOMPARE(m_serve->deploy("memory", app).status, 200L);
        QWebEngineView view;
        open(view, "memory");
        evaluate(view.page(), "window.flowdeckChat.send('tea')");
        QTRY_VERIFY_WITH_TIMEOUT(!evaluate(view.page(), kLastAnswer).isNull(), 30000);
        evaluate(view.page(), "window.flowdeckChat.send('cake')");
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), kLastAnswer).toString().contains(R"(Seen: ["tea","cake"])"), 30000);
        // A new chat is a new conversation.
        evaluate(view.page(), "window.flowdeckChat.newChat()");
        evaluate(view.page(), "window.flowdeckChat.send('soup')");
        QTRY_VERIFY_WITH_TIMEOUT(evaluate(view.page(), kLastAnswer).toString().contains(R"(Seen: ["soup"])"), 30000);
    }

    void cleanupTestCase() { m_serve.reset(); }
};

QTEST_MAIN(TestChatForms)
#include "tst_chatforms.moc"
