#include "app/mainwindow.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/installpaths.h"
#include "engine/core/jsonread.h"
#include "engine/templates/solutiontemplate.h"

#include "app/language.h"
#include "app/projectview.h"
#include "app/theme.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/deploy/appsdialog.h"
#include "widgets/deploy/deploydialog.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/canvas/graphview.h"
#include "widgets/debug/debugsession.h"
#include "widgets/debug/nodedebugbar.h"
#include "widgets/document/commands.h"
#include "widgets/document/documentfile.h"
#include "widgets/gallery/gallerybridge.h"
#include "widgets/gallery/gallerywindow.h"
#include "widgets/gallery/projectchecklist.h"
#include "widgets/knowledge/knowledgepanel.h"
#include "widgets/panels/inspectorwidget.h"
#include "widgets/panels/palettewidget.h"
#include "widgets/panels/runconsole.h"
#include "widgets/panels/serverrequestdialog.h"
#include "widgets/plugins/pluginsdialog.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/panels/trustdialog.h"
#include "widgets/run/trustgate.h"
#include "widgets/settings/generalpage.h"
#include "widgets/settings/keystore.h"
#include "widgets/settings/modelchoice.h"
#include "widgets/settings/settingsdialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

constexpr const char *kClipboardMime = "application/x-flowdeck-nodes";
constexpr double kConsoleShare = 0.35;  // the run panel's largest share of the window's height

// A toolbar button's tooltip: what the action does and its key, "Run (F5)".
void showKeyInToolTip(QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("\\(&\\w\\)")));
    text.remove('&');
    text.remove(QStringLiteral("…"));
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    const QString tip = key.isEmpty() ? text.trimmed() : QStringLiteral("%1 (%2)").arg(text.trimmed(), key);
    if (action->toolTip() != tip)
        action->setToolTip(tip);
}

