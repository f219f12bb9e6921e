#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

#include <filesystem>

class QLabel;
class QPlainTextEdit;

namespace flowdeck::studio {

// The passage a citation points at, read from its base: the source line ("[1]
// manual.pdf, page 3"), the document and where in it, and the whole passage.
class PassageDialog : public QDialog {
    Q_OBJECT

public:
    // `citation` is one entry of a knowledge node's citations output.
    PassageDialog(const std::filesystem::path &knowledgeFolder, const nlohmann::json &citation, QWidget *parent = nullptr);

    QPlainTextEdit *text() const { return m_text; }
    QLabel *source() const { return m_source; }

private:
    QLabel *m_source;
    QPlainTextEdit *m_text;
};

} // namespace flowdeck::studio
