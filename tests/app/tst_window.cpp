// The main window's room and keys, offscreen with real widgets: the canvas keeps most of
// the window after a run with a chart and after a failed plugin install, a project
// reopened from Open Recent after a restart opens fitted, the shortcuts that Qt leaves
// empty on X11 work, Help lists the shortcuts, and screenshots in light and dark.
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/shortcutsdialog.h"
#include "app/theme.h"
#include "tests/support/mockllm.h"
#include "tests/support/trustedfile.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/canvas/minimap.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/gallery/projectchecklist.h"
#include "widgets/panels/answercharts.h"
#include "widgets/panels/detailsbox.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"
#include "widgets/settings/settingsdialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace flowdeck;
using namespace flowdeck::studio;

namespace {

// A chat workflow that draws a chart without a model: the condition sends a message
// that asks for a chart to a template and an answer with a ```chart block.
nlohmann::json chartWorkflow()
{
    const std::string chart = "Weekly orders:\n\n```chart\n"
                              "{\"xAxis\":{\"type\":\"category\",\"data\":[\"Mon\",\"Tue\",\"Wed\",\"Thu\",\"Fri\"]},"
                              "\"yAxis\":{\"type\":\"value\"},\"series\":[{\"type\":\"bar\",\"data\":[12,20,15,31,24]}]}\n```\n";
    return {{"format", "flowdeck.workflow"},
            {"formatVersion", 1},
            {"id", "weekly-chart"},
            {"name", "Weekly chart"},
            {"mode", "chat"},
            {"models", {{"default", {{"profile", "mock"}, {"model", "mock-model"}}}}},
            {"nodes",
             {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
              {{"id", "route"},
               {"type", "condition"},
               {"position", {280, 0}},
               {"config",
                {{"cases",
                  {{{"id", "chart"},
                    {"label", "Asks for a chart"},
                    {"conditions", {{{"left", "{{sys.query}}"}, {"op", "contains"}, {"right", "chart"}}}}}}}}}},
              {{"id", "figures"},
               {"type", "template"},
               {"position", {560, -120}},
               {"title", "Weekly figures"},
               {"config", {{"template", "Orders Mon–Fri: 12, 20, 15, 31, 24"}}}},
              {{"id", "reply"},
               {"type", "llm"},
               {"position", {560, 140}},
               {"config", {{"model", "default"}, {"prompt", "{{sys.query}}"}, {"system", "Answer briefly."}}}},
              {{"id", "draw"}, {"type", "answer"}, {"position", {840, -120}}, {"config", {{"text", chart}}}},
              {{"id", "answer"}, {"type", "answer"}, {"position", {840, 140}}, {"config", {{"text", "{{reply.text}}"}}}}}},
            {"edges",
             {{{"from", "start"}, {"to", "route"}},
              {{"from", "route"}, {"fromPort", "chart"}, {"to", "figures"}},
              {{"from", "route"}, {"fromPort", "else"}, {"to", "reply"}},
              {{"from", "figures"}, {"to", "draw"}},
              {{"from", "reply"}, {"to", "answer"}}}}};
}

// A wide graph: a fit that happened while the window had no size shows it as a dot.
nlohmann::json wideWorkflow(const std::string &id)
{
    nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
    nodes.push_back({{"id", "start"}, {"type", "start"}, {"position", {0, 0}}});
    std::string previous = "start";
    for (int i = 1; i <= 5; ++i) {
        const std::string node = "step_" + std::to_string(i);
        nodes.push_back({{"id", node},
                         {"type", "template"},
                         {"position", {i * 250, (i % 2) * 260}},
                         {"config", {{"template", "Step " + std::to_string(i)}}}});
        edges.push_back({{"from", previous}, {"to", node}});
        previous = node;
    }
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", id}, {"name", "Wide " + id},
            {"mode", "workflow"}, {"nodes", nodes}, {"edges", edges}};
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    flowdeck::tests::MockLlm m_mock;
    QTemporaryDir m_config, m_files, m_npmCache;