engine::Workflow blankWorkflow()
{
    engine::Workflow wf;
    wf.id = "untitled";
    wf.name = QObject::tr("Untitled workflow").toStdString();
    wf.mode = "chat";
    wf.models = {{"default", {{"kind", "chat"}}}};  // bound to the user's provider by ModelChoice
    engine::NodeSpec start, llm, answer;
    start.id = "start";
    start.type = "start";
    start.position = {0, 0};
    llm.id = "llm_1";
    llm.type = "llm";
    llm.position = {280, 0};
    llm.config = {{"prompt", "{{sys.query}}"}, {"system", QObject::tr("You are a helpful assistant.").toStdString()}};
    answer.id = "answer_1";
    answer.type = "answer";
    answer.position = {560, 0};
    answer.config = {{"text", "{{llm_1.text}}"}};
    wf.nodes = {start, llm, answer};
    wf.edges = {{"start", "llm_1", ""}, {"llm_1", "answer_1", ""}};
    return wf;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_doc(new GraphDocument(this))
{
    m_scene = new GraphScene(m_doc, this);
    m_view = new GraphView(m_scene, this);
    setCentralWidget(m_view);
    m_palette = new PaletteWidget;
    m_inspector = new InspectorWidget(m_doc);
    m_paletteDock = new QDockWidget(tr("Nodes"), this);
    m_paletteDock->setObjectName("palette");
    m_paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName("inspector");
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    resizeDocks({m_paletteDock, m_inspectorDock}, {240, 360}, Qt::Horizontal);
    m_runner = new RunController(this);
    m_keys = new KeyStore(this);
    for (const QString &name : m_runner->profileNames()) {  // keys kept in the keychain reach the runs
        const std::string secret = engine::valueOr(m_runner->profile(name), "apiKeySecret", "");
        if (!secret.empty())
            m_keys->load(QString::fromStdString(secret), [runner = QPointer<RunController>(m_runner), secret](QString value) {
                if (runner && !value.isEmpty())
                    runner->setSecret(QString::fromStdString(secret), value);
            });
    }
    auto *modelChoice = new ModelChoice(m_runner, m_keys, this);  // findChild<ModelChoice *>() elsewhere
    connect(modelChoice, &ModelChoice::keyRequested, this, [this](const QString &profile) {
        openSettings();
        if (auto *dialog = findChild<SettingsDialog *>("settings"))
            dialog->selectProfile(profile);
    });
    m_servers = new ServerDirectory(m_doc, m_runner, m_keys, this);
    // The user's own folders: their projects and the templates shipped with Flowdeck.
    m_trust = new TrustGate(m_doc, m_servers->catalog(),
                            WorkspaceTrust({GalleryBridge::projectsFolder(),
                                            QString::fromStdString(engine::shippedResourceDir(engine::Resource::Templates).string())}),
                            this);
    statusBar()->addPermanentWidget(m_trust->indicator());
    m_localRuntime = new LocalRuntime(this);
    m_inspector->setServers(m_servers);
    connect(m_inspector, &InspectorWidget::manageKnowledge, this, [this](const QString &base) { openKnowledge(base); });
    m_console = new RunConsole(m_doc, m_scene, m_runner);
    m_debug = new DebugSession(m_doc, m_scene, m_runner, m_console);
    m_debug->setDialogParent(this);
    connect(m_debug, &DebugSession::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    {  // the selected node's debugging buttons under the inspector
        auto *inspectorPane = new QWidget;
        auto *paneLayout = new QVBoxLayout(inspectorPane);
        paneLayout->setContentsMargins(0, 0, 0, 0);
        paneLayout->setSpacing(0);
        paneLayout->addWidget(m_inspector, 1);
        paneLayout->addWidget(new NodeDebugBar(m_debug));
        m_inspectorDock->setWidget(inspectorPane);
    }
    m_consoleDock = new QDockWidget(tr("Run"), this);
    m_consoleDock->setObjectName("console");
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
    m_checklist = new ProjectChecklist(m_doc, m_runner, m_keys, m_servers);
    m_checklistDock = new QDockWidget(tr("Before You Run"), this);
    m_checklistDock->setObjectName("checklistDock");
    m_checklistDock->setWidget(m_checklist);
    addDockWidget(Qt::RightDockWidgetArea, m_checklistDock);
    // A tab beside the inspector, not a split under it: each gets the dock's full height.
    tabifyDockWidget(m_inspectorDock, m_checklistDock);
    m_checklistDock->hide();
    connect(m_checklist, &ProjectChecklist::keyRequested, this, [this](const QString &profile) {
        openSettings();
        if (auto *dialog = findChild<SettingsDialog *>("settings"))
            dialog->selectProfile(profile);
    });
    const QString autosaveDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave";
    m_autosaver = new Autosaver(m_doc, autosaveDir, 30000, this);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const auto ids = m_scene->selectedNodeIds();
        m_inspector->showNode(ids.size() == 1 ? QString::fromStdString(*ids.begin()) : QString());
    });
    connect(m_scene, &GraphScene::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_scene, &GraphScene::validated, this, [this](int problems) {
        if (problems == 0)
            return statusBar()->showMessage(tr("No problems found."), 3000);
        QStringList lines = m_scene->workflowProblems();
        statusBar()->showMessage(tr("%n problem(s); hover over a red node to read it.", nullptr, problems) +
                                 (lines.isEmpty() ? QString() : "  " + lines.front()));
    });
    connect(m_doc->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    // The palette shows the tools of the workflow's plugin servers as they are listed.
    connect(m_servers, &ServerDirectory::changed, this, [this](const QString &alias) {
        const ServerDirectory::Entry *e = m_servers->entry(alias);
        if (e && e->state != ServerDirectory::State::Starting)
            m_palette->setServerTools(alias, QString::fromStdString(engine::safeDump(e->tools)), e->error);
    });
    connect(m_servers, &ServerDirectory::removed, m_palette, &PaletteWidget::removeServerTools);
    connect(m_servers, &ServerDirectory::cleared, m_palette, &PaletteWidget::clearServerTools);
    connect(m_runner, &RunController::serverRequest, this, [this](int id, const QString &method, const QString &params) {
        auto *dialog = new ServerRequestDialog(tr("A plugin"), method, engine::parseJson(params.toStdString()),
                                               [runner = QPointer<RunController>(m_runner), id](nlohmann::json result, QString error) {
                                                   if (runner)
                                                       runner->answerServerRequest(id, result, error);
                                               },
                                               this);
        dialog->setObjectName("serverRequest");
        dialog->open();
    });
    buildActions();
    buildHelpMenu();
    resize(1400, 860);
    resizeDocks({m_consoleDock}, {220}, Qt::Vertical);
    m_view->setMiniMapShown(miniMapSetting());
    engine::Workflow blank = blankWorkflow();
    modelChoice->bindKnown(blank);
    m_doc->reset(std::move(blank));
    m_doc->undoStack()->setClean();
    updateTitle();
    statusBar()->showMessage(tr("Drag a node from the palette; drag from a port to connect."));
    QMetaObject::invokeMethod(this, &MainWindow::offerRecovery, Qt::QueuedConnection);
}

MainWindow::~MainWindow()
{
    delete m_knowledge;  // its ingestion stops before the run controller it embeds with goes
    // The scene clears its items as it goes; the panels it would tell may be gone already.
    m_scene->blockSignals(true);
}

void MainWindow::buildActions()
{
    auto add = [this](QMenu *menu, const QString &text, QKeySequence key, auto slot) {
        QAction *a = menu->addAction(text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    // A standard key where the platform has one, and the usual sequence besides: on X11
    // QKeySequence::Preferences and SaveAs are empty, so those menu items had no key.
    auto keys = [](QKeySequence::StandardKey standard, const QKeySequence &usual) {
        QList<QKeySequence> all = QKeySequence::keyBindings(standard);
        if (!all.contains(usual))
            all << usual;
        return all;
    };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, tr("&New"), QKeySequence::New, [this] {
        if (maybeSave())
            newDocument();
    });
    add(file, tr("New from &Template…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { showGallery(); });
    QAction *open = add(file, tr("&Open…"), QKeySequence::Open, [this] { openDialog(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName("recentMenu");
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction *saveAction = add(file, tr("&Save"), QKeySequence::Save, [this] { save(); });
    QAction *saveAsAction = add(file, tr("Save &As…"), {}, [this] { saveAs(); });
    saveAsAction->setShortcuts(keys(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    buildHistoryActions(file);
    file->addSeparator();
    QAction *settings = add(file, tr("&Settings…"), {}, [this] { openSettings(); });
    settings->setShortcuts(keys(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    settings->setMenuRole(QAction::PreferencesRole);
    QAction *plugins = add(file, tr("P&lugins…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { openPlugins(); });
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    add(edit, tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); });
    add(edit, tr("&Paste"), QKeySequence::Paste, [this] { paste(); });
    add(edit, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { duplicate(); });
    QAction *del = add(edit, tr("&Delete"), QKeySequence::Delete, [this] { deleteSelection(); });
    del->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    add(edit, tr("Select &All"), QKeySequence::SelectAll, [this] {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(true);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = add(view, tr("Zoom &In"), {}, [this] { m_view->zoomBy(1.25); });
    zoomIn->setShortcuts(keys(QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    QAction *zoomOut = add(view, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    QAction *fit = add(view, tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->zoomToFit(); });
    QAction *arrange = add(view, tr("&Arrange"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        m_doc->undoStack()->push(new AutoLayoutCommand(m_doc));
        m_view->zoomToFit();
    });
    QMenu *workflowMenu = menuBar()->addMenu(tr("&Workflow"));
    add(workflowMenu, tr("&Models…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), [this] {
        findChild<ModelChoice *>()->showModelsDialog(m_doc);
    })->setObjectName("workflowModels");
    add(workflowMenu, tr("Conversation &Variables…"), {}, [this] {
        findChild<ModelChoice *>()->showModelsDialog(m_doc, ModelChoice::Page::Variables);
    })->setObjectName("conversationVariables");
    add(workflowMenu, tr("&Environment Variables…"), {}, [this] {
        findChild<ModelChoice *>()->showModelsDialog(m_doc, ModelChoice::Page::Environment);
    })->setObjectName("environmentVariables");
    add(workflowMenu, tr("&Opening Statement…"), {}, [this] {
        findChild<ModelChoice *>()->showModelsDialog(m_doc, ModelChoice::Page::Opening);
    })->setObjectName("openingStatement");
    add(workflowMenu, tr("Content &Safety…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), [this] {
        findChild<ModelChoice *>()->showModelsDialog(m_doc, ModelChoice::Page::Safety);
    })->setObjectName("contentSafety");
    add(workflowMenu, tr("&Knowledge Bases…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), [this] {
        openKnowledge();
    })->setObjectName("knowledgeBases");
    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    QAction *run = add(runMenu, tr("&Run"), QKeySequence(Qt::Key_F5), [this] { m_console->run(); });
    QAction *stop = add(runMenu, tr("&Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { m_console->stop(); });
    runMenu->addSeparator();
    runMenu->addActions({m_debug->runNodeAction(), m_debug->runFromAction(), m_debug->pinAction()});
    runMenu->addSeparator();
    QAction *deploy = add(runMenu, tr("&Deploy…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { openDeploy(); });
    add(runMenu, tr("Deployed &Apps…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D), [this] {
        connect(AppsDialog::showFor(m_localRuntime, this), &AppsDialog::runOpened, this, &MainWindow::openDeployedRun,
                Qt::UniqueConnection);
    })->setObjectName("deployedApps");
    // Panels fold away and come back; the canvas takes the room they leave.
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    int number = 1;
    for (QDockWidget *dock : {m_paletteDock, m_inspectorDock, m_consoleDock, m_checklistDock}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_0 + number++)));
        panels->addAction(toggle);
    }
    QAction *overview = view->addAction(tr("&Overview Map"));
    overview->setObjectName("overviewMapAction");
    overview->setCheckable(true);
    overview->setChecked(miniMapSetting());
    overview->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(overview, &QAction::toggled, this, [this](bool on) {
        setMiniMapSetting(on);
        m_view->setMiniMapShown(on);
    });
    view->addSeparator();
    // The actions used most, one click away, as icons whose tooltips name their keys.
    const std::pair<QAction *, const char *> icons[] = {
        {open, "open"}, {saveAction, "save"}, {undo, "undo"}, {redo, "redo"},
        {run, "run"}, {stop, "stop"}, {deploy, "deploy"}, {fit, "fit"}, {arrange, "layout"}, {zoomIn, "zoom-in"},
        {zoomOut, "zoom-out"}, {plugins, "plugins"}, {settings, "settings"}};
    for (const auto &[action, icon] : icons)
        if (action)
            action->setIcon(QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(icon))));
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolBar");
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->setIconSize(QSize(22, 22));
    bar->setMovable(false);
    for (QAction *a : {open, saveAction, static_cast<QAction *>(nullptr), undo, redo, static_cast<QAction *>(nullptr), run, stop,
                       deploy, static_cast<QAction *>(nullptr), fit, arrange, zoomIn, zoomOut, static_cast<QAction *>(nullptr),
                       plugins, settings}) {
        if (!a) {
            bar->addSeparator();
            continue;
        }
        bar->addAction(a);
        showKeyInToolTip(a);
    }
    // Undo and Redo name what they undo; their tooltips follow.
    for (QAction *a : {undo, redo})
        connect(a, &QAction::changed, this, [a] { showKeyInToolTip(a); });
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = languageSetting();
    for (const auto &[code, label] : {std::pair<QString, QString>{"", tr("System language")}, {"en", "English"}, {"zh_CN", "简体中文"}}) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            setLanguageSetting(code);
            statusBar()->showMessage(tr("The language changes the next time Flowdeck starts."), 6000);
        });
    }
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString currentTheme = themeSetting();
    for (const auto &[code, label] : {std::pair<QString, QString>{"", tr("Follow the System")}, {"light", tr("&Light")}, {"dark", tr("&Dark")}}) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(code == currentTheme);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [code = code] {
            setThemeSetting(code);
            applyTheme(code);
        });
    }
    QAction *snap = view->addAction(tr("&Snap to Grid"));
    snap->setCheckable(true);
    snap->setChecked(true);
    connect(snap, &QAction::toggled, this, [this](bool on) { m_scene->setSnapToGrid(on); });
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_runner, m_keys, this);
    dialog->setObjectName("settings");
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    GeneralPage *general = dialog->general();
    general->setCurrent(languageSetting(), themeSetting());
    connect(general, &GeneralPage::languageChosen, this, [](const QString &language) { setLanguageSetting(language); });
    connect(general, &GeneralPage::themeChosen, this, [](const QString &theme) {
        setThemeSetting(theme);
        applyTheme(theme);
    });
    dialog->open();
}

GalleryWindow *MainWindow::showGallery()
{
    if (!m_gallery) {
        m_gallery = new GalleryWindow(this);
        GalleryBridge *bridge = m_gallery->bridge();
        auto reveal = [this] {
            show();
            raise();
            activateWindow();
            m_gallery->hide();
        };
        bridge->setBeforeCreate([this] { return maybeSave(); });
        // Templates from outside the shipped library are asked about like any other file.
        bridge->setApproveTemplate([this](const engine::SolutionTemplate &t) { return m_trust->approveTemplate(t); });
        bridge->setChooseProvider([this] { return findChild<ModelChoice *>()->providerForNewProject(); });
        connect(bridge, &GalleryBridge::projectCreated, this, [this, reveal](const QString &file, const QString &id) {
            if (openProject(file, id))
                reveal();
        });
        // Without a working page (QtWebEngine could not start), the studio opens on the canvas.
        connect(m_gallery, &GalleryWindow::loaded, this, [this, reveal](bool ok) {
            if (ok)
                return;
            reveal();
            statusBar()->showMessage(tr("The template gallery could not be shown; File → Open… and File → New still work."));
        });
        connect(bridge, &GalleryBridge::openRequested, this, [this, reveal](const QString &file) {
            if (!maybeSave())
                return;
            if (file.isEmpty()) {
                reveal();
                openDialog();
            } else if (openFile(file)) {
                reveal();
            }
        });
        connect(bridge, &GalleryBridge::blankRequested, this, [this, reveal] {
            if (maybeSave()) {
                newDocument();
                reveal();
            }
        });
    } else {
        m_gallery->refresh();
    }
    m_gallery->show();
    m_gallery->raise();
    m_gallery->activateWindow();
    return m_gallery;
}

bool MainWindow::openProject(const QString &flowFile, const QString &templateId)
{
    if (!openFile(flowFile))
        return false;
    if (m_gallery)
        if (const auto *t = m_gallery->bridge()->library().find(templateId.toStdString()))
            if (QLineEdit *query = m_console->inputField("query"))
                query->setText(QString::fromStdString(
                    engine::valueOr(engine::valueOr(t->meta, "sample", nlohmann::json::object()), "query", nlohmann::json::object())
                        .value(GalleryBridge::language().toStdString(), "")));
    m_checklist->refresh();
    m_checklistDock->show();
    m_checklistDock->raise();  // its tab in front of the inspector's
    QMetaObject::invokeMethod(m_view, [view = m_view] { view->zoomToFit(); }, Qt::QueuedConnection);
    statusBar()->showMessage(tr("Project created in %1. Check “Before You Run”, then press Run (F5).")
                                 .arg(QFileInfo(flowFile).absolutePath()));
    return true;
}

PluginsDialog *MainWindow::openPlugins()
{
    if (!m_plugins) {
        m_plugins = new PluginsDialog(m_doc, m_servers, m_runner, m_keys, this);
        m_plugins->setObjectName("plugins");
    }
    m_plugins->show();
    m_plugins->raise();
    m_plugins->activateWindow();
    return m_plugins;
}

DeployDialog *MainWindow::openDeploy()
{
    if (!m_deploy) {
        m_deploy = new DeployDialog(m_doc, m_runner, m_localRuntime, this);
        m_deploy->setObjectName("deploy");
    }
    m_deploy->setProjectFile(m_path);
    m_deploy->show();
    m_deploy->raise();
    return m_deploy;
}

void MainWindow::deleteSelection()
{
    const auto nodes = m_scene->selectedNodeIds();
    const auto edges = m_scene->selectedEdges();
    if (nodes.empty() && edges.empty())
        return;
    m_doc->undoStack()->push(new DeleteCommand(m_doc, nodes, edges));
}

void MainWindow::copySelection()
{
    const auto nodes = m_scene->selectedNodeIds();
    if (nodes.empty())
        return;
    auto *mime = new QMimeData;
    const QByteArray text = QByteArray::fromStdString(studio::copySelection(*m_doc, nodes));
    mime->setData(kClipboardMime, text);
    mime->setText(QString::fromUtf8(text));
    QApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
}

void MainWindow::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    const QByteArray text = mime && mime->hasFormat(kClipboardMime) ? mime->data(kClipboardMime)
                            : mime                                   ? mime->text().toUtf8()
                                                                     : QByteArray();
    ++m_pasteCount;
    auto *command = new PasteCommand(m_doc, text.toStdString(), {40.0 * m_pasteCount, 40.0 * m_pasteCount});
    if (!command->valid()) {
        delete command;
        statusBar()->showMessage(tr("The clipboard holds no Flowdeck nodes."), 4000);
        return;
    }
    const auto ids = command->pastedIds();
    m_doc->undoStack()->push(command);
    m_scene->selectNodes(ids);
}

void MainWindow::duplicate()
{
    copySelection();
    paste();
}

void MainWindow::newDocument()
{
    rememberView();
    m_trust->trustNew();
    engine::Workflow blank = blankWorkflow();
    findChild<ModelChoice *>()->bindKnown(blank);
    m_doc->reset(std::move(blank));
    m_path.clear();
    m_documentName.clear();
    m_autosaver->setDocumentPath({});
    updateTitle();
    m_view->zoomToFit();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workflow"), {}, tr("Flowdeck workflows (*.flow.json)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path, bool fromOutside)
{
    QString error;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Cannot open"), tr("%1 could not be opened:\n\n%2").arg(path, file.errorString()));
        return false;
    }
    rememberView();  // the project being left
    // Trust is decided before the document changes, so nothing of an untrusted file starts.
    m_trust->beforeOpen(path, file.readAll(), fromOutside);
    if (!openDocument(*m_doc, path, &error)) {
        m_trust->openFailed();
        QMessageBox::warning(this, tr("Cannot open"), tr("%1 could not be opened:\n\n%2").arg(path, error));
        return false;
    }
    m_trust->afterOpen();
    m_path = path;
    m_autosaver->setDocumentPath(path);
    addRecent(path);
    updateTitle();
    restoreView();
    return true;
}

bool MainWindow::saveTo(const QString &path, const QString &versionMessage)
{
    QString error;
    if (!saveDocument(*m_doc, path, &error)) {
        QMessageBox::warning(this, tr("Not saved"), error);
        return false;
    }
    m_path = path;
    m_trust->afterSave(path);
    m_autosaver->setDocumentPath(path);  // discards the autosave of the saved work
    addRecent(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()) + "  " + recordSave(path, versionMessage), 6000);
    return true;
}

bool MainWindow::save() { return m_path.isEmpty() ? saveAs() : saveTo(m_path); }

bool MainWindow::saveAs(const QString &versionMessage)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save workflow"), m_path, tr("Flowdeck workflows (*.flow.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(".flow.json"))
        path += ".flow.json";
    return saveTo(path, versionMessage);
}

bool MainWindow::maybeSave()
{
    if (m_doc->undoStack()->isClean())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The workflow has changes that are not saved. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave())
        return event->ignore();
    rememberView();
    m_autosaver->discard();
    event->accept();
}

KnowledgePanel *MainWindow::openKnowledge(const QString &base)
{
    if (!m_knowledge) {
        m_knowledge = new KnowledgePanel(m_runner, this);
        m_knowledge->setProjectFile(m_path);
        connect(m_knowledge, &KnowledgePanel::basesChanged, this, [this] { m_inspector->showNode(m_inspector->nodeId()); });
    }
    m_knowledge->reloadBases();
    if (!base.isEmpty())
        m_knowledge->selectBase(base);
    m_knowledge->show();
    m_knowledge->raise();
    m_knowledge->activateWindow();
    return m_knowledge;
}

void MainWindow::updateTitle()
{
    // The project's folder holds its knowledge bases: runs, the inspector and the panel follow it.
    m_runner->setProjectFile(m_path);
    m_inspector->setProjectFile(m_path);
    if (m_knowledge)
        m_knowledge->setProjectFile(m_path);
    const QString name = !m_path.isEmpty() ? QFileInfo(m_path).fileName() : !m_documentName.isEmpty() ? m_documentName : tr("Untitled");
    setWindowTitle(QStringLiteral("%1%2 — Flowdeck").arg(name, m_doc->undoStack()->isClean() ? "" : " *"));
}

void MainWindow::rememberView()
{
    if (!m_path.isEmpty() && isVisible())
        saveProjectView(m_path, {saveState(), m_view->visibleArea()});
}

void MainWindow::restoreView()
{
    const auto saved = projectView(m_path);
    if (saved && !saved->windowState.isEmpty())
        restoreState(saved->windowState);
    boundConsoleHeight();
    if (saved)
        m_view->showArea(saved->visibleArea);  // falls back to a fit when it would show no node
    else
        m_view->zoomToFit();  // kept until the view has its size, so never a dot
}

void MainWindow::boundConsoleHeight()
{
    // The canvas keeps the room: the run panel may take at most a third of the height.
    m_consoleDock->setMaximumHeight(std::max(120, static_cast<int>(height() * kConsoleShare)));
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    boundConsoleHeight();
}

void MainWindow::offerRecovery()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave";
    const auto pending = Autosaver::pending(dir);
    if (pending.isEmpty() || qEnvironmentVariableIsSet("FLOWDECK_NO_RECOVERY_PROMPT"))
        return;
    const auto &r = pending.front();
    const QString what = r.originalPath.isEmpty() ? tr("an unsaved workflow") : r.originalPath;
    if (QMessageBox::question(this, tr("Recover work"),
                              tr("Flowdeck did not close properly. Recover the changes to %1 from %2?")
                                  .arg(what, r.savedAt.toLocalTime().toString()))
        != QMessageBox::Yes)
        return;
    QString error;
    // Recovered changes are as trusted as the file they were made to.
    QFile original(r.originalPath);
    if (r.originalPath.isEmpty() || !original.open(QIODevice::ReadOnly))
        m_trust->trustNew();
    else
        m_trust->beforeOpen(r.originalPath, original.readAll());
    if (!Autosaver::recover(*m_doc, r, &error)) {
        m_trust->openFailed();
        return (void)QMessageBox::warning(this, tr("Recover work"), error);
    }
    m_trust->afterOpen();
    m_path = r.originalPath;
    m_autosaver->setDocumentPath(m_path);
    updateTitle();
    m_view->zoomToFit();
}

} // namespace studio
} // namespace flowdeck
