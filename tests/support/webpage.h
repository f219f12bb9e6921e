#pragma once

// For tests that drive QtWebEngine pages (they link Qt6::WebEngineWidgets themselves).
#include <QDeadlineTimer>
#include <QVariant>
#include <QWebEnginePage>
#include <QtTest>

namespace flowdeck::tests {

// Runs JavaScript in a page and waits (up to 10 s) for its result; an invalid QVariant if none came.
inline QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool done = false;
    page->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    QDeadlineTimer deadline(10000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return result;
}

} // namespace flowdeck::tests
