#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace flowdeck {
namespace studio {

// A long message in one line: its first line, elided to the room there is, and a
// *Show details* button that opens the whole text (an npm log, a stack of errors) in a
// dialog where it can be read and copied. It never asks for more width than it has,
// so a long error cannot squeeze the canvas.
class DetailsBox : public QWidget {
    Q_OBJECT

public:
    explicit DetailsBox(QWidget *parent = nullptr);

    void setMessage(const QString &text, bool problem = true);
    void clear();
    const QString &message() const { return m_text; }
    QString summary() const;  // the one line shown
    QToolButton *detailsButton() const { return m_details; }
    void showDetails();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QLabel *m_line;
    QToolButton *m_details;
    QString m_text;
    QString m_first;
};

} // namespace studio
} // namespace flowdeck
