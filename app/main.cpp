// flowdeck-studio: the desktop builder.
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/theme.h"
#include "widgets/settings/modelchoice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <csignal>

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);  // a plugin server that died makes writes fail with EPIPE, not end the studio
    QApplication app(argc, argv);
    QApplication::setApplicationName("Flowdeck");
    QApplication::setOrganizationName("Flowdeck");
    QApplication::setApplicationVersion("0.1.0");
    QCommandLineParser parser;
    parser.setApplicationDescription("Flowdeck studio: build, run and deploy AI workflows.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", "A workflow (*.flow.json) to open.");
    const QCommandLineOption quitAfterShow("quit-after-show", "Start, show the window, and quit (a start-up check).");
    parser.addOption(quitAfterShow);
    parser.process(app);
    flowdeck::studio::installTranslations();
    flowdeck::studio::applyTheme();
    flowdeck::studio::MainWindow window;
    if (!parser.positionalArguments().isEmpty()) {
        window.openFile(parser.positionalArguments().front());
        window.show();
    } else if (parser.isSet(quitAfterShow)) {
        window.show();
    } else {
        window.showGallery();  // the start page: templates, a blank workflow, recent projects
        // Without a key anywhere, the first start asks which provider to use (or the offline
        // demo), once; after the keychain has had a moment to answer.
        if (auto *choice = window.findChild<flowdeck::studio::ModelChoice *>())
            QTimer::singleShot(800, choice, &flowdeck::studio::ModelChoice::askOnFirstStart);
    }
    if (parser.isSet(quitAfterShow)) {
        QApplication::processEvents();  // the window is laid out and painted once
        return 0;
    }
    return app.exec();
}
