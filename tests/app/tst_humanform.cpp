// Human input, file inputs, conversation variables and the editors of the iteration,
// loop, assigner and human nodes, offscreen on the real main window with real events:
// a run waits for a form in the run console and goes on when it is answered, a file
// picked or dropped reaches the run, a conversation variable lasts until New
// Conversation, and every editor's change is undone and redone. A chat app's opening
// (Workflow → Opening Statement…) is typed, limited, undone and saved; the run console
// greets with it, and a suggested question's button sends that question.
#include "app/mainwindow.h"
#include "tests/support/runharness.h"
#include "tests/support/studiohome.h"
#include "tests/support/workflowjson.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/rowlist.h"
#include "widgets/panels/conversationvariableseditor.h"
#include "widgets/panels/fileinputfield.h"
#include "widgets/panels/humaninputform.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/openingeditor.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/runconsole.h"
#include "widgets/run/runcontroller.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;
using json = nlohmann::json;

using flowdeck::tests::edge;
using flowdeck::tests::node;

namespace {

engine::Workflow chat(json nodes, json edges, json more = json::object())
{
    more["mode"] = "chat";
    more["nodes"] = std::move(nodes);
    more["edges"] = std::move(edges);
    return tests::RunHarness::workflow(std::move(more));
}

// A start, a human review with a required comment and a number, Approve and Reject.
engine::Workflow approvalFlow(json extra = json::object())
{
    json review = {{"text", "Refund **{{sys.query}}**?"},
                   {"fields", {{{"name", "comment"}, {"type", "text"}, {"label", "Comment"}, {"required", true}},
                               {{"name", "amount"}, {"type", "number"}, {"label", "Amount"}}}},
                   {"actions", {{{"id", "approve"}, {"label", "Approve"}, {"style", "primary"}},
                                {{"id", "reject"}, {"label", "Reject"}, {"style", "danger"}}}}};
    review.update(extra);
    json nodes = {node("start", "start"), node("review", "human", review), node("yes", "answer", {{"text", "Approved: {{review.comment}}"}}),
                  node("no", "answer", {{"text", "Rejected"}})};
    json edges = {edge("start", "review"), edge("review", "yes", "approve"), edge("review", "no", "reject")};
    if (review.contains("timeout")) {  // the timeout port is there only with a time limit
        nodes.push_back(node("late", "answer", {{"text", "Timed out"}}));
        edges.push_back(edge("review", "late", "timeout"));
    }
    return chat(std::move(nodes), std::move(edges));
}

// Picks `data` in a combo box with the keyboard, as a person does.
void choose(QComboBox *box, const QString &data)
{
    box->setFocus();
    const int target = box->findData(data);
    QVERIFY2(target >= 0, qPrintable(data));
    while (box->currentIndex() != target)
        QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
}

void retype(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

bool anyEdge(const engine::Workflow &wf, const std::function<bool(const engine::EdgeSpec &)> &test)
{
    return std::any_of(wf.edges.begin(), wf.edges.end(), test);
}

// Runs `drive` on the modal dialog that `open` shows, then makes sure it is closed.
void withDialog(const std::function<void()> &open, const std::function<void(QDialog *)> &drive)
{
    QTimer::singleShot(0, [drive] {
        QPointer<QDialog> dialog;
        (void)QTest::qWaitFor([&] { return (dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())); }, 5000);
        if (dialog)
            drive(dialog);
        if (dialog && !QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, 5000))
            dialog->reject();
    });
    open();
}

// A chat that answers with the message it was sent, and the given opening.
engine::Workflow echoChat(json opening = nullptr)
{
    json more = json::object();
    if (!opening.is_null())
        more["opening"] = std::move(opening);
    return chat({node("start", "start"), node("answer", "answer", {{"text", "You asked: {{sys.query}}"}})},
                {edge("start", "answer")}, std::move(more));
}

json openingOf(const engine::Workflow &wf)
{
    return {{"text", wf.opening.text}, {"suggestions", wf.opening.suggestions}};
}

QStringList buttonTexts(const QList<QPushButton *> &buttons)
{
    QStringList texts;
    for (QPushButton *b : buttons)
        texts << b->text();
    return texts;
}

template <class T> T *named(QWidget *host, const QString &name)
{
    T *found = host ? host->findChild<T *>(name) : nullptr;
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

} // namespace

