#include "widgets/panels/answercharts.h"

#include "engine/core/installpaths.h"
#include "widgets/document/localized.h"

#include <QCoreApplication>
#include <QUrl>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace flowdeck::studio {

AnswerCharts::AnswerCharts(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("answerCharts"));
    setMinimumSize(240, 120);  // beside the answer in the run console, within its bounded height
    new QVBoxLayout(this);
    layout()->setContentsMargins(0, 0, 0, 0);
    hide();
}

AnswerCharts::~AnswerCharts()
{
    delete m_view;  // pending script callbacks run now, while this object is still whole
    m_view = nullptr;
}

QString AnswerCharts::pagePath()
{
    const QString page =
        QString::fromStdString((engine::resourceDir(engine::Resource::Web) / "charts.html").string());
    return QFileInfo::exists(page) ? QFileInfo(page).canonicalFilePath() : page;
}

QStringList AnswerCharts::chartBlocks(const QString &markdown, QString *textWithout)
{
    static const QRegularExpression block(QStringLiteral("```(?:chart|echarts)[ \\t]*\\n([\\s\\S]*?)\\n```"));
    QStringList found;
    QString rest;
    qsizetype at = 0;
    for (auto it = block.globalMatch(markdown); it.hasNext();) {
        const auto m = it.next();
        found << m.captured(1);
        rest += markdown.mid(at, m.capturedStart() - at);
        rest += QCoreApplication::translate("flowdeck::studio::AnswerCharts", "*(chart %1, drawn below)*").arg(found.size());
        at = m.capturedEnd();
    }
    rest += markdown.mid(at);
    if (textWithout)
        *textWithout = rest;
    return found;
}

void AnswerCharts::setCharts(const QStringList &sources)
{
    if (sources == m_sources)
        return;
    m_sources = sources;
    setVisible(!sources.isEmpty());
    if (sources.isEmpty())
        return;
    if (!m_view) {
        m_view = new QWebEngineView(this);
        layout()->addWidget(m_view);
        connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
            m_ready = ok;
            if (ok)
                draw();
        });
        if (!QFileInfo::exists(pagePath()))
            return m_view->setHtml(tr("<p>The chart view is missing (%1); run scripts/setup.sh to build it.</p>").arg(pagePath()));
        QUrl page = QUrl::fromLocalFile(pagePath());
        page.setQuery(QStringLiteral("theme=") + studioThemeName());  // the charts follow the studio's theme
        m_view->setUrl(page);
        return;  // drawn when loaded
    }
    draw();
}

void AnswerCharts::draw()
{
    if (!m_ready)
        return;
    const QString list = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_sources)).toJson(QJsonDocument::Compact));
    m_view->page()->runJavaScript(QStringLiteral("window.flowdeckShowCharts(%1)").arg(list), [this](const QVariant &count) {
        emit drawn(count.toInt());
    });
}

} // namespace flowdeck::studio
