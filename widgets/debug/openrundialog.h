#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLabel;
class QPushButton;

namespace flowdeck {
namespace studio {

// Asks which run of a deployed app to open in the studio: a run id typed or pasted, or
// one of the app's recent runs picked from the list (the failed ones first).
class OpenRunDialog : public QDialog {
    Q_OBJECT

public:
    struct Recent {
        QString runId, status, started, error;
    };
    OpenRunDialog(const QString &app, const QList<Recent> &recent, const QString &selected, QWidget *parent = nullptr);
    QComboBox *runBox() const { return m_run; }
    QPushButton *openButton() const { return m_open; }
    QString runId() const;  // what was typed or picked (the id only)
    void setProblem(const QString &text);  // the runtime's refusal, shown under the box
    void setBusy(bool busy);

signals:
    void openRequested(const QString &runId);

private:
    QComboBox *m_run;
    QLabel *m_problem;
    QPushButton *m_open;
};

} // namespace studio
} // namespace flowdeck
