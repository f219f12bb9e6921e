#pragma once

#include "widgets/document/workspacetrust.h"

#include <QFile>
#include <QString>

namespace flowdeck::tests {

// The studio asks before it runs a workflow from outside the user's projects (workspace
// trust). Tests that open their own files approve them first, as a user would once.
inline QString trusted(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        studio::WorkspaceTrust::remember(file.readAll());
    return path;
}

} // namespace flowdeck::tests
