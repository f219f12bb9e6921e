#pragma once

#include "engine/guard/guardfinding.h"
#include "widgets/editors/guardspans.h"

#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace flowdeck::engine {
class LocalGuard;
}

namespace flowdeck::studio {

// "Try the checks": a text typed or pasted is scanned by the local checks as it changes
// (a moment after the last key), what they find is marked in the text in its category's
// colour (hover for the category and the check) and listed below, and in mask mode the
// masked text is shown too. The checks are compiled again when they change; provider
// checks are not called from here.
class GuardTestBox : public QWidget {
    Q_OBJECT

public:
    explicit GuardTestBox(QWidget *parent = nullptr);
    ~GuardTestBox() override;

    void setChecks(const nlohmann::json &checks);
    void setSource(engine::TextSource source);
    void setMasking(bool masking);  // show the masked text (mask mode)

    QPlainTextEdit *textBox() const { return m_text; }
    QListWidget *findingList() const { return m_list; }
    QPlainTextEdit *maskedView() const { return m_masked; }
    QLabel *status() const { return m_status; }
    QLabel *providerHint() const { return m_providerHint; }
    const engine::GuardFindings &findings() const { return m_findings; }
    const std::vector<GuardTextRange> &ranges() const { return m_ranges; }  // parallel to findings()
    // What hovering over text position `position` shows: the findings there, one a line.
    QString toolTipAt(int position) const;
    void scanNow();  // without waiting for the pause after typing

signals:
    void scanned();  // findings() and the marks are up to date

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void compile();
    void mark();

    QPlainTextEdit *m_text;
    QLabel *m_status;
    QLabel *m_providerHint;
    QListWidget *m_list;
    QLabel *m_maskedTitle;
    QPlainTextEdit *m_masked;
    QTimer m_soon;
    nlohmann::json m_checks = nlohmann::json::object();
    std::shared_ptr<const engine::LocalGuard> m_guard;
    QString m_compileError;
    bool m_stale = true;  // the checks changed since they were compiled
    engine::TextSource m_source = engine::TextSource::User;
    bool m_masking = false;
    engine::GuardFindings m_findings;
    std::vector<GuardTextRange> m_ranges;
};

} // namespace flowdeck::studio
