#include "widgets/gallery/gallerywindow.h"
#include "widgets/document/localized.h"

#include "widgets/gallery/gallerybridge.h"

#include <QDesktopServices>
#include <QKeySequence>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineSettings>
#include <QWebEngineView>

static void initGalleryResources() { Q_INIT_RESOURCE(flowdeck_gallery); }

namespace flowdeck::studio {

namespace {

// The gallery page never navigates away: links (in READMEs) open in the browser, so no
// other page ever gets the studio's channel.
class GalleryPage : public QWebEnginePage {
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        if (url.scheme() == QLatin1String("qrc") || !isMainFrame)
            return url.scheme() == QLatin1String("qrc");
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
        return false;
    }
};

} // namespace

GalleryWindow::GalleryWindow(QWidget *parent)
    : QWidget(parent, Qt::Window), m_bridge(new GalleryBridge(this)), m_view(new QWebEngineView(this))
{
    initGalleryResources();
    setWindowTitle(tr("Flowdeck — Start"));
    setObjectName(QStringLiteral("galleryWindow"));
    resize(1180, 780);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setPage(new GalleryPage(m_view));
    auto *channel = new QWebChannel(this);
    channel->registerObject(QStringLiteral("studio"), m_bridge);
    m_view->page()->setWebChannel(channel);
    m_view->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_loaded = ok;
        emit loaded(ok);
    });
    connect(m_view->page(), &QWebEnginePage::renderProcessTerminated, this, [this] {
        m_loaded = false;
        emit loaded(false);
    });
    auto *reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, this, &GalleryWindow::refresh);
    m_view->setUrl(QUrl(QStringLiteral("qrc:/gallery/gallery.html?theme=") + studioThemeName()));
}

void GalleryWindow::refresh()
{
    m_bridge->reload();
    m_view->page()->runJavaScript(QStringLiteral("window.flowdeckGallery && window.flowdeckGallery.reload()"));
}

} // namespace flowdeck::studio
