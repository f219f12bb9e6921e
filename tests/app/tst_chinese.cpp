// The studio in Chinese, offscreen, on the real widgets: a template project is opened,
// its nodes selected and run against mock-llm, the Deploy dialog opened, and every
// text a person can see — labels, buttons, group boxes, tabs, dock titles, menus,
// tree and table headers and rows, the node titles on the canvas — is checked for
// English words. Screenshots in light and dark go to build/screenshots.
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/theme.h"
#include "tests/support/studiohome.h"
#include "tests/support/mockllm.h"
#include "tests/support/trustedfile.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/document/graphdocument.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/detailsbox.h"
#include "widgets/panels/fieldtitles.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <QtTest>

#include <set>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

// Proper names and technical terms that stay in Latin letters in Chinese too.
const std::set<QString> kAllowed = {
    "flowdeck", "mcp", "api", "json", "url", "http", "https", "deepseek", "openai", "ollama", "vllm", "studio",
    "maas", "huawei", "cloud", "kimi", "qwen", "dashscope", "qianfan", "zhipu", "glm", "csv", "sql", "sqlite",
    "rss", "atom", "markdown", "linkedin", "kubernetes", "npm", "node", "token", "tokens", "sse", "utf", "png",
    "svg", "localhost", "mock", "model", "llm", "docker", "yaml", "ctrl", "shift", "alt", "del", "esc", "enter",
    "tab", "space", "backspace", "delete", "home", "end", "pgup", "pgdown", "ins", "meta",
    "english",  // the language menu names each language in itself
    "dify",     // the product whose apps File → Import reads
};

QString plain(QString text)
{
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    return text.remove(QRegularExpression(QStringLiteral("\\(&.\\)"))).remove('&');
}

// The English words in `text`: three or more Latin letters, not an identifier-like token
// (with digits, _ or . inside), not on the allow-list.
QStringList englishWords(const QString &text, const std::set<QString> &alsoAllowed)
{
    QStringList out;
    static const QRegularExpression token(QStringLiteral("[A-Za-z0-9_.@/:-]+"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QString t = it.next().captured();
        if (t.contains(QRegularExpression(QStringLiteral("[0-9_@/]|\\.[a-z]|://"))))
            continue;  // file names, ids, addresses, versions
        for (auto w = word.globalMatch(t); w.hasNext();) {
            const QString found = w.next().captured();
            const QString lower = found.toLower();
            if (!kAllowed.count(lower) && !alsoAllowed.count(lower))
                out << found;
        }
    }
    return out;
}

struct Leak {
    QString where;
    QString text;
    QStringList words;
};

class TextWalk {
public:
    explicit TextWalk(std::set<QString> allowed) : m_allowed(std::move(allowed)) {}

    void check(const QString &where, const QString &text)
    {
        const QString shown = plain(text);
        const QStringList words = englishWords(shown, m_allowed);
        if (!words.isEmpty())
            m_leaks.push_back({where, shown.left(160), words});
        ++m_checked;
    }

    void menu(const QString &where, const QList<QAction *> &actions)
    {
        for (QAction *a : actions) {
            if (a->isSeparator() || !a->isVisible())
                continue;
            check(where + " menu", a->text());
            if (a->menu())
                menu(where + " > " + plain(a->text()), a->menu()->actions());
        }
    }

    void tree(const QString &where, QTreeWidget *tree)
    {
        if (!tree->isHeaderHidden())
            for (int c = 0; c < tree->columnCount(); ++c)
                if (!tree->isColumnHidden(c))
                    check(where + " header", tree->headerItem()->text(c));
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            if (!(*it)->isHidden())
                for (int c = 0; c < tree->columnCount(); ++c)
                    if (!tree->isColumnHidden(c) && m_userColumns.count({tree, c}) == 0)
                        check(where + " row", (*it)->text(c));
    }

    void table(const QString &where, QTableWidget *table)
    {
        for (int c = 0; c < table->columnCount(); ++c)
            if (!table->isColumnHidden(c) && table->horizontalHeaderItem(c))
                check(where + " header", table->horizontalHeaderItem(c)->text());
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                if (table->item(r, c) && m_userColumns.count({table, c}) == 0)
                    check(where + " row", table->item(r, c)->text());
    }

    // Every visible widget under `root`.
    void widgets(const QString &where, QWidget *root)
    {
        QList<QWidget *> all = root->findChildren<QWidget *>();
        all.prepend(root);
        for (QWidget *w : all) {
            if (!w->isVisibleTo(root) && w != root)
                continue;
            const QString name = where + " / " + QString::fromLatin1(w->metaObject()->className()) +
                                 (w->objectName().isEmpty() ? QString() : "#" + w->objectName());
            if (auto *label = qobject_cast<QLabel *>(w))
                check(name, label->text());
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                check(name, button->text());
            else if (auto *group = qobject_cast<QGroupBox *>(w))
                check(name, group->title());
            else if (auto *tabs = qobject_cast<QTabBar *>(w))
                for (int i = 0; i < tabs->count(); ++i)
                    check(name, tabs->tabText(i));
            else if (auto *dock = qobject_cast<QDockWidget *>(w))
                check(name, dock->windowTitle());
            else if (auto *t = qobject_cast<QTreeWidget *>(w))
                tree(name, t);
            else if (auto *t = qobject_cast<QTableWidget *>(w))
                table(name, t);
            else if (auto *bar = qobject_cast<QMenuBar *>(w))
                menu(name, bar->actions());
        }
    }

    // A column that shows what the user wrote (ids, values): not checked.
    void userColumn(QObject *view, int column) { m_userColumns.insert({view, column}); }

    int checked() const { return m_checked; }
    QString report() const
    {
        QStringList lines;
        for (const auto &leak : m_leaks)
            lines << QStringLiteral("%1: “%2” (%3)").arg(leak.where, leak.text, leak.words.join(", "));
        return lines.join('\n');
    }
    bool clean() const { return m_leaks.empty(); }

private:
    std::set<QString> m_allowed;
    std::set<std::pair<QObject *, int>> m_userColumns;
    std::vector<Leak> m_leaks;
    int m_checked = 0;
};

void allowWordsOf(std::set<QString> &allowed, const std::string &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    for (auto it = word.globalMatch(QString::fromStdString(text)); it.hasNext();)
        allowed.insert(it.next().captured().toLower());
}

} // namespace

