#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QToolButton;

namespace flowdeck {
namespace studio {

// A start input of type file in the run console: *Choose…* opens a file dialog filtered
// to the types the input accepts, or a file is dropped on it. The run gets the chosen
// file as {name, path, size, type}; a file of another type is refused with a sentence.
class FileInputField : public QWidget {
    Q_OBJECT

public:
    // `accept`: extensions (".csv") or media types ("image/*", "application/pdf"); empty: any.
    explicit FileInputField(std::vector<std::string> accept, QWidget *parent = nullptr);

    // Takes the file at `path`; false (with the reason shown) when it is not a readable
    // file of an accepted type.
    bool setFile(const QString &path);
    void clear();
    nlohmann::json value() const;  // {name, path, size, type}, or null when none is chosen
    QPushButton *chooseButton() const { return m_choose; }
    QLabel *statusLabel() const { return m_status; }

    // Whether a file with this name and media type is one `accept` allows.
    static bool accepts(const std::vector<std::string> &accept, const QString &fileName, const QString &mediaType);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void choose();
    QString filters() const;  // for the file dialog
    void showStatus(const QString &text, bool problem);

    std::vector<std::string> m_accept;
    nlohmann::json m_value;
    QLabel *m_status;
    QPushButton *m_choose;
    QToolButton *m_clear;
};

} // namespace studio
} // namespace flowdeck
