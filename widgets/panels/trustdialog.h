#pragma once

#include "engine/templates/workflowreach.h"

#include <QDialog>

class QPushButton;

namespace flowdeck {
namespace studio {

// Asks whether to trust a workflow or template from outside the user's own projects,
// showing exactly what trusting it allows: the commands its plugins start, the addresses
// it sends requests to and the secrets it reads. Accepted: trust it; rejected: keep it
// restricted (it can be viewed and edited, but runs nothing).
class TrustDialog : public QDialog {
    Q_OBJECT

public:
    TrustDialog(const QString &source, const engine::WorkflowReach &reach, QWidget *parent = nullptr);

    QPushButton *trustButton() const { return m_trust; }
    QPushButton *restrictButton() const { return m_restrict; }
    QString reachText() const { return m_reachText; }

private:
    QPushButton *m_trust = nullptr;
    QPushButton *m_restrict = nullptr;
    QString m_reachText;
};

} // namespace studio
} // namespace flowdeck
