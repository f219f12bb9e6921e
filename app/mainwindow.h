#pragma once

#include <QMainWindow>

class QDockWidget;
class QMenu;

namespace flowdeck {
namespace studio {

class Autosaver;
class GraphDocument;
class GraphScene;
class GraphView;
class InspectorWidget;
class KnowledgePanel;
class PaletteWidget;
class RunConsole;
class RunController;
class DeployDialog;
class KeyStore;
class LocalRuntime;
class PluginsDialog;
class ServerDirectory;
class GalleryWindow;
class ProjectChecklist;
class TrustGate;
class DebugSession;
class HistoryDialog;

// The studio's main window: palette (left), canvas (centre), inspector (right), run
// console (bottom, at most a third of the height), an icon toolbar, and the File, Edit,
// View, Run and Help menus with their shortcuts. Each project's dock layout and canvas
// view are remembered (projectview.h).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString &path, bool fromOutside = false);  // fromOutside: see TrustGate::beforeOpen
    // Saves to `path` and records it as a version of its project (`versionMessage` empty: "Saved <name>").
    bool saveTo(const QString &path, const QString &versionMessage = {});
    // File → History… (Ctrl+Shift+H): the open project's versions, diffs and restore; nullptr when never saved.
    HistoryDialog *openHistory();
    // File → Import → Dify App…: a Dify DSL file as a new project, opened, with its import report.
    bool importDifyApp();
    GraphDocument *document() const { return m_doc; }
    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    PaletteWidget *palette() const { return m_palette; }
    InspectorWidget *inspector() const { return m_inspector; }
    RunConsole *console() const { return m_console; }
    RunController *runner() const { return m_runner; }
    KeyStore *keys() const { return m_keys; }
    ServerDirectory *servers() const { return m_servers; }
    void openSettings();
    PluginsDialog *openPlugins();  // shows the Plugins dialog (one at a time)
    DeployDialog *openDeploy();    // shows the Deploy dialog
    // Workflow → Knowledge Bases… (Ctrl+Shift+K): the open project's bases, on `base` if given.
    KnowledgePanel *openKnowledge(const QString &base = {});
    KnowledgePanel *knowledge() const { return m_knowledge; }
    LocalRuntime *localRuntime() const { return m_localRuntime; }
    // The start page (template gallery); created on first use.
    GalleryWindow *showGallery();
    GalleryWindow *gallery() const { return m_gallery; }
    ProjectChecklist *checklist() const { return m_checklist; }
    TrustGate *trust() const { return m_trust; }
    // Opens a project made from a template: its workflow, the sample question in the run
    // panel, and the checklist of what it needs.
    bool openProject(const QString &flowFile, const QString &templateId);
    const QString &filePath() const { return m_path; }
    QDockWidget *consoleDock() const { return m_consoleDock; }
    QMenu *recentMenu() const { return m_recentMenu; }
    void showShortcuts();  // Help → Keyboard Shortcuts
    DebugSession *debug() const { return m_debug; }  // run this node, run from here, pins
    // Opens a run fetched from a runtime (Deployed Apps → Open Run in Studio) as a new
    // unsaved document titled "<app> — run <id>", with the run's inputs and trace.
    bool openDeployedRun(const QString &app, const QString &runId, const QString &answerJson);
    // The studio's guide (docs/studio.md) installed beside the program, or empty.
    static QString documentationPath();

    // Edit actions, also used by tests.
    void deleteSelection();
    void copySelection();
    void paste();
    void duplicate();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildActions();
    void newDocument();
    void openDialog();
    bool save();
    bool saveAs(const QString &versionMessage = {});
    bool maybeSave();
    void updateTitle();
    void offerRecovery();
    void addRecent(const QString &path);
    void fillRecentMenu();
    void buildHelpMenu();
    void buildHistoryActions(QMenu *file);  // mainwindowhistory.cpp
    QString recordSave(const QString &path, const QString &message);  // the status bar's note on the version
    void rememberView();  // the open project's layout and canvas view, for next time
    void restoreView();
    void boundConsoleHeight();

    GraphDocument *m_doc;
    GraphScene *m_scene;
    GraphView *m_view;
    PaletteWidget *m_palette;
    InspectorWidget *m_inspector;
    Autosaver *m_autosaver;
    RunController *m_runner;
    RunConsole *m_console;
    KeyStore *m_keys;
    ServerDirectory *m_servers;
    PluginsDialog *m_plugins = nullptr;
    DeployDialog *m_deploy = nullptr;
    KnowledgePanel *m_knowledge = nullptr;
    LocalRuntime *m_localRuntime;
    GalleryWindow *m_gallery = nullptr;
    ProjectChecklist *m_checklist;
    QDockWidget *m_checklistDock;
    QDockWidget *m_paletteDock;
    QDockWidget *m_inspectorDock;
    QDockWidget *m_consoleDock;
    QMenu *m_recentMenu = nullptr;
    TrustGate *m_trust;
    DebugSession *m_debug;
    QString m_path;
    QString m_documentName;  // the title of an unsaved document that has one (an opened run)
    int m_pasteCount = 0;
};

} // namespace studio
} // namespace flowdeck
