#include "widgets/settings/generalpage.h"

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
        m_theme = new QComboBox;
    m_theme->setObjectName("theme");
    m_theme->addItem(tr("Follow the system"), QString());
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
        m_note = new QLabel;
    m_note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(m_note);

    connect(m_language, &QComboBox::activated, this, [this] {
        emit languageChosen(m_language->currentData().toString());
        m_note->setText(tr("The language changes the next time Flowdeck starts."));
    });
    connect(m_theme, &QComboBox::activated, this, [this] {
        emit themeChosen(m_theme->currentData().toString());
    });
}

void GeneralPage::setCurrent(const QString &language, const QString &theme)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(theme)));
}

QString GeneralPage::note() const { return m_note->text(); }

} // namespace studio
} // namespace flowdeck
