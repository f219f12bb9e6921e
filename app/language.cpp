#include "app/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

static void initTranslationResources() { Q_INIT_RESOURCE(flowdeck_i18n); }

namespace flowdeck {
namespace studio {

QString languageSetting() { return QSettings().value("language").toString(); }

void setLanguageSetting(const QString &language) { QSettings().setValue("language", language); }

QString installTranslations(const QString &requested)
{
    static QTranslator *studio = nullptr, *qt = nullptr;
    for (QTranslator **t : {&studio, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    QString language = requested.isEmpty() ? languageSetting() : requested;
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Chinese ? "zh_CN" : "en";
    QLocale::setDefault(QLocale(language));
    initTranslationResources();
    studio = new QTranslator;  // for English, just the plural forms
    if (studio->load(":/i18n/flowdeck_" + language + ".qm"))
        QCoreApplication::installTranslator(studio);
    if (language == "en")
        return language;
    qt = new QTranslator;  // Qt's own dialogs and buttons, when Debian's translations are installed
    if (qt->load("qtbase_" + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace studio
} // namespace flowdeck
