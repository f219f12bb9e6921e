// The studio's content-safety parts (DESIGN.md §10), driven through real widgets
// offscreen: the guard node's inspector writes its config's "checks" (every edit one undo
// step, modes moving the connections), a 20,000-line keyword file is imported through
// the file dialog, the test box marks an ID number and a keyword written in traditional
// characters, the Workflow Settings' Content Safety tab writes the workflow's "guard" and
// it survives a save, and the run console shows what the policy did in a real run: an
// input blocked, and a flagged answer with its finding marked. Screenshots go to
// build/screenshots.
#include "tests/support/studiohome.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/document/documentfile.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/guardcheckseditor.h"
#include "widgets/editors/guardkeywordlists.h"
#include "widgets/editors/guardnames.h"
#include "widgets/editors/guardpolicyeditor.h"
#include "widgets/editors/guardtermsfile.h"
#include "widgets/editors/guardtestbox.h"
#include "widgets/editors/rowlist.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/promptedit.h"
#include "widgets/panels/runconsole.h"
#include "widgets/panels/runconsoleguard.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/modelchoice.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolTip>
#include <QTranslator>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;
using json = nlohmann::json;

namespace {

const char *kWorkflow = R"({
  "format": "flowdeck.workflow", "formatVersion": 1, "id": "guarded", "name": "Guarded", "mode": "workflow",
  "models": { "default": { "kind": "chat", "profile": "demo" }, "judge": { "kind": "chat", "profile": "demo", "model": "qwen3-guard" } },
  "inputs": [ { "name": "text", "type": "text", "label": "Text" } ],
  "nodes": [
    { "id": "start", "type": "start", "position": [0, 0] },
    { "id": "guard1", "type": "guard", "position": [260, 0], "config": { "text": "", "checks": {} } },
    { "id": "end", "type": "end", "position": [520, 0], "config": { "outputs": { "text": "{{guard1.text}}" } } }
  ],
  "edges": [ { "from": "start", "to": "guard1" }, { "from": "guard1", "to": "end", "fromPort": "pass" } ]
})";

// A chat whose answer node needs no model: its policy blocks an ID number in the message
// and flags personal information in the answer.
const char *kChat = R"({
  "format": "flowdeck.workflow", "formatVersion": 1, "id": "support", "name": "Support", "mode": "chat",
  "nodes": [
    { "id": "start", "type": "start", "position": [0, 0] },
    { "id": "answer", "type": "answer", "position": [260, 0], "config": { "text": "About {{sys.query}}: mail help@example.com today." } }
  ],
  "edges": [ { "from": "start", "to": "answer" } ],
  "guard": { "input": { "checks": { "pii": {} }, "action": "check" },
             "output": { "checks": { "pii": { "types": ["email"] } }, "action": "flag" },
             "reply": "This message cannot be answered." }
})";

const QString kIdNumber = QStringLiteral("11010519491231002X");  // checksum verified

void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// Types `text` into `widget`: Latin-1 by keys, Chinese as an input method commits it, a
// line break by Enter.
void type(QWidget *widget, const QString &text)
{
    QString composed;
    auto commit = [&] {
        if (composed.isEmpty())
            return;
        QInputMethodEvent event;
        event.setCommitString(composed);
        QApplication::sendEvent(widget, &event);
        composed.clear();
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            commit();
            if (c == QLatin1Char('\n'))
                QTest::keyClick(widget, Qt::Key_Return);
            else
                QTest::keyClick(widget, c.toLatin1());
        } else {
            composed += c;
        }
    }
    commit();
}

void replaceText(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    type(edit, text);
}

void replaceText(QLineEdit *line, const QString &text)
{
    line->setFocus();
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Delete);
    type(line, text);
}

