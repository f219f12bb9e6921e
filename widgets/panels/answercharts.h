#pragma once

#include <QStringList>
#include <QWidget>

class QWebEngineView;

namespace flowdeck::studio {

// The charts of an answer in the run console: the ```chart blocks (ECharts options),
// drawn by web/chat's charts page with the same checks as the deployed chat page.
// Hidden while the answer has no complete chart block; the web view (and with it
// QtWebEngine) is created only when the first chart comes, so the studio starts fast.
class AnswerCharts : public QWidget {
    Q_OBJECT

public:
    explicit AnswerCharts(QWidget *parent = nullptr);
    ~AnswerCharts() override;

    // The complete ```chart / ```echarts blocks of a markdown text, and the text with
    // each replaced by a short note.
    static QStringList chartBlocks(const QString &markdown, QString *textWithout = nullptr);

    void setCharts(const QStringList &sources);
    const QStringList &charts() const { return m_sources; }
    static QString pagePath();  // charts.html: installed, else the build's
    QWebEngineView *view() const { return m_view; }  // null until the first chart

signals:
    void drawn(int count);  // after the page drew them

private:
    void draw();

    QWebEngineView *m_view = nullptr;
    QStringList m_sources;
    bool m_ready = false;
};

} // namespace flowdeck::studio