    QString writeWorkflow(const nlohmann::json &wf)
    {
        QFile f(m_files.filePath(QString::fromStdString(wf.value("id", "wf") + ".flow.json")));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray::fromStdString(wf.dump(2)));
        f.close();
        return flowdeck::tests::trusted(f.fileName());
    }
    void showWindow(MainWindow &window)
    {
        window.resize(1400, 860);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }
    // Every node lies inside the visible part of the canvas, drawn large enough to read.
    static void verifyFitted(MainWindow &window)
    {
        GraphView *view = window.view();
        const QRectF seen = view->visibleArea();
        for (const auto &n : window.document()->workflow().nodes) {
            NodeItem *item = window.scene()->nodeItem(QString::fromStdString(n.id));
            QVERIFY(item);
            QVERIFY2(seen.contains(item->sceneBoundingRect()),
                     qPrintable(QStringLiteral("%1 is outside the view").arg(QString::fromStdString(n.id))));
        }
        QVERIFY2(view->zoom() >= 0.45, qPrintable(QStringLiteral("zoom %1 in a %2×%3 view").arg(view->zoom()).arg(view->width()).arg(view->height())));
    }
    static QString saveShot(QWidget *widget, const QString &name)
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        const QString file = QDir(out).filePath(name);
        return widget->grab().save(file) ? file : QString();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start(&error), qPrintable(error));
        QFile f(m_config.filePath("profiles.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(m_mock.profilesJson()));
        f.close();
        qputenv("FLOWDECK_CONFIG_DIR", m_config.path().toUtf8());
        qputenv("FLOWDECK_NO_KEYCHAIN", "1");
        qputenv("XDG_CONFIG_HOME", m_config.filePath("xdg").toUtf8());  // QSettings (recent files, views) stay here
        qputenv("FLOWDECK_PLUGIN_DIR", m_config.filePath("plugins").toUtf8());
        qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
        QCOMPARE(installTranslations("en"), QStringLiteral("en"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        showWindow(*m_window);
    }

    void cleanup()
    {
        if (m_window)
            m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void aRunWithAChartLeavesTheCanvasMostOfTheHeight()
    {
        QVERIFY(m_window->openFile(writeWorkflow(chartWorkflow())));
        RunConsole *console = m_window->console();
        QTest::keyClicks(console->inputField("query"), "Show the weekly chart");
        QSignalSpy finished(console, &RunConsole::finished);
        QSignalSpy drawn(console->chartView(), &AnswerCharts::drawn);
        QTest::keyClick(m_window->view(), Qt::Key_F5);
        QVERIFY(finished.wait(30000));
        QVERIFY2(console->lastStatus() == "succeeded", qPrintable(console->answerView()->toPlainText()));
        QCOMPARE(console->chartView()->charts().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(console->chartView()->isVisible(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(drawn.count() > 0, 30000);
        QCOMPARE(drawn.last().front().toInt(), 1);
        QApplication::processEvents();
        const int canvas = m_window->view()->height(), window = m_window->height();
        QVERIFY2(canvas >= 0.6 * window, qPrintable(QStringLiteral("canvas %1 of %2 px").arg(canvas).arg(window)));

        // One row per node with its latest status; the skipped branch says so.
        NodeStatusView *nodes = console->trace();
        QVERIFY(nodes->row("figures"));
        QCOMPARE(nodes->row("figures")->text(NodeStatusView::NodeColumn), QStringLiteral("Weekly figures"));
        QCOMPARE(nodes->row("figures")->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("done"));
        QVERIFY(nodes->row("figures")->text(NodeStatusView::TimeColumn).endsWith("ms"));
        QCOMPARE(nodes->row("reply")->text(NodeStatusView::StatusColumn), NodeStatusView::statusText("skipped"));
        QCOMPARE(nodes->topLevelItemCount(), 7);  // six nodes and the whole run
        // The time badge sits beside the title, inside the card.
        QCOMPARE(m_window->scene()->nodeItem("figures")->runStatus(), QStringLiteral("done"));
    }

    void aFailedPluginInstallShowsOneLineAndDetails()
    {
        nlohmann::json wf = wideWorkflow("needs-redis");
        wf["plugins"] = {{"redis", {{"catalog", "redis"}}}};
        const QString file = writeWorkflow(wf);
        QVERIFY(m_window->openProject(file, QString()));
        ProjectChecklist *checklist = m_window->checklist();
        QTRY_VERIFY(checklist->isVisible());
        QPushButton *install = checklist->button("plugin:redis");
        QVERIFY(install && install->isVisible());
        QApplication::processEvents();
        const int canvasBefore = m_window->view()->width();
        // npm fails for real: its registry cannot be reached and nothing is in its cache.
        qputenv("npm_config_registry", "http://127.0.0.1:1/");
        qputenv("npm_config_cache", m_npmCache.path().toUtf8());
        qputenv("npm_config_fetch_retries", "0");
        QTest::mouseClick(install, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(checklist->stateText("plugin:redis") == QStringLiteral("failed"), 120000);
        qunsetenv("npm_config_registry");
        qunsetenv("npm_config_cache");
        qunsetenv("npm_config_fetch_retries");
        auto *failure = checklist->findChild<DetailsBox *>("failure:plugin:redis");
        QVERIFY(failure);
        QTRY_VERIFY(failure->isVisible());
        QVERIFY2(failure->message().contains("npm could not install"), qPrintable(failure->message()));
        QVERIFY(!failure->summary().contains('\n'));
        QVERIFY2(failure->height() <= 2 * failure->fontMetrics().height() + 12, qPrintable(QString::number(failure->height())));
        QVERIFY(failure->detailsButton()->isVisible());
        QCOMPARE(failure->detailsButton()->text(), QStringLiteral("Show details"));
        QApplication::processEvents();
        QVERIFY2(m_window->view()->width() >= canvasBefore - 4,
                 qPrintable(QStringLiteral("canvas %1 px wide, was %2").arg(m_window->view()->width()).arg(canvasBefore)));
        // Show details opens the whole message.
        QTest::mouseClick(failure->detailsButton(), Qt::LeftButton);
        auto *dialog = failure->findChild<QDialog *>("detailsDialog");
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
    }

    void aProjectReopenedFromRecentOpensFitted()
    {
        const QString file = writeWorkflow(wideWorkflow("wide"));
        QVERIFY(m_window->openFile(file));
        QTRY_VERIFY(m_window->view()->zoom() > 0.3);
        m_window->close();  // remembers the layout and the view
        m_window.reset();

        // A restart: a new window, which opens the project from File → Open Recent before
        // it is shown (as the start page does), then shows it.
        m_window = std::make_unique<MainWindow>();
        QMenu *recent = m_window->recentMenu();
        emit recent->aboutToShow();
        QAction *first = recent->actions().value(0);
        QVERIFY(first && first->data().toString() == file);
        first->trigger();
        QCOMPARE(m_window->filePath(), file);
        showWindow(*m_window);
        QApplication::processEvents();
        verifyFitted(*m_window);
        if (QTest::currentTestFailed())
            return;

        // A project never opened before, also opened before the window is shown.
        const QString other = writeWorkflow(wideWorkflow("wide-new"));
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openFile(other));
        showWindow(*m_window);
        QApplication::processEvents();
        verifyFitted(*m_window);
        if (QTest::currentTestFailed())
            return;
        // Hiding the run panel gives the canvas its room, still fitted.
        m_window->consoleDock()->toggleViewAction()->trigger();
        QApplication::processEvents();
        QVERIFY(!m_window->consoleDock()->isVisible());
        verifyFitted(*m_window);
        if (QTest::currentTestFailed())
            return;
    }

    void theOverviewMapCanBeHiddenAndStaysHidden()
    {
        QAction *overview = m_window->findChild<QAction *>("overviewMapAction");
        QVERIFY(overview && overview->isChecked());
        QVERIFY(m_window->view()->miniMap()->isVisible());
        overview->trigger();
        QVERIFY(!m_window->view()->miniMap()->isVisible());
        m_window.reset();
        m_window = std::make_unique<MainWindow>();
        showWindow(*m_window);
        QVERIFY(!m_window->view()->miniMap()->isVisible());  // remembered
        m_window->findChild<QAction *>("overviewMapAction")->trigger();
        QVERIFY(m_window->view()->miniMap()->isVisible());
    }

    void ctrlCommaOpensSettings()
    {
        QVERIFY(!m_window->findChild<SettingsDialog *>("settings"));
        QTest::keyClick(m_window->view(), Qt::Key_Comma, Qt::ControlModifier);
        auto *dialog = m_window->findChild<SettingsDialog *>("settings");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->close();
    }

    void ctrlShiftSOpensSaveAs()
    {
        // The save dialog is modal: a timer finds it, notes it and closes it.
        QString seen;
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                seen = dialog->windowTitle() + (dialog->acceptMode() == QFileDialog::AcceptSave ? " (save)" : " (open)");
                dialog->reject();
                poll.stop();
            }
        });
        poll.start();
        QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 10000);
        QCOMPARE(seen, QStringLiteral("Save workflow (save)"));
        QVERIFY(m_window->filePath().isEmpty());  // cancelled: nothing saved
    }

    void helpListsTheShortcuts()
    {
        QMenu *help = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text() == QStringLiteral("&Help"))
                help = a->menu();
        QVERIFY(help);
        QTest::keyClick(m_window->view(), Qt::Key_Slash, Qt::ControlModifier);
        auto *dialog = m_window->findChild<ShortcutsDialog *>("shortcuts");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QStringList keys = dialog->keys();
        for (const QString &key : {QStringLiteral("F5"), QStringLiteral("Ctrl+,"), QStringLiteral("Ctrl+Shift+S"), QStringLiteral("Ctrl+0")})
            QVERIFY2(keys.join(" | ").contains(key), qPrintable(key + " missing from: " + keys.join(" | ")));
        dialog->close();
        // No text names a key that does something else.
        QVERIFY(!help->findChild<QAction *>("documentationAction")->shortcut().isEmpty());
        QVERIFY(!MainWindow::documentationPath().isEmpty());  // the build tree links the docs too
        for (QAction *a : m_window->findChildren<QToolBar *>().value(0)->actions())
            if (!a->isSeparator() && !a->shortcut().isEmpty())
                QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
    }

    void screenshotsInLightAndDark()
    {
        for (const char *theme : {"light", "dark"}) {
            applyTheme(QString::fromLatin1(theme));
            MainWindow window;
            showWindow(window);
            QVERIFY(window.openFile(writeWorkflow(chartWorkflow())));
            QTest::keyClicks(window.console()->inputField("query"), "Show the weekly chart");
            QSignalSpy finished(window.console(), &RunConsole::finished);
            QSignalSpy drawn(window.console()->chartView(), &AnswerCharts::drawn);
            window.console()->run();
            QVERIFY(finished.wait(30000));
            QTRY_VERIFY_WITH_TIMEOUT(drawn.count() > 0, 30000);
            window.scene()->selectNodes({"figures"});
            QTRY_VERIFY(!window.view()->miniMap()->visibleArea().isEmpty());
            QTest::qWait(300);  // the chart's page paints after it reports the drawing
            const QString file = saveShot(&window, QStringLiteral("main-after-run-en-%1.png").arg(QLatin1String(theme)));
            QVERIFY(!file.isEmpty() && QFileInfo(file).size() > 10000);
            window.document()->undoStack()->setClean();
        }
        applyTheme("light");
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