// Chooses `data` with the keyboard, as a person would (so the box is "activated").
void choose(QComboBox *box, const QString &data)
{
    const int wanted = box->findData(data);
    QVERIFY2(wanted >= 0, qPrintable(data));
    box->setFocus();
    while (box->currentIndex() != wanted)
        QTest::keyClick(box, box->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
}

void click(QAbstractButton *button)
{
    QVERIFY(button);
    button->ensurePolished();
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

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

// What hovering at text position `position` of `edit` shows as a tooltip.
QString toolTipOver(QPlainTextEdit *edit, int position)
{
    QTextCursor cursor(edit->document());
    cursor.setPosition(position);
    const QRect box = edit->cursorRect(cursor);
    const QPoint at(box.left() + 3, box.center().y());
    QHelpEvent help(QEvent::ToolTip, at, edit->viewport()->mapToGlobal(at));
    QApplication::sendEvent(edit->viewport(), &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

} // namespace

class TestGuardEditor : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    QTranslator m_english;
    QString m_project;
    GraphDocument *m_doc = nullptr;
    QWidget *m_window = nullptr;
    InspectorWidget *m_inspector = nullptr;

    const json &config() const { return m_doc->node("guard1")->config; }
    QWidget *form() const { return m_inspector->editorFor("text"); }
    template <class T> T *part(const QString &name) const { return form() ? form()->findChild<T *>(name) : nullptr; }
    GuardChecksEditor *checks() const { return part<GuardChecksEditor>("checks"); }
    void show()
    {
        m_inspector->showNode("guard1");
        settle();
    }
    bool hasEdge(const std::string &port) const
    {
        for (const auto &e : m_doc->workflow().edges)
            if (e.from == "guard1" && e.to == "end" && e.fromPort == port)
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QDir().mkpath(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")));  // whichever test runs first
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The English plural forms, as the studio loads them ("2 terms").
        QVERIFY(m_english.load(QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("app/flowdeck_en.qm")));
        QApplication::installTranslator(&m_english);
        QVERIFY(m_home.isValid());
        tests::useOwnHome(m_home.path(), false);
        m_project = QDir(m_home.path()).filePath("project/app.flow.json");
        QDir().mkpath(QFileInfo(m_project).path());
        QFile file(m_project);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kWorkflow);
        file.close();
        m_doc = new GraphDocument(this);
        QString error;
        QVERIFY2(openDocument(*m_doc, m_project, &error), qPrintable(error));
        m_window = new QWidget;
        m_inspector = new InspectorWidget(m_doc);
        auto *layout = new QVBoxLayout(m_window);
        layout->addWidget(m_inspector);
        m_window->resize(480, 1500);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase() { delete m_window; }

    void textModeAndSourceAreUndoableEdits()
    {
        show();
        QVERIFY(form());
        QVERIFY(form()->property("ownTitle").toBool());
        QVERIFY(!m_inspector->editorFor("checks"));  // covered by the guard's own editor
        const int steps = m_doc->undoStack()->index();
        // The text, with {{ completion of what comes before the node.
        auto *text = part<PromptEdit>("text");
        text->setFocus();
        QTest::keyClicks(text, QStringLiteral("{{start.te"));
        QTRY_VERIFY(text->completer()->popup()->isVisible());
        QCOMPARE(text->completer()->currentCompletion(), QStringLiteral("start.text"));
        QTest::keyClick(text->completer()->popup(), Qt::Key_Down);
        QTest::keyClick(text->completer()->popup(), Qt::Key_Return);
        QCOMPARE(config()["text"], json("{{start.text}}"));
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);

        // Mask mode has one default port: the pass connection moves to it in the same step.
        QVERIFY(hasEdge("pass"));
        choose(part<QComboBox>("mode"), "mask");
        settle();
        QCOMPARE(config()["mode"], json("mask"));
        QVERIFY(hasEdge("") && !hasEdge("pass"));
        QCOMPARE(m_doc->undoStack()->index(), steps + 2);
        QVERIFY2(part<QLabel>("modeHelp")->text().contains("placeholders"), qPrintable(part<QLabel>("modeHelp")->text()));
        choose(part<QComboBox>("source"), "tool");
        QCOMPARE(config()["source"], json("tool"));
        QVERIFY(part<QLabel>("sourceHelp")->text().contains("injection"));

        // Undo takes the source and the mode back, connection and all; redo puts them back.
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        settle();
        QVERIFY(!config().contains("mode") && !config().contains("source"));
        QVERIFY(hasEdge("pass") && !hasEdge(""));
        QCOMPARE(part<QComboBox>("mode")->currentData().toString(), QStringLiteral("check"));
        m_doc->undoStack()->redo();
        settle();
        QCOMPARE(config()["mode"], json("mask"));
        QCOMPARE(part<QComboBox>("mode")->currentData().toString(), QStringLiteral("mask"));
        QVERIFY(hasEdge(""));
        // Back to check: the default connection becomes pass again.
        choose(part<QComboBox>("mode"), "check");
        settle();
        QVERIFY(hasEdge("pass") && !hasEdge(""));
    }

    void checksAreWrittenAsTheContractSays()
    {
        show();
        GuardChecksEditor *editor = checks();
        QVERIFY(editor);
        const int steps = m_doc->undoStack()->index();
        click(editor->checkBox("pii"));
        QCOMPARE(config()["checks"]["pii"], json::object());  // all types
        click(editor->findChild<QCheckBox *>("pii:email"));
        click(editor->findChild<QCheckBox *>("pii:ip"));
        QCOMPARE(config()["checks"]["pii"]["types"],
                 json::parse(R"(["id_card", "mobile", "bank_card", "credit_code", "passport"])"));
        click(editor->checkBox("secrets"));
        click(editor->checkBox("injection"));

        // A keyword list: named, a category of the taxonomy, terms typed one a line.
        click(editor->checkBox("keywords"));
        RowList *lists = editor->keywordLists()->rows();
        QVERIFY(lists->isVisible());
        click(lists->addButton());
        settle();
        QWidget *row = lists->row(0);
        QVERIFY(row);
        replaceText(row->findChild<QLineEdit *>("name"), QStringLiteral("banned"));
        choose(row->findChild<QComboBox *>("category"), "illegal");
        replaceText(row->findChild<QPlainTextEdit *>("terms"), QStringLiteral("赌博\n代开发票"));
        QCOMPARE(row->findChild<QLabel *>("count")->text(), QStringLiteral("2 terms"));

        // The link allow-list and a provider check (a judge with a policy).
        click(editor->checkBox("urls"));
        replaceText(editor->findChild<QPlainTextEdit *>("urlAllow"), QStringLiteral("example.com\n*.huaweicloud.com"));
        click(editor->checkBox("provider"));
        auto *policy = editor->findChild<QPlainTextEdit *>("providerPolicy");
        QVERIFY(policy->isVisible());
        choose(editor->findChild<QComboBox *>("providerModel"), "judge");
        replaceText(policy, QStringLiteral("No medical advice."));
        auto *threshold = editor->findChild<QDoubleSpinBox *>("providerThreshold");
        threshold->setFocus();
        QTest::keyClick(threshold, Qt::Key_Up);
        choose(editor->findChild<QComboBox *>("providerOnError"), "block");
        QCOMPARE(config()["checks"], json::parse(R"({
          "pii": {"types": ["id_card", "mobile", "bank_card", "credit_code", "passport"]},
          "secrets": {}, "injection": {},
          "keywords": {"lists": [{"name": "banned", "category": "illegal", "terms": ["赌博", "代开发票"]}]},
          "urls": {"allow": ["example.com", "*.huaweicloud.com"]},
          "provider": {"kind": "judge", "model": "judge", "policy": "No medical advice.", "threshold": 0.55, "onError": "block"}
        })"));
        // A guard model takes no policy and no threshold: they are not shown.
        choose(editor->findChild<QComboBox *>("providerKind"), "guard_model");
        QVERIFY(!policy->isVisible() && !threshold->isVisible());
        QCOMPARE(config()["checks"]["provider"]["kind"], json("guard_model"));

        // Turned off, a check keeps its settings; turned on, it has them again.
        click(editor->checkBox("keywords"));
        QCOMPARE(config()["checks"]["keywords"]["enabled"], json(false));
        QCOMPARE(config()["checks"]["keywords"]["lists"][0]["name"], json("banned"));
        click(editor->checkBox("keywords"));
        QVERIFY(!config()["checks"]["keywords"].contains("enabled"));
        click(editor->checkBox("secrets"));  // nothing to keep: the key goes
        QVERIFY(!config()["checks"].contains("secrets"));

        // Each edit was an undo step (typing merged per field); all of them undo to the start.
        const json done = config()["checks"];
        const int made = m_doc->undoStack()->index() - steps;
        QCOMPARE(made, 21);
        for (int i = 0; i < made; ++i)
            m_doc->undoStack()->undo();
        settle();
        QCOMPARE(config()["checks"], json::object());
        QVERIFY(!checks()->checkBox("pii")->isChecked());
        for (int i = 0; i < made; ++i)
            m_doc->undoStack()->redo();
        settle();
        QCOMPARE(config()["checks"], done);
        QVERIFY(checks()->checkBox("pii")->isChecked());
        QVERIFY(!checks()->findChild<QCheckBox *>("pii:email")->isChecked());
        QCOMPARE(checks()->keywordLists()->rows()->row(0)->findChild<QPlainTextEdit *>("terms")->toPlainText(),
                 QStringLiteral("赌博\n代开发票"));
    }

    void aLargeListIsImportedFromAFile()
    {
        // 20,000 terms with a BOM and CRLF line ends, a blank line and a repeat among them.
        const QString path = QDir(m_home.path()).filePath("banned-words.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes = "\xEF\xBB\xBF";
        for (int i = 0; i < 20000; ++i)
            bytes += QStringLiteral("违禁词%1\r\n").arg(i).toUtf8();
        bytes += "\r\n违禁词7\r\n";
        file.write(bytes);
        file.close();

        show();
        GuardKeywordLists *lists = checks()->keywordLists();
        QWidget *row = lists->rows()->row(0);
        const int steps = m_doc->undoStack()->index();
        bool typed = false;
        withDialog([row] { QTest::mouseClick(row->findChild<QPushButton *>("import"), Qt::LeftButton); },
                   [&](QDialog *dialog) {
                       auto *name = qobject_cast<QFileDialog *>(dialog) ? dialog->findChild<QLineEdit *>("fileNameEdit") : nullptr;
                       if (!name || !QTest::qWaitFor([name] { return name->hasFocus(); }, 5000))
                           return;
                       QTest::keyClicks(name, path);
                       if (QWidget *completions = QApplication::activePopupWidget())
                           completions->close();
                       QTest::keyClick(name, Qt::Key_Return);
                       typed = true;
                   });
        QVERIFY(typed);
        const json terms = config()["checks"]["keywords"]["lists"][0]["terms"];
        QCOMPARE(terms.size(), 20002u);  // the two typed before, then the file's
        QCOMPARE(terms[2], json("违禁词0"));  // no BOM
        QCOMPARE(terms[20001], json("违禁词19999"));  // no CR
        QCOMPARE(m_doc->undoStack()->index(), steps + 1);  // one step for the whole file
        QCOMPARE(row->findChild<QLabel *>("count")->text(), QStringLiteral("20,002 terms"));
        const QString note = row->findChild<QLabel *>("note")->text();
        QVERIFY2(note.contains("20,000 new terms from banned-words.txt") && note.contains("1 line"), qPrintable(note));
        QCOMPARE(row->findChild<QPlainTextEdit *>("terms")->document()->blockCount(), 20002);
        m_doc->undoStack()->undo();
        settle();
        QCOMPARE(config()["checks"]["keywords"]["lists"][0]["terms"].size(), 2u);
    }

    void listFilesInOtherEncodingsAndCsv()
    {
        const QDir dir(m_home.path());
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::WriteOnly))
                file.write(bytes);
            return file.fileName();
        };
        // What Chinese Windows saves: GB18030 (GBK) without a BOM.
        GuardTermsFile gbk = readGuardTermsFile(write("gbk.txt", "\xb6\xc4\xb2\xa9\r\n\xb4\xfa\xbf\xaa\xb7\xa2\xc6\xb1\r\n"));
        QVERIFY2(gbk.error.isEmpty(), qPrintable(gbk.error));
        QCOMPARE(gbk.terms, (std::vector<std::string>{"赌博", "代开发票"}));
        // Notepad's "Unicode": UTF-16 LE with a BOM.
        QByteArray utf16("\xFF\xFE");
        const QString words = QStringLiteral("赌博\r\n代开发票");
        utf16.append(reinterpret_cast<const char *>(words.utf16()), words.size() * 2);
        GuardTermsFile wide = readGuardTermsFile(write("wide.txt", utf16));
        QCOMPARE(wide.terms, (std::vector<std::string>{"赌博", "代开发票"}));
        // A spreadsheet's CSV: the first field, quotes removed, the other columns ignored.
        GuardTermsFile csv = readGuardTermsFile(write("list.csv", "\"say \"\"hi\"\", now\",illegal\nplain,custom\n\n"));
        QCOMPARE(csv.terms, (std::vector<std::string>{"say \"hi\", now", "plain"}));
        GuardTermsFile missing = readGuardTermsFile(dir.filePath("none.txt"));
        QVERIFY2(missing.error.contains("none.txt"), qPrintable(missing.error));
        QVERIFY(missing.terms.empty());
    }

    void theTestBoxMarksWhatTheChecksFind()
    {
        show();
        GuardTestBox *box = checks()->testBox();
        QVERIFY(box->providerHint()->isVisible());  // the provider is not called from here
        const QString sample = QStringLiteral("我的身份证号是%1，这里有線上賭博。").arg(kIdNumber);
        QSignalSpy scanned(box, &GuardTestBox::scanned);
        box->textBox()->setFocus();
        type(box->textBox(), sample);
        QVERIFY(scanned.wait(5000));  // once, after the pause in typing
        QTRY_COMPARE(box->textBox()->toPlainText(), sample);
        settle();
        int idAt = -1, keywordAt = -1;
        for (std::size_t i = 0; i < box->findings().size(); ++i) {
            const auto &f = box->findings()[i];
            const GuardTextRange r = box->ranges()[i];
            if (f.check == "pii" && f.type == "id_card" && sample.mid(r.start, r.end - r.start) == kIdNumber)
                idAt = r.start;
            if (f.check == "keyword" && f.label == "赌博" && sample.mid(r.start, r.end - r.start) == QStringLiteral("賭博"))
                keywordAt = r.start;
        }
        QVERIFY2(idAt >= 0 && keywordAt >= 0, qPrintable(box->status()->text()));
        // Marked in the text in the category's colour, with the category and check on hover.
        const auto marks = box->textBox()->extraSelections();
        QVERIFY(std::any_of(marks.begin(), marks.end(), [&](const QTextEdit::ExtraSelection &s) {
            return s.cursor.selectionStart() == idAt && s.format.property(QTextFormat::UserProperty).toString() == "personal_information";
        }));
        QVERIFY(std::any_of(marks.begin(), marks.end(), [&](const QTextEdit::ExtraSelection &s) {
            return s.cursor.selectionStart() == keywordAt && s.format.property(QTextFormat::UserProperty).toString() == "illegal";
        }));
        QString tip = toolTipOver(box->textBox(), idAt + 3);
        QVERIFY2(tip.contains("Personal information (ID card)") && tip.contains("personal information check"), qPrintable(tip));
        tip = toolTipOver(box->textBox(), keywordAt + 1);
        QVERIFY2(tip.contains("Other unlawful content") && tip.contains("keyword list"), qPrintable(tip));
        QCOMPARE(box->findingList()->count(), static_cast<int>(box->findings().size()));

        // Mask mode shows what the next node would get.
        choose(part<QComboBox>("mode"), "mask");
        settle();
        box = checks()->testBox();
        replaceText(box->textBox(), sample);
        box->scanNow();
        settle();  // the rebuilt form is shown
        QVERIFY(box->maskedView()->isVisible());
        QVERIFY2(box->maskedView()->toPlainText().contains("[ID_CARD]") && !box->maskedView()->toPlainText().contains(kIdNumber),
                 qPrintable(box->maskedView()->toPlainText()));

        // A check turned off is recompiled away: the keyword is no longer found.
        click(checks()->checkBox("keywords"));
        box = checks()->testBox();
        box->scanNow();
        QVERIFY(std::none_of(box->findings().begin(), box->findings().end(), [](const auto &f) { return f.check == "keyword"; }));
        settle();  // laid out without the lists
        QVERIFY(m_inspector->grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")).filePath("guard-inspector.png")));
    }

    void thePolicyTabWritesTheWorkflowGuard()
    {
        auto *policy = new GuardPolicyEditor(m_doc);
        policy->resize(640, 1400);
        policy->show();
        const int steps = m_doc->undoStack()->index();
        click(policy->checks("input")->checkBox("pii"));
        click(policy->checks("input")->checkBox("injection"));
        choose(qobject_cast<QComboBox *>(policy->field("input:action")), "mask");
        click(policy->checks("output")->checkBox("secrets"));
        auto *hold = qobject_cast<QSpinBox *>(policy->field("output:holdBack"));
        replaceText(hold->findChild<QLineEdit *>(), QStringLiteral("96"));
        replaceText(qobject_cast<QPlainTextEdit *>(policy->field("reply")), QStringLiteral("抱歉，无法回答。"));
        click(qobject_cast<QCheckBox *>(policy->field("label:api")));
        const json expected = json::parse(R"({
          "input": {"checks": {"pii": {}, "injection": {}}, "action": "mask"},
          "output": {"checks": {"secrets": {}}, "holdBack": 96},
          "reply": "抱歉，无法回答。",
          "label": {"api": false}
        })");
        QCOMPARE(m_doc->workflow().guard, expected);
        QVERIFY(qobject_cast<QCheckBox *>(policy->field("label:chatPage"))->isChecked());  // on by default

        // Undo goes back step by step and the tab follows; redo restores it.
        const int made = m_doc->undoStack()->index() - steps;
        QCOMPARE(made, 7);  // the hold-back typed and the reply typed are one step each
        m_doc->undoStack()->undo();
        settle();
        QVERIFY(qobject_cast<QCheckBox *>(policy->field("label:api"))->isChecked());
        for (int i = 1; i < made; ++i)
            m_doc->undoStack()->undo();
        settle();
        QCOMPARE(m_doc->workflow().guard, json::object());
        QVERIFY(!policy->checks("input")->checkBox("pii")->isChecked());
        for (int i = 0; i < made; ++i)
            m_doc->undoStack()->redo();
        settle();
        QCOMPARE(m_doc->workflow().guard, expected);
        QCOMPARE(qobject_cast<QComboBox *>(policy->field("input:action"))->currentData().toString(), QStringLiteral("mask"));

        // Saved and opened again, the policy is the same.
        QString error;
        QVERIFY2(saveDocument(*m_doc, m_project, &error), qPrintable(error));
        GraphDocument reopened;
        QVERIFY2(openDocument(reopened, m_project, &error), qPrintable(error));
        QCOMPARE(reopened.workflow().guard, expected);
        delete policy;

        // Workflow Settings has it as its Content Safety tab.
        RunController runner;
        QWidget window;
        ModelChoice settings(&runner, nullptr, &window);
        QString seen;
        withDialog([&] { settings.showModelsDialog(m_doc, ModelChoice::Page::Safety); }, [&](QDialog *dialog) {
            auto *tabs = dialog->findChild<QTabWidget *>();
            seen = tabs ? tabs->tabText(tabs->currentIndex()) : QString();
            auto *shown = dialog->findChild<GuardPolicyEditor *>();
            if (shown && shown->checks("input")->checkBox("pii")->isChecked())
                seen += QStringLiteral(" (shown)");
            dialog->grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")).filePath("guard-policy.png"));
            dialog->reject();
        });
        QCOMPARE(seen, QStringLiteral("Content Safety (shown)"));
    }

    void theRunConsoleShowsWhatThePolicyDid()
    {
        const QString flow = QDir(m_home.path()).filePath("project/chat.flow.json");
        QFile file(flow);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kChat);
        file.close();
        GraphDocument doc;
        QString error;
        QVERIFY2(openDocument(doc, flow, &error), qPrintable(error));
        QWidget window;
        auto *runner = new RunController(&window);
        auto *scene = new GraphScene(&doc, &window);
        auto *console = new RunConsole(&doc, scene, runner);
        (new QVBoxLayout(&window))->addWidget(console);
        window.resize(900, 420);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(console, &RunConsole::finished);

        // A message with an ID number: no node runs, the reply is the answer, the run says blocked.
        replaceText(console->inputField("query"), QStringLiteral("我的身份证号是%1").arg(kIdNumber));
        QTest::keyClick(console->inputField("query"), Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        QCOMPARE(console->lastStatus(), QStringLiteral("succeeded"));
        RunGuardNotes *notes = console->guardNotes();
        QVERIFY(notes->isVisible() && notes->blocked());
        QCOMPARE(notes->lines(), QStringList{QStringLiteral("Input blocked: personal information (ID card)")});
        QCOMPARE(console->answerText(), QStringLiteral("This message cannot be answered."));
        QVERIFY(!console->answerView()->toPlainText().contains(kIdNumber));
        QCOMPARE(console->trace()->row("answer")->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("waiting"));
        QTreeWidgetItem *whole = console->trace()->topLevelItem(console->trace()->topLevelItemCount() - 1);
        QCOMPARE(whole->text(NodeStatusView::StatusColumn), QStringLiteral("Blocked by content safety"));
        QVERIFY(window.grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")).filePath("guard-console-blocked.png")));

        // A clean message runs; the answer's e-mail address is flagged and marked in it.
        replaceText(console->inputField("query"), QStringLiteral("refunds"));
        QTest::keyClick(console->inputField("query"), Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        QVERIFY(!notes->blocked());
        QCOMPARE(notes->lines(), QStringList{QStringLiteral("Output flagged: personal information (e-mail address)")});
        QCOMPARE(console->answerText(), QStringLiteral("About refunds: mail help@example.com today."));
        bool marked = false;
        for (QTextBlock b = console->answerView()->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().text() == QLatin1String("help@example.com") && it.fragment().charFormat().hasProperty(QTextFormat::BackgroundBrush))
                    marked = it.fragment().charFormat().toolTip().contains("e-mail address");
        QVERIFY(marked);
        QVERIFY(window.grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")).filePath("guard-console-flagged.png")));
    }

    void chineseNamesTheCategoriesInChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("app/flowdeck_zh_CN.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        show();
        click(checks()->checkBox("keywords"));  // on again: the traditional-character keyword
        GuardTestBox *box = checks()->testBox();
        replaceText(box->textBox(), QStringLiteral("身份证%1，線上賭博").arg(kIdNumber));
        box->scanNow();
        const int id = box->textBox()->toPlainText().indexOf(kIdNumber);
        const QString tip = toolTipOver(box->textBox(), id + 2);
        QVERIFY2(tip.contains(QStringLiteral("个人信息（身份证号）")), qPrintable(tip));
        QVERIFY2(box->status()->text().contains(QStringLiteral("其他违法内容")), qPrintable(box->status()->text()));
        QCOMPARE(checks()->checkBox("pii")->text(), QStringLiteral("个人信息"));
        // The run console's line for a blocked input, as the engine's event has it.
        const json event = {{"stage", "input"}, {"field", "query"}, {"action", "blocked"}, {"categories", {"personal_information"}},
                            {"findings", {{{"check", "pii"}, {"category", "personal_information"}, {"type", "id_card"},
                                           {"severity", "high"}, {"span", {9, 27}}}}}};
        QCOMPARE(guardEventLine(event), QStringLiteral("输入被拦截：个人信息（身份证号）"));
        QVERIFY(m_inspector->grab().save(QDir(QStringLiteral(FLOWDECK_BINARY_DIR "/screenshots")).filePath("guard-inspector-zh.png")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QApplication::removeTranslator(&translator);
    }

    void theFormFitsANarrowInspector()
    {
        // Every check on, a list with a long category: nothing is cut off at the dock's edge.
        m_doc->setNodeConfig("guard1", json::parse(R"({"text": "x", "checks": {"pii": {}, "secrets": {}, "injection": {},
          "keywords": {"lists": [{"name": "banned", "category": "discrimination_nationality", "terms": ["a"]}]},
          "urls": {"allow": []}, "provider": {"kind": "moderation", "onError": "block"}}})"));
        show();
        m_window->resize(320, 1500);
        settle();
        auto *scroll = m_inspector->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(scroll->widget()->width()).arg(scroll->viewport()->width())));
        m_window->resize(480, 1500);
    }
};

QTEST_MAIN(TestGuardEditor)
#include "tst_guardeditor.moc"
