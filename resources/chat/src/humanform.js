// A human node's form in the chat: shown when a run pauses for a person, answered at
// POST {prefix}/v1/apps/{app}/forms/{token} (see README.md). This module builds the form
// and reads its values; chat.js sends the answer and shows the answer that follows.

// The forms a paused answer carries, deduplicated by token: from the OpenAI endpoint's
// "human_input_required" ({forms: [{token, form, deadlineMs}]}) or the run API's events.
export function cleanForms(list) {
  const out = [];
  const seen = new Set();
  for (const entry of Array.isArray(list) ? list : []) {
    if (!entry || typeof entry !== 'object' || typeof entry.token !== 'string' || !entry.token) continue;
    if (seen.has(entry.token)) continue;
    const form = entry.form && typeof entry.form === 'object' ? entry.form : {};
    seen.add(entry.token);
    out.push({
      token: entry.token,
      deadlineMs: Number.isFinite(entry.deadlineMs) ? entry.deadlineMs : 0,
      // A node without a title of its own is titled by its id, which means nothing to a reader.
      title: typeof form.title === 'string' && form.title !== form.node ? form.title : '',
      text: typeof form.text === 'string' ? form.text : '',
      fields: (Array.isArray(form.fields) ? form.fields : []).filter((f) => f && typeof f.name === 'string' && f.name),
      actions: (Array.isArray(form.actions) ? form.actions : []).filter((a) => a && typeof a.id === 'string' && a.id),
    });
  }
  return out;
}

export function formUrl(prefix, app, token) {
  return `${prefix}/v1/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(token)}`;
}

// What a workflow (not chat) app's finished run says in a chat, as the server's chat
// completions say it: its single text output, or all of them as JSON.
export function workflowAnswer(outputs) {
  if (outputs && typeof outputs === 'object' && !Array.isArray(outputs)) {
    const values = Object.values(outputs);
    if (values.length === 1 && typeof values[0] === 'string') return values[0];
  }
  return `\`\`\`json\n${JSON.stringify(outputs == null ? {} : outputs, null, 2)}\n\`\`\``;
}

let fieldCounter = 0;

function fieldControl(field) {
  const type = typeof field.type === 'string' ? field.type : 'text';
  const initial = field.default == null ? '' : String(field.default);
  let control;
  if (type === 'paragraph') {
    control = document.createElement('textarea');
    control.rows = 3;
    control.value = initial;
  } else if (type === 'select') {
    control = document.createElement('select');
    const options = Array.isArray(field.options) ? field.options : [];
    if (!field.required || !options.includes(initial)) control.appendChild(new Option('', ''));
    for (const o of options) control.appendChild(new Option(String(o), String(o)));
    control.value = initial;
  } else if (type === 'boolean') {
    control = document.createElement('input');
    control.type = 'checkbox';
    control.checked = initial === 'true' || initial === '1' || initial === 'yes';
  } else {
    control = document.createElement('input');
    control.type = type === 'number' ? 'number' : 'text';
    if (type === 'number') control.step = 'any';
    control.value = initial;
  }
  control.name = field.name;
  control.className = 'form-control';
  control.dataset.type = type;
  if (field.required && type !== 'boolean') control.required = true;
  return control;
}

// The form as an element: title, markdown text, fields, a button per action, the time
// limit. `onAction(form, actionId)` is called when a button is pressed.
export function buildForm(entry, { T, fmt, renderMarkdown, locale, onAction }) {
  const box = document.createElement('form');
  box.className = 'msg-form';
  box.noValidate = true;
  box.dataset.token = entry.token;
  box.setAttribute('aria-label', entry.title || T.formWaiting);
  const head = document.createElement('div');
  head.className = 'form-title';
  head.textContent = entry.title || T.formWaiting;
  box.appendChild(head);
  if (entry.text) {
    const text = document.createElement('div');
    text.className = 'form-text markdown';
    text.appendChild(renderMarkdown(entry.text));
    box.appendChild(text);
  }
  for (const field of entry.fields) {
    const row = document.createElement('div');
    row.className = 'form-field';
    const control = fieldControl(field);
    control.id = `fd-field-${++fieldCounter}`;
    const label = document.createElement('label');
    label.htmlFor = control.id;
    label.textContent = (typeof field.label === 'string' && field.label) || field.name;
    if (field.required) {
      const mark = document.createElement('span');
      mark.className = 'form-required';
      mark.textContent = ` · ${T.required}`;
      label.appendChild(mark);
    }
    if (control.type === 'checkbox') {
      row.classList.add('form-check');
      row.append(control, label);
    } else {
      row.append(label, control);
    }
    box.appendChild(row);
  }
  if (entry.deadlineMs > 0) {
    const due = document.createElement('div');
    due.className = 'form-deadline';
    due.textContent = fmt(T.formDeadline, { time: new Date(entry.deadlineMs).toLocaleString(locale) });
    box.appendChild(due);
  }
  const actions = document.createElement('div');
  actions.className = 'form-actions';
  entry.actions.forEach((action, i) => {
    const btn = document.createElement('button');
    btn.type = 'button';
    const style = action.style === 'danger' ? 'btn-danger' : action.style === 'primary' || (!action.style && i === 0) ? 'btn-primary' : '';
    btn.className = `btn form-action ${style}`.trim();
    btn.dataset.action = action.id;
    btn.textContent = typeof action.label === 'string' && action.label ? action.label : action.id;
    btn.addEventListener('click', () => onAction(box, action.id, btn.textContent));
    actions.appendChild(btn);
  });
  box.appendChild(actions);
  const error = document.createElement('div');
  error.className = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  box.appendChild(error);
  box.addEventListener('submit', (e) => e.preventDefault());
  return box;
}

// The values to send: text as typed, numbers as text (the server reads them), yes/no.
export function formValues(box) {
  const values = {};
  for (const control of box.querySelectorAll('.form-control')) {
    if (control.dataset.type === 'boolean') values[control.name] = control.checked;
    else if (control.value !== '') values[control.name] = control.value;
  }
  return values;
}

export function setFormBusy(box, busy) {
  for (const el of box.querySelectorAll('button, input, select, textarea')) el.disabled = busy;
  box.setAttribute('aria-busy', busy ? 'true' : 'false');
}

export function showFormError(box, message) {
  const error = box.querySelector('.form-error');
  error.textContent = message;
  error.hidden = !message;
}

// Answered (or gone): the fields stay as they were, the buttons make way for a note.
export function closeForm(box, note, answered) {
  setFormBusy(box, true);
  box.removeAttribute('aria-busy');
  box.dataset.state = answered ? 'answered' : 'closed';
  const actions = box.querySelector('.form-actions');
  const line = document.createElement('div');
  line.className = 'form-note';
  line.textContent = note;
  actions.replaceWith(line);
  showFormError(box, '');
}
