// Nothing a user reads is left in English when the studio speaks Chinese: lupdate finds
// no unfinished string, every template carries Chinese for its workflow, nodes and
// inputs, and Qt's own translations (standard buttons and dialogs) are installed.
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>

namespace {

const QString kSource = QStringLiteral(FLOWDECK_SOURCE_DIR);

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The source text of every message whose translation is unfinished or empty.
QStringList untranslated(const QString &tsText)
{
    QStringList out;
    static const QRegularExpression message(QStringLiteral("<message[^>]*>(.*?)</message>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression source(QStringLiteral("<source>(.*?)</source>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression empty(QStringLiteral("<translation>\\s*</translation>|<numerusform>\\s*</numerusform>"));
    for (auto it = message.globalMatch(tsText); it.hasNext();) {
        const QString body = it.next().captured(1);
        if (body.contains(QLatin1String("type=\"vanished\"")) || body.contains(QLatin1String("type=\"obsolete\"")))
            continue;
        if (body.contains(QLatin1String("type=\"unfinished\"")) || body.contains(empty))
            out << source.match(body).captured(1);
    }
    return out;
}

QString nonEmpty(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split('.'))
        value = value.toObject().value(key);
    return value.toString().trimmed();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everyStudioStringIsTranslated()
    {
        const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        if (!QFileInfo(lupdate).isExecutable())
            QFAIL(qPrintable(lupdate + " is missing: install Debian's qt6-l10n-tools (scripts/setup.sh does)."));
        // lupdate rewrites the file it is given: it gets a copy, and the real file stays as it is.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QStringLiteral("flowdeck_zh_CN.ts"));
        QVERIFY(QFile::copy(kSource + QStringLiteral("/resources/translations/flowdeck_zh_CN.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess run;
        run.setWorkingDirectory(kSource);
        run.start(lupdate, {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("app"), QStringLiteral("widgets"),
                            QStringLiteral("-ts"), copy});
        QVERIFY2(run.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        const QString text = QString::fromUtf8(readFile(copy));
        QVERIFY(text.contains(QLatin1String("<context>")));
        const QStringList missing = untranslated(text);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 studio string(s) have no Chinese. Run\n  /usr/lib/qt6/bin/lupdate -I . app widgets "
                                           "-ts resources/translations/flowdeck_zh_CN.ts\nand translate them in Qt Linguist:\n  ")
                                .arg(missing.size()) +
                            missing.mid(0, 40).join(QStringLiteral("\n  "))));
    }

    // The check above must see an unfinished entry, or it proves nothing.
    void theCheckSeesUnfinishedEntries()
    {
        const QString ts = QStringLiteral(
            "<TS><context><name>X</name>"
            "<message><source>Done</source><translation>完成</translation></message>"
            "<message><source>Open</source><translation type=\"unfinished\"></translation></message>"
            "<message><source>Gone</source><translation type=\"vanished\">没了</translation></message>"
            "<message numerus=\"yes\"><source>%n file(s)</source><translation><numerusform></numerusform></translation></message>"
            "</context></TS>");
        QCOMPARE(untranslated(ts), QStringList({QStringLiteral("Open"), QStringLiteral("%n file(s)")}));
    }

    void everyTemplateSpeaksChinese()
    {
        QStringList problems;
        const QDir dir(kSource + QStringLiteral("/templates"));
        const QStringList ids = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        int templates = 0;
        for (const QString &id : ids) {
            const QByteArray text = readFile(dir.filePath(id + QStringLiteral("/template.json")));
            if (text.isEmpty())
                continue;
            ++templates;
            const QJsonObject workflow = QJsonDocument::fromJson(text).object().value(QStringLiteral("workflow")).toObject();
            for (const QString &field : {QStringLiteral("name"), QStringLiteral("description")})
                if (nonEmpty(workflow, QStringLiteral("i18n.zh.") + field).isEmpty())
                    problems << QStringLiteral("%1: the workflow has no i18n.zh.%2").arg(id, field);
            for (const QJsonValue &node : workflow.value(QStringLiteral("nodes")).toArray())
                if (nonEmpty(node.toObject(), QStringLiteral("i18n.zh.title")).isEmpty())
                    problems << QStringLiteral("%1: node '%2' has no i18n.zh.title").arg(id, node[QStringLiteral("id")].toString());
            for (const QJsonValue &input : workflow.value(QStringLiteral("inputs")).toArray()) {
                const QJsonObject in = input.toObject();
                const QString name = in.value(QStringLiteral("name")).toString();
                if (nonEmpty(in, QStringLiteral("i18n.zh.label")).isEmpty())
                    problems << QStringLiteral("%1: input '%2' has no i18n.zh.label").arg(id, name);
                const QJsonValue zhOptions = in[QStringLiteral("i18n")][QStringLiteral("zh")][QStringLiteral("options")];
                if (!zhOptions.isUndefined() &&
                    zhOptions.toArray().size() != in.value(QStringLiteral("options")).toArray().size())
                    problems << QStringLiteral("%1: input '%2' has i18n.zh.options that do not match its options one for one")
                                    .arg(id, name);
            }
        }
        QVERIFY2(templates >= 15, qPrintable(QStringLiteral("only %1 templates found").arg(templates)));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void qtsOwnTranslationsAreInstalled()
    {
        // QDialogButtonBox's standard buttons ("Cancel", "Save"...) come from Qt's own catalog.
        QTranslator qt;
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        QVERIFY2(qt.load(QStringLiteral("qtbase_zh_CN"), dir),
                 qPrintable(QStringLiteral("qtbase_zh_CN.qm is not in %1: install Debian's qt6-translations-l10n "
                                           "(scripts/setup.sh does).").arg(dir)));
        QCOMPARE(qt.translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