class TestChinese : public QObject {
    Q_OBJECT

    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;
    QString m_flowFile;

    // User content and names: the workflow's ids, model and profile names, the file's name.
    std::set<QString> userWords() const
    {
        std::set<QString> allowed;
        const auto &wf = m_window->document()->workflow();
        allowWordsOf(allowed, wf.id);
        for (const auto &n : wf.nodes)
            allowWordsOf(allowed, n.id);
        for (const auto &in : wf.inputs)
            allowWordsOf(allowed, in.name);
        for (const auto &[alias, model] : wf.models.items())
            allowWordsOf(allowed, alias + " " + model.dump());
        allowWordsOf(allowed, QFileInfo(m_flowFile).fileName().toStdString());
        return allowed;
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
        QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));

        // A project made from the meeting-minutes template, its model bound to mock-llm.
        QFile tmpl(QStringLiteral(FLOWDECK_SOURCE_DIR "/templates/meeting-minutes/template.json"));
        QVERIFY(tmpl.open(QIODevice::ReadOnly));
        nlohmann::json workflow = nlohmann::json::parse(tmpl.readAll().toStdString())["workflow"];
        workflow["models"] = {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}};
        QDir().mkpath(m_home.filePath("project"));
        m_flowFile = m_home.filePath("project/meeting-minutes.flow.json");
        QFile flow(m_flowFile);
        QVERIFY(flow.open(QIODevice::WriteOnly));
        flow.write(QByteArray::fromStdString(workflow.dump(2)));
        flow.close();

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openFile(flowdeck::tests::trusted(m_flowFile)));
    }

    void cleanupTestCase()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
        installTranslations(QStringLiteral("en"));
    }

    void theTemplatesNodesHaveChineseTitles()
    {
        QCOMPARE(m_window->scene()->nodeItem("extract")->title(), QStringLiteral("提取决议和任务"));
        QCOMPARE(m_window->scene()->nodeItem("start")->title(), QStringLiteral("开始"));
        const std::set<QString> allowed = userWords();
        TextWalk walk(allowed);
        for (const auto &n : m_window->document()->workflow().nodes)
            walk.check("canvas node " + QString::fromStdString(n.id),
                       m_window->scene()->nodeItem(QString::fromStdString(n.id))->title());
        QVERIFY2(walk.clean(), qPrintable(walk.report()));
        // The Run form shows the input's Chinese label.
        QVERIFY(m_window->console()->inputField("transcript"));
    }

    void theMainWindowAndInspectorSpeakChinese()
    {
        TextWalk walk(userWords());
        for (const char *id : {"extract", "check", "note_ok", "answer", "start"}) {
            m_window->scene()->selectNodes({id});
            QApplication::processEvents();
            walk.widgets(QStringLiteral("inspector (%1)").arg(id), m_window->inspector());
        }
        walk.widgets("main window", m_window.get());
        QVERIFY2(walk.checked() > 40, "too few texts were checked to mean anything");
        QVERIFY2(walk.clean(), qPrintable("English in the Chinese studio:\n" + walk.report()));
    }

    void aRunAndItsConsoleSpeakChinese()
    {
        RunConsole *console = m_window->console();
        QLineEdit *message = console->inputField("query");
        QVERIFY(message);
        message->setText(QStringLiteral("帮我整理会议纪要。"));
        QSignalSpy finished(console, &RunConsole::finished);
        QTest::mouseClick(console->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(console->lastStatus() == "succeeded" || console->lastStatus() == "failed", qPrintable(console->lastStatus()));
        QApplication::processEvents();
        TextWalk walk(userWords());
        walk.userColumn(console->trace(), 0);  // not the node ids: the column of titles is checked
        walk.widgets("run console", console);
        walk.check("run error", console->errorBox()->message());  // a failure reads in Chinese too
        QVERIFY2(walk.clean(), qPrintable("English in the run console:\n" + walk.report()));
    }

    void theDeployDialogSpeaksChinese()
    {
        DeployDialog *dialog = m_window->openDeploy();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // Qt's own catalog translates the standard buttons.
        auto *box = dialog->findChild<QDialogButtonBox *>();
        if (box)
            for (QAbstractButton *b : box->buttons())
                QVERIFY2(englishWords(plain(b->text()), {}).isEmpty(), qPrintable(b->text()));
        TextWalk walk(userWords());
        walk.widgets("deploy dialog", dialog);
        dialog->reject();
        QVERIFY2(walk.clean(), qPrintable("English in the Deploy dialog:\n" + walk.report()));
    }

    void flowdecksOwnPluginToolsHaveChineseNames()
    {
        const nlohmann::json describe = {{"name", "describe_table"}, {"title", "Describe a table"},
                                         {"description", "Lists a CSV table's columns with their kind (number, date, text) and "
                                                         "figures: row count, sum/mean/min/max of numbers, first and last "
                                                         "dates, the most common texts."}};
        QCOMPARE(toolTitle(describe), QStringLiteral("描述表格"));
        QVERIFY2(englishWords(toolDescription(describe), {}).isEmpty(), qPrintable(toolDescription(describe)));
        // Another server's tool is shown as that server writes it.
        QCOMPARE(toolTitle({{"name", "read_file"}}), QStringLiteral("read_file"));
    }

    void theCheckFindsEnglish()
    {
        QCOMPARE(englishWords(QStringLiteral("运行 the workflow"), {}), QStringList({"the", "workflow"}));
        QVERIFY(englishWords(QStringLiteral("保存到 meeting-minutes.flow.json（JSON，HTTP 500）"), {}).isEmpty());
        QCOMPARE(englishWords(plain(QStringLiteral("<b>Save</b> 文件(&F)")), {}), QStringList({"Save"}));
    }

    void screenshots()
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        m_window->scene()->selectNodes({"extract"});
        for (const char *theme : {"light", "dark"}) {
            applyTheme(QString::fromLatin1(theme));
            QApplication::processEvents();
            const QString file = QDir(out).filePath(QStringLiteral("main-after-run-zh-%1.png").arg(theme));
            QVERIFY(m_window->grab().save(file));
            QVERIFY(QFileInfo(file).size() > 10000);
        }
        applyTheme(QStringLiteral("light"));
    }
};

QTEST_MAIN(TestChinese)
#include "tst_chinese.moc"
