// The studio's canvas with a generated graph of 10,000 nodes and 12,000 edges
// (offscreen): time to open it (document and scene), to render one frame at zoom to
// fit and at 100 %, per pan step and per zoom step, and peak memory. Then the
// studio's cold start to a shown window, as a separate process.
//   bench_canvas [nodes] [edges]
#include "app/mainwindow.h"
#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/graphview.h"
#include "widgets/document/graphdocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QScrollBar>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace flowdeck;

namespace {

engine::Workflow generate(int nodes, int edges)
{
    engine::Workflow wf;
    wf.id = "big";
    wf.name = "Big graph";
    wf.mode = "workflow";
    const int perColumn = 100;
    for (int i = 0; i < nodes; ++i) {
        engine::NodeSpec n;
        n.id = i == 0 ? "start" : "t" + std::to_string(i);
        n.type = i == 0 ? "start" : "template";
        n.position = {(i / perColumn) * 280.0, (i % perColumn) * 120.0};
        if (i > 0)
            n.config = {{"template", "step " + std::to_string(i) + ": {{start.query}}"}};
        wf.nodes.push_back(std::move(n));
    }
    std::mt19937 rng(7);
    // Every node but the start gets one edge from the column before; the rest are random forward edges.
    for (int i = 1; i < nodes && static_cast<int>(wf.edges.size()) < edges; ++i) {
        const int column = i / perColumn, row = i % perColumn;
        const int near = std::clamp(row + static_cast<int>(rng() % 7) - 3, 0, perColumn - 1);
        const int from = column == 0 ? 0 : (column - 1) * perColumn + near;
        wf.edges.push_back({wf.nodes[from].id, wf.nodes[i].id, ""});
    }
    // As in real workflows, the extra edges reach one or two columns ahead, to nearby rows.
    while (static_cast<int>(wf.edges.size()) < edges) {
        const int a = static_cast<int>(rng() % (nodes - 2 * perColumn));
        const int b = a + perColumn * (1 + static_cast<int>(rng() % 2)) + static_cast<int>(rng() % 7) - 3;
        if (b > 0 && b < nodes && a / perColumn < b / perColumn)
            wf.edges.push_back({wf.nodes[a].id, wf.nodes[b].id, ""});
    }
    return wf;
}

double ms(const QElapsedTimer &t) { return t.nsecsElapsed() / 1e6; }

void stats(const char *label, std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v)
        sum += x;
    std::printf("  %-34s mean %7.2f ms  median %7.2f ms  max %7.2f ms\n", label, sum / v.size(), v[v.size() / 2], v.back());
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("FLOWDECK_NO_RECOVERY_PROMPT", "1");
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int edges = argc > 2 ? std::atoi(argv[2]) : 12000;
    std::printf("Canvas with %d nodes and %d edges (offscreen, 1600x1000 window)\n", nodes, edges);
    auto wf = generate(nodes, edges);

    studio::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();

    QElapsedTimer t;
    t.start();
    window.document()->reset(std::move(wf));  // what opening a file does after parsing
    window.view()->zoomToFit();
    const double openMs = ms(t);
    std::printf("  open (document + scene items + fit)   %8.1f ms\n", openMs);

    QWidget *viewport = window.view()->viewport();
    auto frame = [&] {
        QElapsedTimer f;
        f.start();
        viewport->repaint();
        return ms(f);
    };
    frame();  // the first paint builds the scene index
    std::vector<double> fit;
    for (int i = 0; i < 10; ++i)
        fit.push_back(frame());
    stats("frame at zoom to fit", fit);

    window.view()->resetTransform();
    window.view()->centerOn(1400, 6000);
    frame();
    std::vector<double> full, pan, zoom;
    for (int i = 0; i < 10; ++i)
        full.push_back(frame());
    stats("frame at 100 %", full);
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer p;
        p.start();
        window.view()->horizontalScrollBar()->setValue(window.view()->horizontalScrollBar()->value() + (i < 20 ? 60 : -60));
        viewport->repaint();
        pan.push_back(ms(p));
    }
    stats("pan step (60 px) at 100 %", pan);
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer z;
        z.start();
        window.view()->zoomBy(i < 15 ? 0.85 : 1 / 0.85);
        viewport->repaint();
        zoom.push_back(ms(z));
    }
    stats("zoom step (x0.85 / x1.18)", zoom);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("  peak memory (max RSS)                 %8.1f MiB\n", usage.ru_maxrss / 1024.0);

    // Cold start: a fresh studio process until its window is shown.
    std::vector<double> starts;
    for (int i = 0; i < 3; ++i) {
        QProcess studio;
        QElapsedTimer s;
        s.start();
        studio.start(QStringLiteral(FLOWDECK_STUDIO_BINARY), {"--quit-after-show"});
        if (!studio.waitForFinished(20000) || studio.exitCode() != 0) {
            std::fprintf(stderr, "the studio did not start: %s\n", studio.readAllStandardError().constData());
            return 1;
        }
        starts.push_back(ms(s));
    }
    stats("cold start to a shown window", starts);
    return 0;
}
