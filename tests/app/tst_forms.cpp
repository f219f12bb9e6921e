// Everything editable in forms, offscreen on the real main window: the Start node's
// inputs editor (a new input reaches the Run form, the deployed run API and the chat
// page's app description), renaming a node in place and in the inspector with undo,
// the canvas's context menus, and the LLM inspector's order and effective defaults.
#include "app/mainwindow.h"
#include "tests/support/studiohome.h"
#include "tests/support/mockllm.h"
#include "widgets/canvas/canvasmenu.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/document/commands.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/runconsole.h"
#include "widgets/panels/startinputseditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

class TestForms : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    GraphDocument *doc() const { return m_window->document(); }
    QWidget *viewport() const { return m_window->view()->viewport(); }
    QPoint onScreen(const QPointF &scenePos) const { return m_window->view()->mapFromScene(scenePos); }

    // A chat workflow on the mock model whose answer shows the topic input.
    static engine::Workflow formsWorkflow()
    {
        engine::Workflow wf;
        wf.id = "forms";
        wf.name = "Forms";
        wf.mode = "chat";
        wf.models = {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}};
        engine::NodeSpec start, llm, answer;
        start.id = "start";
        start.type = "start";
        llm.id = "llm_1";
        llm.type = "llm";
        llm.position = {280, 0};
        llm.config = {{"prompt", "{{sys.query}}"}, {"system", "You are helpful."}};
        answer.id = "answer_1";
        answer.type = "answer";
        answer.position = {560, 0};
        answer.config = {{"text", "Topic: {{start.topic}}. {{llm_1.text}}"}};
        wf.nodes = {start, llm, answer};
        wf.edges = {{"start", "llm_1", ""}, {"llm_1", "answer_1", ""}};
        return wf;
    }

    // Text as an input method delivers it (how Chinese is typed).
    static void type(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(widget, &commit);
    }

    StartInputsEditor *startEditor() const { return m_window->inspector()->findChild<StartInputsEditor *>(); }

    // What a person does to add the topic input: select Start, Add, fill the form.
    void addTopicInput()
    {
        m_window->scene()->selectNodes({"start"});
        StartInputsEditor *editor = startEditor();
        QVERIFY(editor);
        QTest::mouseClick(editor->addButton(), Qt::LeftButton);
        QCOMPARE(doc()->workflow().inputs.size(), std::size_t(1));
        auto *name = qobject_cast<QLineEdit *>(editor->field("name"));
        QVERIFY(name->hasFocus());  // ready to be named
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, "topic");
        QTest::keyClick(name, Qt::Key_Return);
        QTest::keyClicks(editor->field("label"), "Topic");
        type(editor->field("labelZh"), QStringLiteral("主题"));
        auto *kind = qobject_cast<QComboBox *>(editor->field("type"));
        kind->setFocus();
        while (kind->currentData().toString() != "select" && kind->currentIndex() + 1 < kind->count())
            QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(doc()->workflow().inputs[0].type, std::string("select"));
        // Widgets a layout gains are shown on the next turn of the event loop.
        QTRY_VERIFY_WITH_TIMEOUT(editor->field("options")->isVisible(), 5000);  // a choice list has choices
        QVERIFY(!editor->field("accept")->isVisible());   // but no file types
        auto *options = editor->field("options");
        options->setFocus();
        QTest::keyClicks(options, "Billing");
        QTest::keyClick(options, Qt::Key_Return);
        QTest::keyClicks(options, "Shipping");
        auto *optionsZh = editor->field("optionsZh");
        type(optionsZh, QStringLiteral("账单\n配送"));
        QTest::mouseClick(editor->field("required"), Qt::LeftButton, {}, QPoint(8, editor->field("required")->height() / 2));
    }

    QByteArray get(const QString &url, const QString &key, const QByteArray &language = {})
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        if (!language.isEmpty())
            request.setRawHeader("Accept-Language", language);
        QNetworkReply *reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(30000))
            return {};
        reply->deleteLater();
        return reply->readAll();
    }

    std::pair<int, QJsonObject> post(const QString &url, const QString &key, const QByteArray &body)
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = network.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(60000))
            return {0, {}};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
    }

    QMenu *rightClick(const QPointF &scenePos)
    {
        const QPoint at = onScreen(scenePos);
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, viewport()->mapToGlobal(at));
        QApplication::sendEvent(viewport(), &event);
        CanvasMenu *menus = CanvasMenu::of(m_window->view());
        return menus ? menus->menu() : nullptr;
    }

    static QAction *action(QMenu *menu, const QString &text)
    {
        for (QAction *a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
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
        flowdeck::tests::useOwnHome(m_home.path(), false);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void init()
    {
        // A menu or dialog a test left open would keep the keyboard from the window.
        while (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        QApplication::setActiveWindow(m_window.get());
        doc()->reset(formsWorkflow());
        m_window->view()->resetTransform();
        m_window->view()->centerOn(280, 60);
        m_window->view()->setFocus();
    }

    void cleanupTestCase()
    {
        doc()->undoStack()->setClean();
        m_window.reset();  // stops the local runtime
    }

    void startEditorAddsAnInputThatTheRunFormShows()
    {
        addTopicInput();
        const engine::InputSpec in = doc()->workflow().inputs.at(0);
        QCOMPARE(in.name, std::string("topic"));
        QCOMPARE(in.label, std::string("Topic"));
        QCOMPARE(in.i18n["zh"]["label"], nlohmann::json("主题"));
        QCOMPARE(in.options, (nlohmann::json{"Billing", "Shipping"}));
        QCOMPARE(in.i18n["zh"]["options"], (nlohmann::json{"账单", "配送"}));
        QVERIFY(in.required);
        // Saved as the format says.
        const auto saved = nlohmann::json::parse(doc()->toText());
        QCOMPARE(saved["inputs"][0]["i18n"]["zh"]["label"], nlohmann::json("主题"));

        // The Run panel's form asks for it, under its label.
        QLineEdit *field = m_window->console()->inputField("topic");
        QVERIFY(field);
        auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout());
        QVERIFY(form);
        auto *label = qobject_cast<QLabel *>(form->labelForField(field));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Topic"));

        // Each change was its own step: one undo takes back only the Chinese choices.
        doc()->undoStack()->undo();  // required
        doc()->undoStack()->undo();  // Chinese choices
        QVERIFY(!doc()->workflow().inputs[0].i18n["zh"].contains("options"));
        QCOMPARE(doc()->workflow().inputs[0].options, (nlohmann::json{"Billing", "Shipping"}));
        QCOMPARE(qobject_cast<QPlainTextEdit *>(startEditor()->field("optionsZh"))->toPlainText(), QString());  // the form follows
        doc()->undoStack()->redo();
        doc()->undoStack()->redo();
        QVERIFY(doc()->workflow().inputs[0].required);
    }

    void startEditorRefusesABadOrTakenName()
    {
        addTopicInput();
        StartInputsEditor *editor = startEditor();
        QTest::mouseClick(editor->addButton(), Qt::LeftButton);
        QCOMPARE(doc()->workflow().inputs.size(), std::size_t(2));
        auto *name = qobject_cast<QLineEdit *>(editor->field("name"));
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, "topic");
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(editor->problem()->isVisible());
        QVERIFY2(editor->problem()->text().contains("already named 'topic'"), qPrintable(editor->problem()->text()));
        QCOMPARE(doc()->workflow().inputs[1].name, std::string("input_1"));  // unchanged
        // Moving it up, then removing it, leaves the first input as it was.
        QTest::mouseClick(editor->findChild<QToolButton *>("moveUp"), Qt::LeftButton);
        QCOMPARE(doc()->workflow().inputs[0].name, std::string("input_1"));
        QCOMPARE(editor->currentIndex(), 0);
        QTest::mouseClick(editor->removeButton(), Qt::LeftButton);
        QCOMPARE(doc()->workflow().inputs.size(), std::size_t(1));
        QCOMPARE(doc()->workflow().inputs[0].name, std::string("topic"));
    }

    void f2RenamesInPlaceWithUndoAndRedo()
    {
        m_window->scene()->selectNodes({"llm_1"});
        m_window->view()->setFocus();
        QTest::keyClick(m_window->view(), Qt::Key_F2);
        CanvasMenu *menus = CanvasMenu::of(m_window->view());
        QVERIFY(menus && menus->renameField());
        QLineEdit *field = menus->renameField();
        QCOMPARE(field->text(), QStringLiteral("LLM"));  // the type's name until it has its own
        QCOMPARE(field->selectedText(), field->text());
        QTest::keyClicks(field, "Summarise");
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY(!menus->renameField());
        QCOMPARE(doc()->node("llm_1")->title, std::string("Summarise"));
        QCOMPARE(m_window->scene()->nodeItem("llm_1")->title(), QStringLiteral("Summarise"));
        QCOMPARE(qobject_cast<QLineEdit *>(m_window->inspector()->findChild<QLineEdit *>("node:title"))->text(),
                 QStringLiteral("Summarise"));

        m_window->view()->setFocus();
        QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc()->node("llm_1")->title, std::string());
        QCOMPARE(m_window->scene()->nodeItem("llm_1")->title(), QStringLiteral("LLM"));
        QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(doc()->node("llm_1")->title, std::string("Summarise"));

        // Escape leaves the name as it was.
        QTest::keyClick(m_window->view(), Qt::Key_F2);
        QVERIFY(menus->renameField());
        QTest::keyClicks(menus->renameField(), "Other");
        QTest::keyClick(menus->renameField(), Qt::Key_Escape);
        QTRY_VERIFY(!menus->renameField());
        QCOMPARE(doc()->node("llm_1")->title, std::string("Summarise"));
    }

    void inspectorRenamesAndShowsTheId()
    {
        m_window->scene()->selectNodes({"answer_1"});
        auto *title = m_window->inspector()->findChild<QLineEdit *>("node:title");
        auto *id = m_window->inspector()->findChild<QLineEdit *>("node:id");
        QVERIFY(title && id);
        QCOMPARE(id->text(), QStringLiteral("answer_1"));
        QVERIFY(id->isReadOnly());
        QTest::mouseClick(m_window->inspector()->findChild<QToolButton *>("node:copyId"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("answer_1"));
        title->setFocus();
        QTest::keyClicks(title, "Reply");
        QTest::keyClick(title, Qt::Key_Return);
        QCOMPARE(doc()->node("answer_1")->title, std::string("Reply"));
        QCOMPARE(doc()->undoStack()->count(), 1);
        doc()->undoStack()->undo();
        QCOMPARE(doc()->node("answer_1")->title, std::string());
        QCOMPARE(m_window->inspector()->findChild<QLineEdit *>("node:title")->text(), QString());  // the form follows
    }

    void backgroundMenuAddsANodeWhereItWasOpened()
    {
        QMenu *menu = rightClick(QPointF(300, 240));
        QVERIFY(menu);
        QVERIFY(menu->isVisible());
        QAction *add = action(menu, "Add Node Here");
        QVERIFY(add && add->menu());
        QAction *templateNode = nullptr;
        for (QAction *a : add->menu()->actions())
            if (a->data().toString() == "template")
                templateNode = a;
            else
                QVERIFY2(a->isSeparator() || a->data().toString() != "start", "a second start is not offered");
        QVERIFY(templateNode);
        const auto before = doc()->workflow().nodes.size();
        templateNode->trigger();
        QCOMPARE(doc()->workflow().nodes.size(), before + 1);
        const auto &added = doc()->workflow().nodes.back();
        QCOMPARE(added.type, std::string("template"));
        QVERIFY(std::abs(added.position[0] - 300) <= 20 && std::abs(added.position[1] - 240) <= 20);
        QCOMPARE(m_window->scene()->selectedNodeIds(), (std::set<std::string>{added.id}));
        menu->close();

        // Paste Here puts copied nodes where the menu opened; fit and select all are there too.
        m_window->scene()->selectNodes({"llm_1"});
        QTest::keyClick(m_window->view(), Qt::Key_C, Qt::ControlModifier);
        menu = rightClick(QPointF(600, 400));
        QVERIFY(menu);
        QVERIFY(action(menu, "Select All") && action(menu, "Zoom to Fit"));
        QAction *paste = action(menu, "Paste Here");
        QVERIFY(paste && paste->isEnabled());
        paste->trigger();
        const auto &pasted = doc()->workflow().nodes.back();
        QCOMPARE(pasted.type, std::string("llm"));
        QCOMPARE(pasted.position, (std::array<double, 2>{600, 400}));
        menu->close();
    }

    void nodeMenuDuplicatesDisablesCopiesAndDeletes()
    {
        NodeItem *item = m_window->scene()->nodeItem("llm_1");
        QMenu *menu = rightClick(item->sceneBoundingRect().center());
        QVERIFY(menu);
        QCOMPARE(m_window->scene()->selectedNodeIds(), (std::set<std::string>{"llm_1"}));
        for (const char *text : {"Rename…", "Duplicate", "Copy Node ID", "Disable", "Delete"})
            QVERIFY2(action(menu, text), text);
        QVERIFY(!action(menu, "Run from Here"));  // not offered until it can work

        action(menu, "Copy Node ID")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("llm_1"));

        const auto count = doc()->workflow().nodes.size();
        action(menu, "Duplicate")->trigger();
        QCOMPARE(doc()->workflow().nodes.size(), count + 1);
        QCOMPARE(doc()->workflow().nodes.back().config, doc()->node("llm_1")->config);
        menu->close();

        menu = rightClick(item->sceneBoundingRect().center());
        action(menu, "Disable")->trigger();
        QVERIFY(doc()->node("llm_1")->disabled);
        QVERIFY(item->opacity() < 1.0);  // drawn faint
        QCOMPARE(nlohmann::json::parse(doc()->toText())["nodes"][1]["disabled"], nlohmann::json(true));
        menu->close();
        menu = rightClick(item->sceneBoundingRect().center());
        QVERIFY(action(menu, "Enable"));
        action(menu, "Enable")->trigger();
        QVERIFY(!doc()->node("llm_1")->disabled);
        QCOMPARE(item->opacity(), 1.0);
        menu->close();

        // The start node holds the inputs: it cannot be disabled.
        menu = rightClick(m_window->scene()->nodeItem("start")->sceneBoundingRect().center());
        QVERIFY(!action(menu, "Disable"));
        menu->close();

        menu = rightClick(item->sceneBoundingRect().center());
        action(menu, "Rename…")->trigger();
        QVERIFY(CanvasMenu::of(m_window->view())->renameField());
        QTest::keyClick(CanvasMenu::of(m_window->view())->renameField(), Qt::Key_Escape);
        QTRY_VERIFY(!CanvasMenu::of(m_window->view())->renameField());
        menu = rightClick(item->sceneBoundingRect().center());
        action(menu, "Delete")->trigger();
        QVERIFY(!doc()->node("llm_1"));
        doc()->undoStack()->undo();
        QVERIFY(doc()->node("llm_1"));
        QCOMPARE(doc()->workflow().edges.size(), std::size_t(2));
    }

    void llmFieldsReadInOrderWithEffectiveDefaults()
    {
        m_window->scene()->selectNodes({"llm_1"});
        InspectorWidget *inspector = m_window->inspector();
        // The form is laid out once its widgets are shown (the next turn of the event loop).
        QTRY_VERIFY_WITH_TIMEOUT(inspector->editorFor("maxTokens") && inspector->editorFor("maxTokens")->isVisible(), 5000);
        QApplication::processEvents();
        const QStringList order = {"model", "system", "prompt", "history", "responseFormat", "stream", "temperature", "maxTokens"};
        int previous = -1;
        for (const QString &field : order) {
            QWidget *editor = inspector->editorFor(field);
            QVERIFY2(editor, qPrintable(field));
            const int y = editor->mapTo(inspector, QPoint(0, 0)).y();
            QVERIFY2(y > previous, qPrintable(field + " is out of order"));
            previous = y;
        }
        previous = -1;
        for (const char *section : {"section:model", "section:prompt", "section:output", "section:advanced"}) {
            auto *heading = inspector->findChild<QLabel *>(section);
            QVERIFY2(heading, section);
            const int y = heading->mapTo(inspector, QPoint(0, 0)).y();
            QVERIFY2(y > previous, section);
            previous = y;
        }
        QVERIFY(inspector->findChild<QLabel *>("section:prompt")->mapTo(inspector, QPoint()).y() <
                inspector->editorFor("system")->mapTo(inspector, QPoint()).y());

        // Stream is on unless turned off: the descriptor's default, not "unchecked".
        QVERIFY(!doc()->node("llm_1")->config.contains("stream"));
        auto *stream = qobject_cast<QCheckBox *>(inspector->editorFor("stream"));
        QVERIFY(stream);
        QVERIFY(stream->isChecked());
        QTest::mouseClick(stream, Qt::LeftButton, {}, QPoint(8, stream->height() / 2));
        QCOMPARE(doc()->node("llm_1")->config["stream"], nlohmann::json(false));
        auto *format = inspector->editorFor("responseFormat")->findChild<QComboBox *>("outputFormat");
        QVERIFY(format);
        QCOMPARE(format->currentData().toString(), QStringLiteral("text"));

        // Switching the node off from the inspector.
        auto *enabled = inspector->findChild<QCheckBox *>("node:enabled");
        QVERIFY(enabled && enabled->isChecked());
        QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(8, enabled->height() / 2));
        QVERIFY(doc()->node("llm_1")->disabled);
    }

    void aNewInputReachesTheDeployedApp()
    {
        addTopicInput();
        DeployDialog *d = m_window->openDeploy();
        d->field("app")->setText("forms");
        QSignalSpy finished(d, &DeployDialog::finished);
        QTest::mouseClick(d->deployButton(), Qt::LeftButton);
        QVERIFY(finished.wait(90000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(d->message()));
        const QString base = d->openAiBaseUrl().chopped(3);  // without "/v1"
        const QString key = d->apiKey();
        d->close();

        // The run API takes the input and checks it against its choices.
        auto [status, body] = post(base + "/v1/apps/forms/run", key, R"({"inputs": {"topic": "Shipping"}, "query": "Hi"})");
        QVERIFY2(status == 200, QJsonDocument(body).toJson().constData());
        QVERIFY2(body["answer"].toString().startsWith("Topic: Shipping."), qPrintable(body["answer"].toString()));
        std::tie(status, body) = post(base + "/v1/apps/forms/run", key, R"({"inputs": {"topic": "Returns"}, "query": "Hi"})");
        QVERIFY(status >= 400);
        QVERIFY2(body["error"].toObject()["message"].toString().contains("must be one of"), QJsonDocument(body).toJson().constData());
        std::tie(status, body) = post(base + "/v1/apps/forms/run", key, R"({"query": "Hi"})");
        QVERIFY2(body["error"].toObject()["message"].toString().contains("'topic' is required"), QJsonDocument(body).toJson().constData());

        // The chat page's app description lists it with its label, choices and whether it is required.
        const QJsonObject info = QJsonDocument::fromJson(get(base + "/apps/forms/chat/info", key)).object();
        const QJsonArray inputs = info["inputs"].toArray();
        QCOMPARE(inputs.size(), 1);
        const QJsonObject topic = inputs[0].toObject();
        QCOMPARE(topic["name"].toString(), QStringLiteral("topic"));
        QCOMPARE(topic["label"].toString(), QStringLiteral("Topic"));
        QCOMPARE(topic["type"].toString(), QStringLiteral("select"));
        QCOMPARE(topic["required"].toBool(), true);
        QCOMPARE(topic["options"].toArray(), (QJsonArray{"Billing", "Shipping"}));
        // A browser that asks for Chinese gets the Chinese label.
        const QJsonObject zh = QJsonDocument::fromJson(get(base + "/apps/forms/chat/info", key, "zh-CN,zh;q=0.9")).object();
        QCOMPARE(zh["inputs"].toArray()[0].toObject()["label"].toString(), QStringLiteral("主题"));
    }
};

QTEST_MAIN(TestForms)
#include "tst_forms.moc"
