#pragma once

#include "engine/workflow/workflow.h"

#include <QGroupBox>
#include <QJsonObject>
#include <QStringList>

class QLabel;

namespace flowdeck {
namespace studio {

class RuntimeAdmin;

// The deploy dialog's "Changes since the live version": asks the runtime for the app's
// live version (GET /admin/v1/apps/{app}, whose source names the project version it was
// deployed from) and lists what changed in the workflow since that version, read from the
// project's history — or says it is the first deploy, or why it cannot tell.
class LiveChanges : public QGroupBox {
    Q_OBJECT

public:
    explicit LiveChanges(QWidget *parent = nullptr);

    // Asks the runtime at `baseUrl` about `app` and shows the changes of `current` since its live version.
    void check(const QString &baseUrl, const QString &token, const QString &app, const QString &workflowFile,
               const engine::Workflow &current);
    // The same from an answer already at hand: the HTTP status and body of GET apps/{app}.
    void showAnswer(int status, const QJsonObject &app, const QString &error, const QString &appName,
                    const QString &workflowFile, const engine::Workflow &current);
    void showNote(const QString &text);  // nothing to compare (Kubernetes, no URL yet)

    QString text() const;                               // what it says, as plain text
    const QStringList &changes() const { return m_changes; }  // one sentence per change

signals:
    void shown();

private:
    void setText(const QString &lead, const QStringList &changes);

    RuntimeAdmin *m_admin;
    QLabel *m_label;
    QStringList m_changes;
    int m_asked = 0;  // answers to an older question are dropped
};

} // namespace studio
} // namespace flowdeck
