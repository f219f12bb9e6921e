#pragma once

#include <QComboBox>

namespace flowdeck::studio {

class RunController;

// The provider profile a base's passages are embedded with: "None: keyword search
// only", then the studio's profiles by their friendly names with their key marks (the
// Models settings' labels), the ones with an embeddings model first.
class EmbeddingProfileBox : public QComboBox {
    Q_OBJECT

public:
    explicit EmbeddingProfileBox(RunController *runner, QWidget *parent = nullptr);

    QString profile() const { return currentData().toString(); }  // empty: none
    void setProfile(const QString &name);
    // The embeddings model the profile uses when none is named, or empty.
    QString defaultModel() const;

private:
    RunController *m_runner;
};

} // namespace flowdeck::studio
