#include "widgets/knowledge/chunkingform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace flowdeck::studio {

namespace {

QSpinBox *makeSizeBox(int minimum, int maximum, const QString &objectName)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(minimum, maximum);
    box->setSingleStep(50);
    box->setSuffix(ChunkingForm::tr(" characters"));
    return box;
}

} // namespace

ChunkingForm::ChunkingForm(QWidget *parent) : QWidget(parent)
{
    m_mode = new QComboBox;
    m_mode->setObjectName("chunkingMode");
    m_mode->addItem(tr("By heading (sections kept together)"), static_cast<int>(engine::ChunkingSettings::Mode::Heading));
    m_mode->addItem(tr("By size"), static_cast<int>(engine::ChunkingSettings::Mode::Size));
    m_mode->addItem(tr("Parent–child (match small, return large)"), static_cast<int>(engine::ChunkingSettings::Mode::ParentChild));
    m_size = makeSizeBox(100, 8000, "chunkSize");
    m_size->setToolTip(tr("The longest passage. Chinese and English passages of one size hold similar amounts of meaning."));
    m_overlap = makeSizeBox(0, 2000, "chunkOverlap");
    m_overlap->setToolTip(tr("Characters repeated from the previous passage when one is split, so no sentence is cut off."));
    m_parent = makeSizeBox(200, 16000, "parentSize");
    m_child = makeSizeBox(50, 4000, "childSize");
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("Chunking"), m_mode);
    m_form->addRow(tr("Passage size"), m_size);
    m_form->addRow(tr("Overlap"), m_overlap);
    m_form->addRow(tr("Parent passage"), m_parent);
    m_form->addRow(tr("Child passage"), m_child);
    setSettings({});
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        showModeRows();
        emit changed();
    });
    for (QSpinBox *box : {m_size, m_overlap, m_parent, m_child})
        connect(box, &QSpinBox::valueChanged, this, &ChunkingForm::changed);
}

void ChunkingForm::setSettings(const engine::ChunkingSettings &chunking)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(static_cast<int>(chunking.mode))));
    m_size->setValue(chunking.size);
    m_overlap->setValue(chunking.overlap);
    m_parent->setValue(chunking.parentSize);
    m_child->setValue(chunking.childSize);
    showModeRows();
}

engine::ChunkingSettings ChunkingForm::settings(engine::ChunkingSettings base) const
{
    base.mode = static_cast<engine::ChunkingSettings::Mode>(m_mode->currentData().toInt());
    base.size = m_size->value();
    base.overlap = m_overlap->value();
    base.parentSize = m_parent->value();
    base.childSize = m_child->value();
    return base;
}

void ChunkingForm::showModeRows()
{
    const bool parentChild = m_mode->currentData().toInt() == static_cast<int>(engine::ChunkingSettings::Mode::ParentChild);
    m_form->setRowVisible(m_size, !parentChild);
    m_form->setRowVisible(m_parent, parentChild);
    m_form->setRowVisible(m_child, parentChild);
}

} // namespace flowdeck::studio
