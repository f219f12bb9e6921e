#pragma once

#include "widgets/editors/guardcheckseditor.h"

#include <QWidget>

#include <nlohmann/json.hpp>

namespace flowdeck::studio {

// The provider check ("checks.provider", engine/guard/providercheck.h): which kind (an
// OpenAI-compatible /moderations endpoint, a guard model such as Qwen3Guard or Llama
// Guard, or any model as a judge of a policy you write), the model among the workflow's,
// the judge's policy, the score that counts, the time it may take and what happens when
// it cannot answer (fail open or fail closed).
class GuardProviderForm : public QWidget {
    Q_OBJECT

public:
    // `models`: the workflow's "models" object; `edit` takes pointers under "checks".
    GuardProviderForm(const nlohmann::json &provider, const nlohmann::json &models, GuardChecksEditor::Edit edit,
                      QWidget *parent = nullptr);

private:
    GuardChecksEditor::Edit m_edit;
};

} // namespace flowdeck::studio
