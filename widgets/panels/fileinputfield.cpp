#include "widgets/panels/fileinputfield.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>
#include <QToolButton>

namespace flowdeck {
namespace studio {

namespace {

// The one local file dragged, or an empty string.
QString droppedFile(const QMimeData *data)
{
    if (!data || !data->hasUrls() || data->urls().size() != 1 || !data->urls().front().isLocalFile())
        return {};
    return data->urls().front().toLocalFile();
}

} // namespace

FileInputField::FileInputField(std::vector<std::string> accept, QWidget *parent) : QWidget(parent), m_accept(std::move(accept))
{
    setAcceptDrops(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel;
    m_status->setObjectName("fileStatus");
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choose = new QPushButton(tr("Choose…"));
    m_choose->setObjectName("chooseFile");
    m_choose->setToolTip(tr("Choose the file for this input, or drop one here"));
    m_clear = new QToolButton;
    m_clear->setObjectName("clearFile");
    m_clear->setText(QStringLiteral("✕"));
    m_clear->setAutoRaise(true);
    m_clear->setToolTip(tr("No file"));
    layout->addWidget(m_status, 1);
    layout->addWidget(m_choose);
    layout->addWidget(m_clear);
    connect(m_choose, &QPushButton::clicked, this, &FileInputField::choose);
    connect(m_clear, &QToolButton::clicked, this, &FileInputField::clear);
    clear();
}

bool FileInputField::accepts(const std::vector<std::string> &accept, const QString &fileName, const QString &mediaType)
{
    if (accept.empty())
        return true;
    const QMimeType mime = QMimeDatabase().mimeTypeForName(mediaType);
    for (const auto &entry : accept) {
        const QString a = QString::fromStdString(entry).trimmed().toLower();
        if (a.isEmpty())
            continue;
        if (a.endsWith(QLatin1String("/*")) ? mediaType.startsWith(a.chopped(1))
            : a.contains('/')               ? mediaType == a || (mime.isValid() && mime.inherits(a))
                                            : fileName.toLower().endsWith(a.startsWith('.') ? a : QLatin1Char('.') + a))
            return true;
    }
    return false;
}

QString FileInputField::filters() const
{
    if (m_accept.empty())
        return tr("All files (*)");
    const QMimeDatabase mimes;
    QStringList patterns;
    for (const auto &entry : m_accept) {
        const QString a = QString::fromStdString(entry).trimmed().toLower();
        if (a.endsWith(QLatin1String("/*"))) {
            for (const QMimeType &m : mimes.allMimeTypes())
                if (m.name().startsWith(a.chopped(1)))
                    patterns << m.globPatterns();
        } else if (a.contains('/')) {
            patterns << mimes.mimeTypeForName(a).globPatterns();
        } else if (!a.isEmpty()) {
            patterns << QStringLiteral("*") + (a.startsWith('.') ? a : QLatin1Char('.') + a);
        }
    }
    patterns.removeDuplicates();
    return tr("Accepted files (%1)").arg(patterns.join(' ')) + QStringLiteral(";;") + tr("All files (*)");
}

void FileInputField::choose()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a file"), QString(), filters());
    if (!path.isEmpty())
        setFile(path);
}

bool FileInputField::setFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        showStatus(tr("%1 is not a file that can be read.").arg(info.fileName().isEmpty() ? path : info.fileName()), true);
        return false;
    }
    const QString type = QMimeDatabase().mimeTypeForFile(info).name();
    if (!accepts(m_accept, info.fileName(), type)) {
        QStringList wanted;
        for (const auto &a : m_accept)
            wanted << QString::fromStdString(a);
        showStatus(tr("%1 is not one of the accepted types (%2).").arg(info.fileName(), wanted.join(QStringLiteral(", "))), true);
        return false;
    }
    m_value = {{"name", info.fileName().toStdString()},
               {"path", info.absoluteFilePath().toStdString()},
               {"size", info.size()},
               {"type", type.toStdString()}};
    showStatus(QStringLiteral("%1 · %2").arg(info.fileName(), QLocale().formattedDataSize(info.size())), false);
    m_status->setToolTip(info.absoluteFilePath());
    m_clear->setEnabled(true);
    return true;
}

void FileInputField::clear()
{
    m_value = nullptr;
    m_clear->setEnabled(false);
    m_status->setToolTip({});
    showStatus(tr("No file chosen — choose one or drop it here"), false);
}

nlohmann::json FileInputField::value() const { return m_value; }

void FileInputField::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #d93f3f;") : QStringLiteral("color: palette(placeholder-text);"));
    if (!problem && !m_value.is_null())
        m_status->setStyleSheet({});
}

void FileInputField::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FileInputField::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    setFile(path);
    event->acceptProposedAction();
}

} // namespace studio
} // namespace flowdeck
