#pragma once

#include <QPointer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace flowdeck::studio {

class GraphDocument;
class RunController;

// Runs a code node once with sample input, off the GUI thread, in the same sandbox as a
// workflow run: a line per input of the node (prefilled with what its reference held in
// the run console's last run, when there was one), *Run with sample input*, and what
// came back — the outputs, the printed text, the limit that stopped it and the time.
// A sample is read as its reference's type: text as typed, numbers, booleans, objects
// and lists as JSON.
class CodeTryPanel : public QWidget {
    Q_OBJECT

public:
    CodeTryPanel(GraphDocument *doc, std::string nodeId, QWidget *parent = nullptr);
    ~CodeTryPanel() override;

    void run();  // with the node's code and limits as they are now
    bool running() const { return m_running; }
    QLineEdit *sampleField(const QString &input) const;
    QPushButton *runButton() const { return m_run; }
    QLabel *status() const { return m_status; }
    QPlainTextEdit *outputView() const { return m_outputs; }
    QPlainTextEdit *logView() const { return m_logs; }

signals:
    void finished();  // a run's result is shown

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuildSamples();  // a line per input, keeping what was typed
    void prefill();         // empty lines from the last run's values
    nlohmann::json sampleValue(const nlohmann::json &input, const QString &text) const;
    // Runs `config` once with `inputs` on the engine's side; showResult gets
    // {outputs, logs, limit, error, elapsedMs} back on the GUI thread.
    void launch(nlohmann::json config, nlohmann::json inputs);
    void showResult(const nlohmann::json &result);

    GraphDocument *m_doc;
    std::string m_nodeId;
    QStringList m_names;  // the inputs the lines are for
    QWidget *m_samplesHost;
    QFormLayout *m_samples;
    QPushButton *m_run;
    QLabel *m_status;
    QPlainTextEdit *m_outputs;
    QPlainTextEdit *m_logs;
    bool m_running = false;
    QPointer<RunController> m_runner;  // whose engine runs the call, while it runs
    std::shared_ptr<std::atomic<std::uint64_t>> m_call = std::make_shared<std::atomic<std::uint64_t>>(0);  // its id there
};

} // namespace flowdeck::studio
