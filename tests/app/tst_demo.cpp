// The first start without any key, offscreen on the real main window: the studio asks
// which provider to use, the user picks the clearly labelled offline demo, and then every
// template in the gallery, made into a project with "Use this template" and run with its
// own sample question, answers without an error and says its answer is a demo answer.
// Plugins that need the internet or a key are replaced by stand-ins with the same tools
// (tests/templates/standins, as the templates' end-to-end test does); catalog plugins
// with a pinned test peer start from tests/peers, like installed ones.
#include "app/mainwindow.h"
#include "engine/model/demomodel.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/solutiontemplate.h"
#include "widgets/document/graphdocument.h"
#include "widgets/gallery/gallerybridge.h"
#include "widgets/gallery/gallerywindow.h"
#include "widgets/panels/humaninputform.h"
#include "widgets/panels/runconsole.h"
#include "widgets/settings/modelchoice.h"
#include "widgets/settings/providerdialog.h"

#include "tests/support/studiohome.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace flowdeck::studio;

class TestDemo : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<MainWindow> m_window;

    static QJsonObject readJson(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        // No key anywhere: not in the environment, no secrets file, no keychain.
        for (const char *key : {"MAAS_API_KEY", "DEEPSEEK_API_KEY", "DASHSCOPE_API_KEY", "QIANFAN_API_KEY",
                                "ZHIPUAI_API_KEY", "MOONSHOT_API_KEY", "OPENAI_API_KEY", "VLLM_API_KEY"})
            qunsetenv(key);
        flowdeck::tests::useOwnHome(m_home.path(), true);
        // Catalog plugins with a pinned peer, "installed" from tests/peers.
        const QString plugins = m_home.filePath("plugins");
        QDir().mkpath(plugins);
        for (const char *id : {"filesystem", "memory", "sequential-thinking", "everything"}) {
            const QJsonObject manifest = readJson(QStringLiteral(FLOWDECK_SOURCE_DIR "/plugins/%1.json").arg(id));
            const QString version = manifest["install"].toObject()["version"].toString();
            QVERIFY2(!version.isEmpty(), id);
            QVERIFY(QFile::link(QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers"), QDir(plugins).filePath(QStringLiteral("%1@%2").arg(id, version))));
        }
        qputenv("FLOWDECK_PLUGIN_DIR", plugins.toUtf8());
        m_window = std::make_unique<MainWindow>();
    }

    void cleanupTestCase()
    {
        if (!m_window)
            return;
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    void theFirstStartAsksAndTheDemoIsChosen()
    {
        m_window->showGallery();
        QVERIFY(QTest::qWaitForWindowExposed(m_window->gallery()));
        auto *choice = m_window->findChild<ModelChoice *>();
        QVERIFY(choice);
        QVERIFY(!choice->knownProvider());
        // The question is modal: answer it as a person does, from inside its event loop.
        bool asked = false;
        QString demoText;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ProviderDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            asked = true;
            QListWidget *list = dialog->providerList();
            QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QStringLiteral("maas"));  // MaaS first
            QListWidgetItem *demo = list->item(list->count() - 1);
            demoText = demo->text();
            list->setFocus();
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(demo).center());
            QCOMPARE(list->currentItem(), demo);
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        choice->askOnFirstStart();
        QVERIFY(asked);
        QVERIFY2(demoText.contains("Offline demo") && demoText.contains("no model is called"), qPrintable(demoText));
        QCOMPARE(QSettings().value(ModelChoice::kSettingsKey).toString(), QStringLiteral("demo"));
        QVERIFY(choice->knownProvider());
        // Asked once: a second start does not ask again.
        bool askedAgain = false;
        QTimer::singleShot(0, this, [&] {
            if (auto *dialog = QApplication::activeModalWidget()) {
                askedAgain = true;
                dialog->close();
            }
        });
        choice->askOnFirstStart();
        QApplication::processEvents();
        QVERIFY(!askedAgain);
    }

    void everyTemplatesSampleQuestionAnswers()
    {
        const auto library = flowdeck::engine::loadTemplateLibrary(flowdeck::engine::defaultTemplatesDirectory(),
                                                                   flowdeck::engine::NodeRegistry::builtin());
        QVERIFY(library.templates.size() >= 15);
        const QString node = QStandardPaths::findExecutable("node");
        QVERIFY(!node.isEmpty());
        int answered = 0;
        for (const auto &tmpl : library.templates) {
            const QString id = QString::fromStdString(tmpl.id);
            QVERIFY2(m_window->gallery()->bridge()->useTemplate(id), qPrintable(id));
            QTRY_VERIFY2_WITH_TIMEOUT(m_window->filePath().contains(id), qPrintable(id), 10000);
            GraphDocument *doc = m_window->document();
            // Bound to the demo, as the first start chose.
            for (const auto &[alias, entry] : doc->workflow().models.items())
                QVERIFY2(entry.value("profile", "") == "demo", qPrintable(id + ": " + QString::fromStdString(alias)));
            // Internet services behind stand-ins with the same tools.
            const QJsonObject spec = readJson(QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/templates/%1.test.json").arg(id));
            const QJsonObject standins = spec["standins"].toObject();
            if (!standins.isEmpty()) {
                QLineEdit *query = m_window->console()->inputField("query");
                const QString sample = query ? query->text() : QString();
                auto wf = doc->workflow();
                for (auto it = standins.begin(); it != standins.end(); ++it)
                    wf.plugins[it.key().toStdString()] = {
                        {"command", node.toStdString()},
                        {"args", {FLOWDECK_SOURCE_DIR "/tests/peers/standin-mcp.mjs",
                                  std::string(FLOWDECK_SOURCE_DIR "/tests/templates/") + it.value().toString().toStdString()}}};
                doc->reset(wf);
                if (QLineEdit *again = m_window->console()->inputField("query"))  // the Run form was rebuilt
                    again->setText(sample);
            }
            RunConsole *console = m_window->console();
            if (doc->workflow().isChat())
                QVERIFY2(!console->inputField("query")->text().isEmpty(), qPrintable(id + ": no sample question"));
            QSignalSpy finished(console, &RunConsole::finished);
            QTest::mouseClick(console->runButton(), Qt::LeftButton);
            // A template that asks a person (ticket triage's approval): press its first button,
            // as a user accepting the draft would; its fields carry their defaults.
            for (int waited = 0; finished.isEmpty() && waited < 1200; ++waited) {
                if (!console->humanForms().isEmpty()) {
                    const auto buttons = console->humanForms().first()->findChildren<QPushButton *>();
                    QVERIFY2(!buttons.isEmpty(), qPrintable(id + ": a form without buttons"));
                    QTest::mouseClick(buttons.first(), Qt::LeftButton);
                }
                finished.wait(100);
            }
            QVERIFY2(!finished.isEmpty(), qPrintable(id + ": the run did not end"));
            QVERIFY2(console->lastStatus() == "succeeded",
                     qPrintable(id + ": " + console->lastStatus() + "\n" + console->answerText() + console->lastOutputs()));
            const QString shown = doc->workflow().isChat() ? console->answerText() : console->lastOutputs();
            QVERIFY2(shown.contains(QString::fromUtf8(flowdeck::engine::DemoModel::kMarkerEn)) ||
                         shown.contains(QString::fromUtf8(flowdeck::engine::DemoModel::kMarkerZh)),
                     qPrintable(id + ": not marked as a demo answer:\n" + shown.left(400)));
            ++answered;
            qInfo("demo: %s answered", qPrintable(id));
            doc->undoStack()->setClean();  // the stand-ins are not the user's change to save
        }
        QCOMPARE(answered, static_cast<int>(library.templates.size()));
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
