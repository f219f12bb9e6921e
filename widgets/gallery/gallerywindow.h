#pragma once

#include <QWidget>

class QWebEngineView;

namespace flowdeck::studio {

class GalleryBridge;

// The start page: the template gallery (web/gallery.html in a QWebEngineView, talking
// to the studio through GalleryBridge over QWebChannel), with a blank workflow and the
// recent projects. Shown at start-up without a file, and by File → New from Template.
class GalleryWindow : public QWidget {
    Q_OBJECT

public:
    explicit GalleryWindow(QWidget *parent = nullptr);

    GalleryBridge *bridge() const { return m_bridge; }
    QWebEngineView *view() const { return m_view; }
    bool isLoaded() const { return m_loaded; }
    void refresh();  // re-reads recent projects and plugin states

signals:
    void loaded(bool ok);

private:
    GalleryBridge *m_bridge;
    QWebEngineView *m_view;
    bool m_loaded = false;
};

} // namespace flowdeck::studio
