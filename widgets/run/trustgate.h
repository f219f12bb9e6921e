#pragma once

#include "widgets/document/workspacetrust.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QPushButton;
class QWidget;

namespace flowdeck::engine {
class PluginCatalog;
struct SolutionTemplate;
} // namespace flowdeck::engine

namespace flowdeck {
namespace studio {

class GraphDocument;
class TrustDialog;

// Workspace trust for the studio's one document: decides, when a file is opened, whether
// it is the user's own (WorkspaceTrust), keeps an untrusted one restricted (the document
// says so; the server directory, run console and deploy dialog then start and resolve
// nothing) and asks the user with a TrustDialog: once right after opening, and again
// when they try to run or deploy it. Approvals are remembered by content.
class TrustGate : public QObject {
    Q_OBJECT

public:
    TrustGate(GraphDocument *doc, const engine::PluginCatalog &catalog, WorkspaceTrust trust, QWidget *window);

    // Before `content` (read from `path`) is opened into the document: sets its trust.
    // `fromOutside`: the file was just made from someone else's work (an imported Dify app)
    // and is trusted only once approved, wherever it was written.
    void beforeOpen(const QString &path, const QByteArray &content, bool fromOutside = false);
    // The file could not be opened: the document keeps what it had.
    void openFailed();
    // After it opened: an untrusted file is asked about (window-modal, not blocking).
    void afterOpen();
    // A new or recovered document is the user's own work.
    void trustNew();
    // After the studio saved the document to `path`: trusted content stays trusted.
    void afterSave(const QString &path);
    // Asks now (blocking) whether to trust the open document; true if it is trusted.
    bool askNow();
    // Before a project is made from a template: asks unless it is in a trusted folder
    // (the shipped library); false when the user keeps it out.
    bool approveTemplate(const engine::SolutionTemplate &t);

    TrustDialog *openDialog() const { return m_dialog; }  // the question on screen, if any
    QPushButton *indicator() const { return m_indicator; }  // "Restricted" in the status bar

private:
    TrustDialog *makeDialog(const QString &source);
    void approve();
    void updateIndicator();

    GraphDocument *m_doc;
    const engine::PluginCatalog &m_catalog;
    WorkspaceTrust m_trust;
    QWidget *m_window;
    QString m_source;
    QByteArray m_content;  // of the open file, as read
    QString m_previousSource;
    QByteArray m_previousContent;
    bool m_previousTrusted = true;
    QPointer<TrustDialog> m_dialog;
    QPushButton *m_indicator;
};

} // namespace studio
} // namespace flowdeck
