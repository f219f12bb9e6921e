#pragma once

#include "engine/knowledge/knowledgesettings.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QSpinBox;

namespace flowdeck::studio {

// How a base cuts its documents into passages: by heading, by size, or parent–child,
// with the sizes that mode uses. In the new-base dialog and the base's settings.
class ChunkingForm : public QWidget {
    Q_OBJECT

public:
    explicit ChunkingForm(QWidget *parent = nullptr);

    void setSettings(const engine::ChunkingSettings &chunking);
    // `base` with the form's mode and sizes.
    engine::ChunkingSettings settings(engine::ChunkingSettings base) const;
    QComboBox *modeBox() const { return m_mode; }
    QSpinBox *sizeBox() const { return m_size; }

signals:
    void changed();

private:
    void showModeRows();

    QFormLayout *m_form;
    QComboBox *m_mode;
    QSpinBox *m_size;
    QSpinBox *m_overlap;
    QSpinBox *m_parent;
    QSpinBox *m_child;
};

} // namespace flowdeck::studio
