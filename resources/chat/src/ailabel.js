// The visible "AI-generated" label under each answer (China's labelling measures for
// AI-generated content ask for an explicit one), on unless the app's guard policy says
// label.chatPage: false, which /chat/info passes on as "aiLabel".

const TEXT = { en: 'AI-generated', zh: '内容由 AI 生成' };

let shown = true;

export function aiLabelText(lang) {
  return TEXT[lang] || TEXT.en;
}

// Whether an info answer lets the page label answers: only an explicit false turns it off
// (a private app's info says nothing until it has a key).
export function labelsAnswers(info) {
  return !(info && typeof info === 'object' && info.aiLabel === false);
}

export function setAiLabel(info) {
  shown = labelsAnswers(info);
}

// Appends the label to a finished answer's element.
export function addAiLabel(el, lang) {
  if (!shown) return;
  const label = document.createElement('div');
  label.className = 'msg-ai-label';
  label.textContent = aiLabelText(lang);
  el.appendChild(label);
}
