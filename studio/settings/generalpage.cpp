#include "studio/settings/generalpage.h"

#include "studio/app/language.h"
#include "studio/app/theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace flowdeck {
namespace studio {

GeneralPage::GeneralPage(QWidget *parent) : QWidget(parent)
{
    m_language = new QComboBox;
    m_language->setObjectName("language");
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(languageSetting())));
    m_theme = new QComboBox;
    m_theme->setObjectName("theme");
    m_theme->addItem(tr("Follow the system"), QString());
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeSetting())));
    m_note = new QLabel;
    m_note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(m_note);

    connect(m_language, &QComboBox::activated, this, [this] {
        setLanguageSetting(m_language->currentData().toString());
        m_note->setText(tr("The language changes the next time Flowdeck starts."));
    });
    connect(m_theme, &QComboBox::activated, this, [this] {
        setThemeSetting(m_theme->currentData().toString());
        applyTheme(m_theme->currentData().toString());
    });
}

QString GeneralPage::note() const { return m_note->text(); }

} // namespace studio
} // namespace flowdeck
