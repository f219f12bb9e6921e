#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace flowdeck {
namespace studio {

// Appearance and language: the theme (system, light, dark) changes at once; the
// interface language (system, English, 简体中文) at the next start. The page only
// offers the choices; the application stores and applies them (app/theme, app/language).
class GeneralPage : public QWidget {
    Q_OBJECT

public:
    explicit GeneralPage(QWidget *parent = nullptr);
    QComboBox *language() const { return m_language; }
    QComboBox *theme() const { return m_theme; }
    QString note() const;
    // The stored choices ("" = follow the system) shown as selected.
    void setCurrent(const QString &language, const QString &theme);

signals:
    void languageChosen(const QString &language);  // "", "en", "zh_CN"
    void themeChosen(const QString &theme);        // "", "light", "dark"

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_note;
};

} // namespace studio
} // namespace flowdeck
