#include "widgets/editors/guardtermsfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <unordered_set>

namespace flowdeck::studio {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(GuardTermsFile)
};

constexpr qint64 kPiece = 1 << 20;

// The first field of a CSV line: quoted ("a ""b"", c" -> a "b", c) or up to the first comma.
QString firstCsvField(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (!trimmed.startsWith(QLatin1Char('"')))
        return trimmed.section(QLatin1Char(','), 0, 0);
    QString field;
    for (int i = 1; i < trimmed.size(); ++i) {
        if (trimmed[i] != QLatin1Char('"')) {
            field += trimmed[i];
        } else if (i + 1 < trimmed.size() && trimmed[i + 1] == QLatin1Char('"')) {
            field += QLatin1Char('"');
            ++i;
        } else {
            break;
        }
    }
    return field;
}

// Reads the whole file with `encoding`; false when its bytes are not that encoding.
bool readAs(QFile &file, QStringDecoder decoder, qint64 skip, bool csv, GuardTermsFile &out)
{
    if (!decoder.isValid())
        return false;
    out.terms.clear();
    out.duplicates = 0;
    std::unordered_set<std::string> seen;
    auto take = [&](const QString &line) {
        const QString term = (csv ? firstCsvField(line) : line).trimmed();
        if (term.isEmpty())
            return;
        std::string bytes = term.toStdString();
        if (seen.insert(bytes).second)
            out.terms.push_back(std::move(bytes));
        else
            ++out.duplicates;
    };
    file.seek(skip);
    QString pending;
    while (!file.atEnd()) {
        const QByteArray piece = file.read(kPiece);
        if (piece.isEmpty())
            break;
        pending += decoder.decode(piece);
        if (decoder.hasError())
            return false;
        qsizetype from = 0;
        for (qsizetype nl = pending.indexOf(QLatin1Char('\n')); nl >= 0; nl = pending.indexOf(QLatin1Char('\n'), from)) {
            take(pending.mid(from, nl - from));  // a CR before it goes with the trimming
            from = nl + 1;
        }
        pending.remove(0, from);
    }
    pending += decoder.decode(QByteArray());
    if (decoder.hasError())
        return false;
    take(pending);
    return true;
}

} // namespace

GuardTermsFile readGuardTermsFile(const QString &path)
{
    GuardTermsFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = Text::tr("%1 could not be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return out;
    }
    const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    const QByteArray head = file.peek(3);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        const auto encoding = head.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE;
        if (!readAs(file, QStringDecoder(encoding), 2, csv, out))
            out.error = Text::tr("%1 is not UTF-16 text throughout.").arg(QFileInfo(path).fileName());
        return out;
    }
    if (readAs(file, QStringDecoder(QStringConverter::Utf8), head.startsWith("\xEF\xBB\xBF") ? 3 : 0, csv, out))
        return out;
    // Not UTF-8: what Chinese Windows writes (GB18030 covers GBK and GB2312).
    if (readAs(file, QStringDecoder("GB18030"), 0, csv, out))
        return out;
    out.terms.clear();
    out.error = Text::tr("%1 is neither UTF-8 nor GB18030 text: save it as UTF-8 and import it again.").arg(QFileInfo(path).fileName());
    return out;
}

} // namespace flowdeck::studio