class TestHumanForm : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    GraphDocument *doc() const { return m_window->document(); }
    RunConsole *console() const { return m_window->console(); }
    // The inspector's editor of `field` for node `id`, once the form is built; with `old`,
    // once the form that held `old` has been built again.
    QWidget *editor(const std::string &id, const QString &field, QWidget *old = nullptr)
    {
        QPointer<QWidget> gone = old;
        m_window->scene()->selectNodes({id});
        QWidget *found = nullptr;
        (void)QTest::qWaitFor([&] { return !gone && (found = m_window->inspector()->editorFor(field)) && found->isVisible(); }, 5000);
        return gone ? nullptr : found;
    }
    // Sends the chat message and waits for the run to end; the answer.
    QString ask(const QString &message)
    {
        QSignalSpy finished(console(), &RunConsole::finished);
        retype(console()->inputField("query"), message);
        QTest::keyClick(console()->inputField("query"), Qt::Key_Return);
        if (!finished.wait(20000))
            return QStringLiteral("(no end)");
        return console()->lastStatus() == "succeeded" ? console()->answerText() : console()->lastStatus();
    }
    // Undoes every step, checks `before`, redoes them all and checks `after`.
    void undoAndRedoAll(const std::function<json()> &state, const json &before, const json &after)
    {
        QUndoStack *stack = doc()->undoStack();
        QVERIFY(stack->canUndo());
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(state(), before);
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(state(), after);
    }
    json config(const std::string &id) const { return doc()->node(id)->config; }

