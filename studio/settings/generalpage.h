#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace flowdeck {
namespace studio {

// Appearance and language: the theme (system, light, dark) changes at once; the
// interface language (system, English, 简体中文) at the next start.
class GeneralPage : public QWidget {
    Q_OBJECT

public:
    explicit GeneralPage(QWidget *parent = nullptr);
    QComboBox *language() const { return m_language; }
    QComboBox *theme() const { return m_theme; }
    QString note() const;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_note;
};

} // namespace studio
} // namespace flowdeck
