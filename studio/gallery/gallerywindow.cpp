#include "studio/gallery/gallerywindow.h"

#include "studio/gallery/gallerybridge.h"

#include <QKeySequence>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEnginePage>
#include <QWebEngineSettings>
#include <QWebEngineView>

static void initGalleryResources() { Q_INIT_RESOURCE(flowdeck_gallery); }

namespace flowdeck::studio {

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
    auto *channel = new QWebChannel(this);
    channel->registerObject(QStringLiteral("studio"), m_bridge);
    m_view->page()->setWebChannel(channel);
    m_view->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        m_loaded = ok;
        emit loaded(ok);
    });
    auto *reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, this, &GalleryWindow::refresh);
    m_view->setUrl(QUrl(QStringLiteral("qrc:/gallery/gallery.html")));
}

void GalleryWindow::refresh()
{
    m_bridge->reload();
    m_view->page()->runJavaScript(QStringLiteral("window.flowdeckGallery && window.flowdeckGallery.reload()"));
}

} // namespace flowdeck::studio