private slots:
    void initTestCase()
    {
        flowdeck::tests::useOwnHome(m_home.path(), false);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void init()
    {
        while (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        QApplication::setActiveWindow(m_window.get());
    }

    void cleanupTestCase()
    {
        doc()->undoStack()->setClean();
        m_window.reset();
    }

    void theRunWaitsForTheFormAndApproveFinishesIt()
    {
        doc()->reset(approvalFlow());
        QSignalSpy finished(console(), &RunConsole::finished);
        retype(console()->inputField("query"), "order 42");
        QTest::keyClick(console()->inputField("query"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(console()->humanForms().size(), 1, 20000);
        HumanInputForm *form = console()->humanForms().front();
        QTRY_VERIFY(form->isVisible());
        QCOMPARE(form->textView()->toPlainText().trimmed(), QStringLiteral("Refund order 42?"));  // markdown, referenced
        QCOMPARE(console()->trace()->row("review")->text(NodeStatusView::StatusColumn), QStringLiteral("Waiting for you"));

        // Approve without the required comment: said under the fields, and the run still waits.
        QTest::mouseClick(form->actionButton("approve"), Qt::LeftButton);
        QVERIFY(form->problem()->isVisible());
        QCOMPARE(form->problem()->text(), QStringLiteral("The field 'Comment' is required."));
        QTest::keyClicks(form->field("comment"), "looks fine");
        QTest::keyClicks(form->field("amount"), "many");
        QTest::mouseClick(form->actionButton("approve"), Qt::LeftButton);
        QCOMPARE(form->problem()->text(), QStringLiteral("The field 'Amount' needs a number."));
        QVERIFY(m_window->runner()->running());
        QCOMPARE(finished.count(), 0);
        retype(form->field("amount"), "120");
        // Enter in a field presses the primary button, Approve.
        QTest::keyClick(form->field("amount"), Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        QCOMPARE(console()->lastStatus(), QStringLiteral("succeeded"));
        QCOMPARE(console()->answerText(), QStringLiteral("Approved: looks fine"));
        QVERIFY(console()->humanForms().isEmpty());
        QCOMPARE(console()->trace()->row("no")->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("skipped"));
    }

    void aFormLeftUnansweredTakesTheTimeoutBranch()
    {
        doc()->reset(approvalFlow({{"timeout", 1}}));
        QSignalSpy finished(console(), &RunConsole::finished);
        retype(console()->inputField("query"), "order 7");
        QTest::keyClick(console()->inputField("query"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(console()->humanForms().size(), 1, 20000);
        QVERIFY(console()->humanForms().front()->countdown()->isVisible());
        QVERIFY(finished.wait(20000));
        QCOMPARE(console()->answerText(), QStringLiteral("Timed out"));
        QVERIFY(console()->humanForms().isEmpty());
    }

    void aFileChosenOrDroppedReachesTheRun()
    {
        QTemporaryDir files;
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(files.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write("notes.txt", "hello notes");
        write("table.csv", "a,b\n1,2\n");
        write("picture.png", QByteArray("\x89PNG\r\n\x1a\n", 8));
        doc()->reset(tests::RunHarness::workflow(
            {{"inputs", {{{"name", "doc"}, {"type", "file"}, {"label", "Document"}, {"accept", {".txt", "text/csv"}}}}},
             {"nodes", {node("start", "start"),
                        node("end", "end", {{"outputs", {{"name", "{{start.doc.name}}"}, {"size", "{{start.doc.size}}"}}}})}},
             {"edges", {edge("start", "end")}}}));
        FileInputField *picker = console()->fileField("doc");
        QVERIFY(picker);
        auto drop = [picker](const QString &path) {
            QMimeData data;
            data.setUrls({QUrl::fromLocalFile(path)});
            QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(picker, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent dropped(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(picker, &dropped);
        };
        drop(files.filePath("picture.png"));
        QVERIFY(picker->value().is_null());
        QVERIFY2(picker->statusLabel()->text().contains("not one of the accepted types"), qPrintable(picker->statusLabel()->text()));

        // Choose…: the file dialog, a path typed and Enter.
        bool typed = false;
        withDialog([picker] { QTest::mouseClick(picker->chooseButton(), Qt::LeftButton); }, [&](QDialog *dialog) {
            auto *name = qobject_cast<QFileDialog *>(dialog) ? dialog->findChild<QLineEdit *>("fileNameEdit") : nullptr;
            if (!name || !QTest::qWaitFor([name] { return name->hasFocus(); }, 5000))  // shown and ready
                return;
            QTest::keyClicks(name, files.filePath("notes.txt"));
            if (QWidget *completions = QApplication::activePopupWidget())  // the dialog's own path completion
                completions->close();
            QTest::keyClick(name, Qt::Key_Return);
            typed = true;
        });
        QVERIFY(typed);
        QVERIFY2(picker->value().is_object(), qPrintable(picker->statusLabel()->text()));
        QCOMPARE(picker->value()["name"], json("notes.txt"));
        QSignalSpy finished(console(), &RunConsole::finished);
        QTest::mouseClick(console()->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        json outputs = json::parse(console()->lastOutputs().toStdString());
        QVERIFY2(outputs == (json{{"name", "notes.txt"}, {"size", 11}}), outputs.dump().c_str());

        drop(files.filePath("table.csv"));  // accepted by its media type
        QTest::mouseClick(console()->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(json::parse(console()->lastOutputs().toStdString())["name"], json("table.csv"));
    }

    void conversationVariablesAreEditedInATableWithUndo()
    {
        doc()->reset(chat({node("start", "start"), node("answer", "answer", {{"text", "hi"}})}, {edge("start", "answer")}));
        // Workflow → Conversation Variables… opens the workflow's settings on their table.
        bool shown = false;
        withDialog([this] { m_window->findChild<QAction *>("conversationVariables")->trigger(); }, [&](QDialog *dialog) {
            auto *tabs = dialog->findChild<QTabWidget *>();
            shown = tabs && qobject_cast<ConversationVariablesEditor *>(tabs->currentWidget());
            dialog->reject();
        });
        QVERIFY(shown);

        ConversationVariablesEditor table(doc());
        table.show();
        table.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&table));
        QTest::mouseClick(table.addButton(), Qt::LeftButton);
        QTRY_VERIFY(table.cell(0, "name") && table.cell(0, "name")->hasFocus());
        QTest::keyClicks(table.cell(0, "name"), "turns");
        QTest::keyClick(table.cell(0, "name"), Qt::Key_Return);
        QPointer<QWidget> typeBox = table.cell(0, "type");
        choose(qobject_cast<QComboBox *>(typeBox.data()), "number");
        QTRY_VERIFY(!typeBox);  // the row is made again for its type
        retype(table.cell(0, "default"), "lots");
        QTest::keyClick(table.cell(0, "default"), Qt::Key_Return);
        QVERIFY(table.problem()->isVisible());
        QVERIFY2(table.problem()->text().contains("A number is needed"), qPrintable(table.problem()->text()));
        retype(table.cell(0, "default"), "5");
        QTest::keyClick(table.cell(0, "default"), Qt::Key_Return);
        QTest::keyClicks(table.cell(0, "description"), "How many turns");
        // A second variable cannot take the same name; its ✕ removes it.
        QTest::mouseClick(table.addButton(), Qt::LeftButton);
        QTRY_VERIFY(table.cell(1, "name") && table.cell(1, "name")->hasFocus());
        QTest::keyClick(table.cell(1, "name"), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(table.cell(1, "name"), "turns");
        QCOMPARE(table.problem()->text(), QStringLiteral("Another conversation variable is already named 'turns'."));
        QTest::mouseClick(table.cell(1, "remove"), Qt::LeftButton);
        QTRY_COMPARE(table.table()->rowCount(), 1);

        auto variables = [this] {
            json out = json::array();
            for (const auto &v : doc()->workflow().variables)
                out.push_back({v.name, v.type, v.defaultValue, v.description});
            return out;
        };
        const json expected = json::array({json::array({"turns", "number", 5, "How many turns"})});
        QCOMPARE(variables(), expected);
        undoAndRedoAll(variables, json::array(), expected);
        QCOMPARE(qobject_cast<QLineEdit *>(table.cell(0, "name"))->text(), QStringLiteral("turns"));  // the table follows
    }

    void theOpeningIsTypedInWorkflowSettingsWithLimitsAndUndo()
    {
        doc()->reset(echoChat());
        QUndoStack *stack = doc()->undoStack();
        const int steps = stack->count();
        QString tab;
        withDialog([this] { m_window->findChild<QAction *>("openingStatement")->trigger(); }, [&](QDialog *dialog) {
            auto *tabs = dialog->findChild<QTabWidget *>();
            auto *editor = tabs ? qobject_cast<OpeningEditor *>(tabs->currentWidget()) : nullptr;
            tab = editor ? tabs->tabText(tabs->currentIndex()) : QString();
            if (!editor)
                return;
            QVERIFY(editor->textEdit()->isEnabled());
            QVERIFY(!editor->modeNote()->isVisible());
            editor->textEdit()->setFocus();
            QTest::keyClicks(editor->textEdit(), "Hello! I can help with orders.");
            QCOMPARE(doc()->workflow().opening.text, std::string("Hello! I can help with orders."));
            QCOMPARE(stack->count(), steps + 1);  // typing is one step
            // Two suggested questions, each typed in the row "+ Suggested question" adds.
            QTest::mouseClick(editor->addButton(), Qt::LeftButton);
            QTRY_VERIFY(editor->suggestion(0) && editor->suggestion(0)->hasFocus());
            QCOMPARE(stack->count(), steps + 1);  // an empty row is not a question yet
            QTest::keyClicks(editor->suggestion(0), "Where is my order?");
            QTest::mouseClick(editor->addButton(), Qt::LeftButton);
            QTRY_VERIFY(editor->suggestion(1) && editor->suggestion(1)->hasFocus());
            QTest::keyClicks(editor->suggestion(1), "Return an item");
            const json typed = {{"text", "Hello! I can help with orders."}, {"suggestions", {"Where is my order?", "Return an item"}}};
            QCOMPARE(openingOf(doc()->workflow()), typed);
            QCOMPARE(stack->count(), steps + 3);

            // Undo and redo go through the document, and the editor follows.
            stack->undo();
            QCOMPARE(openingOf(doc()->workflow())["suggestions"], json({"Where is my order?"}));
            QCOMPARE(editor->suggestionCount(), 1);
            stack->undo();
            stack->undo();
            QVERIFY(doc()->workflow().opening.empty());
            QCOMPARE(editor->textEdit()->toPlainText(), QString());
            QCOMPARE(editor->suggestionCount(), 0);
            stack->redo();
            stack->redo();
            stack->redo();
            QCOMPARE(openingOf(doc()->workflow()), typed);
            QCOMPARE(editor->textEdit()->toPlainText(), QStringLiteral("Hello! I can help with orders."));
            QCOMPARE(editor->suggestion(1)->text(), QStringLiteral("Return an item"));

            // A question has at most 300 characters: the 301st is refused, and the editor says so.
            QVERIFY(!editor->limitNote()->isVisible());
            QTest::mouseClick(editor->addButton(), Qt::LeftButton);
            QTRY_VERIFY(editor->suggestion(2) && editor->suggestion(2)->hasFocus());
            QTest::keyClicks(editor->suggestion(2), QString(301, QLatin1Char('q')));
            QCOMPARE(doc()->workflow().opening.suggestions.at(2), std::string(300, 'q'));
            QVERIFY(editor->limitNote()->isVisible());
            QVERIFY2(editor->limitNote()->text().contains("at most 300 characters"), qPrintable(editor->limitNote()->text()));
            // Its ✕ removes it, in one step that undoes.
            QTest::mouseClick(editor->removeButton(2), Qt::LeftButton);
            QTRY_COMPARE(editor->suggestionCount(), 2);
            QCOMPARE(openingOf(doc()->workflow()), typed);
            QVERIFY(!editor->limitNote()->isVisible());
            stack->undo();
            QCOMPARE(doc()->workflow().opening.suggestions.size(), 3u);
            QCOMPARE(editor->suggestionCount(), 3);
            stack->undo();  // the typing of the long one
            QCOMPARE(openingOf(doc()->workflow()), typed);

            // At most ten questions: then "+" is off and the editor says why.
            while (editor->addButton()->isEnabled()) {
                const int row = editor->suggestionCount();
                QTest::mouseClick(editor->addButton(), Qt::LeftButton);
                QTRY_VERIFY(editor->suggestion(row) && editor->suggestion(row)->hasFocus());
                QTest::keyClicks(editor->suggestion(row), QStringLiteral("Question %1").arg(row + 1));
                QVERIFY(row < 10);
            }
            QCOMPARE(doc()->workflow().opening.suggestions.size(), engine::OpeningSpec::kMaxSuggestions);
            QCOMPARE(doc()->workflow().opening.suggestions.back(), std::string("Question 10"));
            QVERIFY2(editor->limitNote()->text().contains("At most 10 suggested questions"), qPrintable(editor->limitNote()->text()));
            while (doc()->workflow().opening.suggestions.size() > 2)
                stack->undo();
            QTRY_VERIFY(editor->addButton()->isEnabled());

            // The statement has at most 4000 characters: a longer paste is cut there, and said.
            editor->textEdit()->setFocus();
            QTest::keyClick(editor->textEdit(), Qt::Key_End, Qt::ControlModifier);
            QApplication::clipboard()->setText(QString(4100, QLatin1Char('x')));
            QTest::keyClick(editor->textEdit(), Qt::Key_V, Qt::ControlModifier);
            QCOMPARE(doc()->workflow().opening.text.size(), 4000u);
            QCOMPARE(doc()->workflow().opening.text.substr(0, 30), std::string("Hello! I can help with orders."));
            QVERIFY2(editor->limitNote()->text().contains("at most 4000 characters"), qPrintable(editor->limitNote()->text()));
            stack->undo();
            QCOMPARE(openingOf(doc()->workflow()), typed);
            QCOMPARE(editor->textEdit()->toPlainText(), QStringLiteral("Hello! I can help with orders."));
            dialog->reject();
        });
        QCOMPARE(tab, QStringLiteral("Opening"));
        QCOMPARE(openingOf(doc()->workflow())["suggestions"], json({"Where is my order?", "Return an item"}));

        // The saved file holds it; with no opening, it holds none.
        const QString path = QDir(m_home.path()).filePath("opening/greeter.flow.json");
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        auto saved = [&] {
            if (!m_window->saveTo(path))
                return json();
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? json::parse(file.readAll().toStdString(), nullptr, false) : json();
        };
        QCOMPARE(saved()["opening"], json::parse(R"({"text": "Hello! I can help with orders.",
                                                     "suggestions": ["Where is my order?", "Return an item"]})"));
        while (!doc()->workflow().opening.empty())
            stack->undo();
        QVERIFY(!saved().contains("opening"));
    }

    void theRunConsoleGreetsAndASuggestionSendsItsQuestion()
    {
        // Shown as written: plain text, not markdown and not a template.
        const QString greeting = QStringLiteral("Hi! I answer **order** questions for {{sys.query}} <b>customers</b>.");
        doc()->reset(echoChat({{"text", greeting.toStdString()}, {"suggestions", {"Where is my order?", "Return an item"}}}));
        QCOMPARE(console()->answerView()->toPlainText(), greeting);
        QTRY_VERIFY(console()->suggestionsView()->isVisible());
        QCOMPARE(buttonTexts(console()->suggestionButtons()), (QStringList{"Where is my order?", "Return an item"}));
        QVERIFY(console()->inputField("query")->text().isEmpty());

        // A click puts the question in the message field and runs it; the buttons go.
        QSignalSpy finished(console(), &RunConsole::finished);
        QTest::mouseClick(console()->findChild<QPushButton *>("suggestion:1"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(console()->lastStatus(), QStringLiteral("succeeded"));
        QCOMPARE(console()->inputField("query")->text(), QStringLiteral("Return an item"));
        QCOMPARE(console()->answerText(), QStringLiteral("You asked: Return an item"));
        QVERIFY(!console()->suggestionsView()->isVisible());
        QTRY_VERIFY(console()->suggestionButtons().isEmpty());
        QCOMPARE(ask("and my refund?"), QStringLiteral("You asked: and my refund?"));
        QVERIFY(console()->suggestionButtons().isEmpty());

        // A new conversation greets again.
        QTest::mouseClick(console()->newConversationButton(), Qt::LeftButton);
        QCOMPARE(console()->answerView()->toPlainText(), greeting);
        QTRY_VERIFY(console()->suggestionsView()->isVisible());
        QCOMPARE(console()->suggestionButtons().size(), 2);
        QCOMPARE(ask("hello"), QStringLiteral("You asked: hello"));  // typed, not clicked: the buttons go too
        QTRY_VERIFY(console()->suggestionButtons().isEmpty());

        // An edited opening shows again, as edited; its undo too.
        engine::OpeningSpec edited;
        edited.text = "Welcome back.";
        edited.suggestions = {"Track a parcel"};
        doc()->undoStack()->push(new SetOpeningCommand(doc(), edited, QStringLiteral("Edit the opening statement")));
        QCOMPARE(console()->answerView()->toPlainText(), QStringLiteral("Welcome back."));
        QCOMPARE(buttonTexts(console()->suggestionButtons()), QStringList{"Track a parcel"});
        doc()->undoStack()->undo();
        QCOMPARE(console()->answerView()->toPlainText(), greeting);
        QCOMPARE(console()->suggestionButtons().size(), 2);
        QTest::mouseClick(console()->findChild<QPushButton *>("suggestion:0"), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(console()->answerText(), QStringLiteral("You asked: Where is my order?"));

        // Another file, a chat without an opening: the greeting goes and no button comes.
        QTest::mouseClick(console()->newConversationButton(), Qt::LeftButton);
        QCOMPARE(console()->answerView()->toPlainText(), greeting);
        doc()->reset(echoChat());
        QCOMPARE(console()->answerView()->toPlainText(), QString());
        QVERIFY(!console()->suggestionsView()->isVisible());
        QVERIFY(console()->suggestionButtons().isEmpty());
    }

    void aWorkflowModeAppHasNoOpening()
    {
        // An editor that stays open follows another file: its opening, then a workflow's none.
        OpeningEditor editor(doc());
        doc()->reset(echoChat({{"text", "Hello"}, {"suggestions", {"Help"}}}));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.textEdit()->toPlainText(), QStringLiteral("Hello"));
        QCOMPARE(editor.suggestion(0)->text(), QStringLiteral("Help"));
        QVERIFY(editor.textEdit()->isEnabled() && !editor.modeNote()->isVisible());
        doc()->reset(tests::RunHarness::workflow(
            {{"mode", "workflow"}, {"nodes", {node("start", "start"), node("end", "end", {{"outputs", {{"x", "1"}}}})}},
             {"edges", {edge("start", "end")}}}));
        QCOMPARE(editor.textEdit()->toPlainText(), QString());
        QCOMPARE(editor.suggestionCount(), 0);
        QVERIFY(!editor.textEdit()->isEnabled());
        QVERIFY(!editor.addButton()->isEnabled());
        QVERIFY(editor.modeNote()->isVisible());
        QVERIFY(editor.modeNote()->text().startsWith("Only chat apps greet their users: "));
        QVERIFY(console()->suggestionButtons().isEmpty() && !console()->suggestionsView()->isVisible());

        // The same from the menu.
        bool disabled = false;
        withDialog([this] { m_window->findChild<QAction *>("openingStatement")->trigger(); }, [&](QDialog *dialog) {
            auto *shown = dialog->findChild<OpeningEditor *>("openingEditor");
            disabled = shown && shown->isVisible() && !shown->textEdit()->isEnabled() && shown->modeNote()->isVisible();
            dialog->reject();
        });
        QVERIFY(disabled);
    }

    void anAssignedConversationVariableLastsUntilANewConversation()
    {
        doc()->reset(chat({node("start", "start"),
                           node("count", "assigner", {{"items", {{{"variable", "conversation.turns"}, {"operation", "add"}, {"value", "1"}}}}}),
                           node("answer", "answer", {{"text", "Turn {{conversation.turns}}"}})},
                          {edge("start", "count"), edge("count", "answer")},
                          {{"variables", {{{"name", "turns"}, {"type", "number"}}}}}));
        QCOMPARE(ask("hello"), QStringLiteral("Turn 1"));
        QCOMPARE(ask("again"), QStringLiteral("Turn 2"));
        const QString before = console()->conversationId();
        QTest::mouseClick(console()->newConversationButton(), Qt::LeftButton);
        QVERIFY(console()->conversationId() != before);
        QCOMPARE(ask("hello"), QStringLiteral("Turn 1"));
    }

    void iterationEditorEditsTheConfigAndTheTraceCountsItems()
    {
        doc()->reset(chat({node("start", "start"), node("each", "iteration", {{"items", ""}}),
                           node("t", "template", {{"template", "x-{{each.item}}"}}, "each"),
                           node("answer", "answer", {{"text", "{{each.results}}"}})},
                          {edge("start", "each"), edge("each", "answer")}));
        const json before = config("each");
        QWidget *host = editor("each", "items");
        QVERIFY(host);
        QTest::keyClicks(named<PromptEdit>(host, "items"), R"(["a", "b", "c"])");
        // The result of an item completes the item, its index and the inner nodes' outputs.
        auto *output = named<PromptEdit>(host, "output");
        output->setFocus();
        QTest::keyClicks(output, "{{");
        QTRY_VERIFY(output->completer()->popup()->isVisible());
        QStringList offered;
        for (int i = 0; i < output->completer()->completionModel()->rowCount(); ++i)
            offered << output->completer()->completionModel()->index(i, 0).data().toString();
        QVERIFY2(offered.contains("each.item") && offered.contains("each.index") && offered.contains("t.text"), qPrintable(offered.join(',')));
        QTest::keyClicks(output, "t.te");
        output->completer()->popup()->setCurrentIndex(output->completer()->completionModel()->index(0, 0));
        QTest::keyClick(output->completer()->popup(), Qt::Key_Return);
        QCOMPARE(output->toPlainText(), QStringLiteral("{{t.text}}"));
        QTest::mouseClick(named<QCheckBox>(host, "parallel"), Qt::LeftButton, {}, QPoint(8, 8));
        QVERIFY(named<QSpinBox>(host, "maxParallel")->isEnabled());
        retype(named<QSpinBox>(host, "maxParallel"), "2");
        choose(named<QComboBox>(host, "errorMode"), "drop");
        named<QSpinBox>(host, "retries")->setFocus();
        QTest::keyClick(named<QSpinBox>(host, "retries"), Qt::Key_Up);
        retype(named<QSpinBox>(host, "backoff"), "250");
        QTest::mouseClick(named<QCheckBox>(host, "flatten"), Qt::LeftButton, {}, QPoint(8, 8));
        const json after = {{"items", R"(["a", "b", "c"])"}, {"output", "{{t.text}}"}, {"parallel", true}, {"maxParallel", 2},
                            {"errorMode", "drop"}, {"itemRetry", {{"max", 1}, {"backoffMs", 250}}}, {"flatten", true}};
        QCOMPARE(config("each"), after);
        undoAndRedoAll([this] { return config("each"); }, before, after);

        // Run it: the iteration's row counts the items as they finish.
        QStringList seen;
        QObject listening;
        connect(m_window->runner(), &RunController::nodeProgress, &listening, [&](const QString &id) {
            if (id == "each")
                seen << console()->trace()->row("each")->text(NodeStatusView::StatusColumn);
        });
        QCOMPARE(ask("go"), QStringLiteral(R"(["x-a","x-b","x-c"])"));
        QCOMPARE(seen, (QStringList{"1 / 3", "2 / 3", "3 / 3"}));
    }

    void loopAndAssignerEditorsBuildALoopThatRuns()
    {
        doc()->reset(chat({node("start", "start"), node("loop_1", "loop"),
                           node("bump", "assigner", {{"items", {{{"variable", ""}, {"operation", "set"}}}}}, "loop_1"),
                           node("answer", "answer", {{"text", "{{loop_1.count}} after {{loop_1.rounds}}"}})},
                          {edge("start", "loop_1"), edge("loop_1", "answer")},
                          {{"variables", {{{"name", "note"}, {"type", "string"}}}}}));
        const json loopBefore = config("loop_1"), bumpBefore = config("bump");
        QWidget *host = editor("loop_1", "variables");
        QVERIFY(host);
        auto *variables = named<RowList>(host, "variables");
        QTest::mouseClick(variables->addButton(), Qt::LeftButton);
        QTRY_VERIFY(variables->row(0) && named<QLineEdit>(variables->row(0), "name")->hasFocus());
        retype(named<QLineEdit>(variables->row(0), "name"), "count");
        choose(named<QComboBox>(variables->row(0), "type"), "number");
        QTest::keyClicks(named<PromptEdit>(variables->row(0), "value"), "zero");
        QVERIFY(named<QLabel>(variables->row(0), "valueProblem")->isVisible());  // not a number
        retype(named<PromptEdit>(variables->row(0), "value"), "0");
        QVERIFY(!named<QLabel>(variables->row(0), "valueProblem")->isVisible());
        retype(named<QSpinBox>(host, "maxRounds"), "5");
        QTest::mouseClick(named<QPushButton>(named<QWidget>(host, "breakWhen"), "addCondition"), Qt::LeftButton);
        QVERIFY((host = editor("loop_1", "variables", host)));  // built again, with the condition
        QWidget *condition = named<QWidget>(host, "condition:0");
        QTest::keyClicks(named<PromptEdit>(condition, "left"), "{{loop_1.count}}");
        choose(named<QComboBox>(condition, "op"), "ge");
        QVERIFY((host = editor("loop_1", "variables", host)));
        QTest::keyClicks(named<QLineEdit>(named<QWidget>(host, "condition:0"), "right"), "3");
        const json loopAfter = {{"variables", {{{"name", "count"}, {"type", "number"}, {"value", 0}}}},
                                {"maxRounds", 5},
                                {"breakWhen", {{"conditions", {{{"left", "{{loop_1.count}}"}, {"op", "ge"}, {"right", 3}}}}}}};
        QCOMPARE(config("loop_1"), loopAfter);

        // The assigner inside offers the conversation variable and the loop's, each with its operations.
        host = editor("bump", "items");
        QVERIFY(host);
        QWidget *row = named<RowList>(host, "assignments")->row(0);
        auto *variable = named<QComboBox>(row, "variable");
        QVERIFY(variable->findData("conversation.note") >= 0 && variable->findData("loop_1.count") >= 0);
        choose(variable, "conversation.note");
        QCOMPARE(named<QComboBox>(row, "operation")->findData("add"), -1);  // text takes no arithmetic
        choose(variable, "loop_1.count");
        choose(named<QComboBox>(row, "operation"), "add");
        QTest::keyClicks(named<PromptEdit>(row, "value"), "1");
        const json bumpAfter = {{"items", {{{"variable", "loop_1.count"}, {"operation", "add"}, {"value", 1}}}}};
        QCOMPARE(config("bump"), bumpAfter);

        QCOMPARE(ask("go"), QStringLiteral("3 after 3"));
        undoAndRedoAll([this] { return json{config("loop_1"), config("bump")}; }, json{loopBefore, bumpBefore}, json{loopAfter, bumpAfter});
    }

    void formDesignerEditsFieldsButtonsAndTheirConnections()
    {
        doc()->reset(approvalFlow({{"timeout", 60}}));
        auto state = [this] {
            json edges = json::array();
            for (const auto &e : doc()->workflow().edges)
                edges.push_back({e.from, e.to, e.fromPort});
            return json{config("review"), edges};
        };
        const json before = state();
        QWidget *host = editor("review", "text");
        QVERIFY(host);
        retype(named<PromptEdit>(host, "text"), "Check **{{sys.query}}**");
        auto *fields = named<RowList>(host, "fields");
        QTest::mouseClick(fields->addButton(), Qt::LeftButton);
        QTRY_VERIFY(fields->row(2) && named<QLineEdit>(fields->row(2), "name")->hasFocus());
        retype(named<QLineEdit>(fields->row(2), "name"), "reason");
        choose(named<QComboBox>(fields->row(2), "type"), "select");
        QTRY_VERIFY(named<QLineEdit>(fields->row(2), "options")->isVisible());
        QTest::keyClicks(named<QLineEdit>(fields->row(2), "options"), "late, damaged");
        // Renaming a button moves its connection to the new port.
        auto *buttons = named<RowList>(host, "actions");
        retype(named<QLineEdit>(buttons->row(0), "id"), "ok");
        QTest::keyClick(named<QLineEdit>(buttons->row(0), "id"), Qt::Key_Return);
        QVERIFY(anyEdge(doc()->workflow(), [](const engine::EdgeSpec &e) { return e.to == "yes" && e.fromPort == "ok"; }));
        QVERIFY(!anyEdge(doc()->workflow(), [](const engine::EdgeSpec &e) { return e.fromPort == "approve"; }));
        // Removing one removes its connection; a time limit of 0 removes the timeout port's.
        QVERIFY((host = editor("review", "text", host)));
        QTest::mouseClick(named<QToolButton>(named<RowList>(host, "actions")->row(1), "remove"), Qt::LeftButton);
        QVERIFY(!anyEdge(doc()->workflow(), [](const engine::EdgeSpec &e) { return e.to == "no"; }));
        QVERIFY((host = editor("review", "text", host)));
        retype(named<QSpinBox>(host, "timeout"), "30");
        const auto *descriptor = engine::NodeRegistry::builtin().find("human");
        QCOMPARE(descriptor->portsOf(*doc()->node("review")).back().id, std::string("timeout"));
        QVERIFY(anyEdge(doc()->workflow(), [](const engine::EdgeSpec &e) { return e.to == "late"; }));
        retype(named<QSpinBox>(host, "timeout"), "0");
        QVERIFY(!anyEdge(doc()->workflow(), [](const engine::EdgeSpec &e) { return e.to == "late"; }));
        const json review = config("review");
        QCOMPARE(review["text"], json("Check **{{sys.query}}**"));
        QCOMPARE(review["fields"][2], (json{{"name", "reason"}, {"type", "select"}, {"options", {"late", "damaged"}}}));
        QCOMPARE(review["actions"], (json::array({{{"id", "ok"}, {"label", "Approve"}, {"style", "primary"}}})));
        QVERIFY(!review.contains("timeout"));
        undoAndRedoAll(state, before, state());
    }
};

QTEST_MAIN(TestHumanForm)
#include "tst_humanform.moc"
