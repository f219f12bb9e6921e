// Flowdeck web chat page, served by `flowdeck serve` at GET /apps/{app}/chat.
// See README.md for the protocol with the server.

import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/core';
import langJavascript from 'highlight.js/lib/languages/javascript';
import langTypescript from 'highlight.js/lib/languages/typescript';
import langPython from 'highlight.js/lib/languages/python';
import langJson from 'highlight.js/lib/languages/json';
import langBash from 'highlight.js/lib/languages/bash';
import langSql from 'highlight.js/lib/languages/sql';
import langCpp from 'highlight.js/lib/languages/cpp';
import langJava from 'highlight.js/lib/languages/java';
import langGo from 'highlight.js/lib/languages/go';
import langYaml from 'highlight.js/lib/languages/yaml';
import langXml from 'highlight.js/lib/languages/xml';
import langCss from 'highlight.js/lib/languages/css';
import { echarts } from './echarts-setup.js';

import { createSseParser, errorText } from './sse.js';
import { parseChartSource, sanitizeChartOption } from './chart-option.js';
import { cleanCitations, sourceUrl, stripSourcesFooter } from './citations.js';
import { buildForm, cleanForms, closeForm, formUrl, formValues, setFormBusy, showFormError, workflowAnswer } from './humanform.js';
import { fileInputsOf, fileProblem, fileValues } from './attachments.js';
import { addAiLabel, setAiLabel } from './ailabel.js';

// ---------------------------------------------------------------- strings

const STRINGS = {
  en: {
    send: 'Send',
    stop: 'Stop',
    newChat: 'New chat',
    placeholder: 'Type a message…',
    inputLabel: 'Message',
    conversation: 'Conversation',
    needsKey: 'This app needs an API key',
    keyButton: 'API key',
    save: 'Save',
    cancel: 'Cancel',
    keyHint: 'The key is kept in this browser only.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    retry: 'Retry',
    stopped: 'Stopped.',
    thinking: 'Thinking…',
    networkError: 'Could not reach the server.',
    httpError: 'Request failed (HTTP {status}).',
    emptyHint: 'Send a message to start.',
    required: 'required',
    chart: 'Chart',
    chartError: 'Could not draw this chart.',
    image: 'Image',
    sources: 'Sources',
    sourceError: 'Could not open this source.',
    formWaiting: 'Your answer is needed',
    formDeadline: 'Answer by {time}; after that the app goes on without it.',
    formAnswered: 'Answered: {action}',
    formGone: 'This form was answered already or has expired.',
    attach: 'Attach a file',
    attachFor: 'Attach a file for “{label}”',
    removeFile: 'Remove {name}',
    fileTooLarge: '“{name}” is larger than {size}, the most this app takes.',
    fileWrongType: '“{name}” is not a type this app takes ({types}).',
    fileReadError: 'Could not read the file “{name}”.',
    suggestions: 'Suggested questions',
  },
  zh: {
    send: '发送',
    stop: '停止',
    newChat: '新对话',
    placeholder: '输入消息…',
    inputLabel: '消息',
    conversation: '对话',
    needsKey: '此应用需要 API 密钥',
    keyButton: 'API 密钥',
    save: '保存',
    cancel: '取消',
    keyHint: '密钥只保存在此浏览器中。',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败',
    retry: '重试',
    stopped: '已停止。',
    thinking: '思考中…',
    networkError: '无法连接服务器。',
    httpError: '请求失败（HTTP {status}）。',
    emptyHint: '发送一条消息开始对话。',
    required: '必填',
    chart: '图表',
    chartError: '无法绘制此图表。',
    image: '图片',
    sources: '来源',
    sourceError: '无法打开此来源。',
    formWaiting: '需要你的回应',
    formDeadline: '请在 {time} 前回应；过时应用会不等回应继续运行。',
    formAnswered: '已回应：{action}',
    formGone: '这个表单已经被回应过或已过期。',
    attach: '添加文件',
    attachFor: '为“{label}”添加文件',
    removeFile: '移除 {name}',
    fileTooLarge: '“{name}”超过了 {size}，这是此应用能接受的上限。',
    fileWrongType: '“{name}”不是此应用接受的文件类型（{types}）。',
    fileReadError: '无法读取文件“{name}”。',
    suggestions: '推荐问题',
  },
};

function pickLanguage() {
  const nav = typeof navigator !== 'undefined' ? navigator : {};
  const lang = (nav.languages && nav.languages[0]) || nav.language || 'en';
  return /^zh\b/i.test(lang) ? 'zh' : 'en';
}

const LANG = pickLanguage();
const T = STRINGS[LANG];
const fmt = (s, vars) => s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] != null ? String(vars[k]) : ''));

// ------------------------------------------------------------ app and URLs

function safeDecode(s) {
  try { return decodeURIComponent(s); } catch { return s; }
}

// The page lives at <prefix>/apps/<app>/chat[/]; <prefix> is empty unless a
// reverse proxy mounts flowdeck under a sub-path. The other endpoints are
// addressed under the same prefix.
function parseLocation(pathname) {
  const m = /^(.*?)\/apps\/([^/]+)/.exec(pathname);
  if (!m) return { prefix: '', app: '' };
  return { prefix: m[1], app: safeDecode(m[2]) };
}

const { prefix: PREFIX, app: APP } = parseLocation(location.pathname);
const INFO_URL = `${PREFIX}/apps/${encodeURIComponent(APP)}/chat/info`;
const COMPLETIONS_URL = `${PREFIX}/v1/chat/completions`;
const KEY_STORAGE = `flowdeck-key:${APP}`;
const LOCALE = LANG === 'zh' ? 'zh-CN' : undefined;

// The conversation's id: the app keeps its conversation variables under it. A new one
// with each "New chat".
function newConversationId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `chat-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
let conversationId = newConversationId();

// ------------------------------------------------------------------ API key

let apiKey = '';

function readStoredKey() {
  try { return localStorage.getItem(KEY_STORAGE) || ''; } catch { return ''; }
}

function storeKey(key) {
  apiKey = key;
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch { /* storage blocked (sandboxed iframe, privacy mode): keep it in memory */ }
}

// #key=... in the address: store it, then drop it from the address bar.
function takeKeyFromFragment() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return;
  const parts = hash.split('&');
  const idx = parts.findIndex((p) => p.startsWith('key='));
  if (idx < 0) return;
  const key = safeDecode(parts[idx].slice(4)).trim();
  if (key) storeKey(key);
  parts.splice(idx, 1);
  const rest = parts.filter(Boolean).join('&');
  try {
    history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  } catch { /* ignore */ }
}

apiKey = readStoredKey();
takeKeyFromFragment();

// ------------------------------------------------------------ highlighting

hljs.registerLanguage('javascript', langJavascript);
hljs.registerLanguage('typescript', langTypescript);
hljs.registerLanguage('python', langPython);
hljs.registerLanguage('json', langJson);
hljs.registerLanguage('bash', langBash);
hljs.registerLanguage('sql', langSql);
hljs.registerLanguage('cpp', langCpp);
hljs.registerLanguage('java', langJava);
hljs.registerLanguage('go', langGo);
hljs.registerLanguage('yaml', langYaml);
hljs.registerLanguage('xml', langXml);
hljs.registerLanguage('css', langCss);
hljs.registerAliases(['c', 'h'], { languageName: 'cpp' });
hljs.registerAliases(['shell', 'console', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['vue'], { languageName: 'xml' });

const highlightCache = new Map();

function highlight(code, language) {
  const key = `${language}\u0000${code}`;
  let html = highlightCache.get(key);
  if (html === undefined) {
    try {
      html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
    } catch {
      html = escapeHtml(code);
    }
    if (highlightCache.size > 200) highlightCache.clear();
    highlightCache.set(key, html);
  }
  return html;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));
}

// ---------------------------------------------------------------- markdown

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

function codeBlockHtml(code, language, label) {
  const known = language && hljs.getLanguage(language) ? language : '';
  const body = known ? highlight(code, known) : escapeHtml(code);
  const cls = known ? `hljs language-${escapeHtml(known)}` : 'hljs';
  return '<div class="code-block"><div class="code-head">'
    + `<span class="code-lang">${escapeHtml(label || '')}</span>`
    + `<button type="button" class="copy-btn">${escapeHtml(T.copy)}</button>`
    + `</div><pre><code class="${cls}">${body}</code></pre></div>\n`;
}

md.renderer.rules.fence = (tokens, idx, options, env) => {
  const token = tokens[idx];
  const info = token.info ? md.utils.unescapeAll(token.info).trim() : '';
  const lang = info.split(/\s+/)[0].toLowerCase();
  const code = token.content;
  if (lang === 'chart' || lang === 'echarts') {
    if (parseChartSource(code)) {
      env.charts.push(code);
      return `<div class="chart" data-chart="${env.charts.length - 1}"></div>\n`;
    }
    return codeBlockHtml(code, 'json', lang); // still streaming, or not a drawable option
  }
  return codeBlockHtml(code, lang, lang);
};

md.renderer.rules.code_block = (tokens, idx) => codeBlockHtml(tokens[idx].content, '', '');

// Images from elsewhere are shown as links, not loaded: an answer could
// otherwise leak data through an image address (prompt injection). Inline
// data: images are shown. The page's Content-Security-Policy enforces this too.
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = token.attrGet('src') || '';
  const alt = self.renderInlineAsText(token.children || [], options, env);
  if (/^data:image\//i.test(src)) {
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
  }
  return `<a href="${escapeHtml(src)}" class="image-link">${escapeHtml(alt || T.image)}</a>`;
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

function renderMarkdown(text) {
  const env = { charts: [] };
  const html = md.render(text, env);
  const frag = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form'] });
  for (const el of frag.querySelectorAll('div.chart[data-chart]')) {
    el.fdSource = env.charts[Number(el.getAttribute('data-chart'))] || '';
  }
  return frag;
}

// ------------------------------------------------------------------ charts


const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
const motionQuery = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
const mountedCharts = new Set();
const resizeObserver = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => {
    for (const e of entries) {
      const chart = e.target.fdChart;
      if (chart && chart !== 'failed' && !chart.isDisposed()) chart.resize();
    }
  })
  : null;

function mountChart(el) {
  let option;
  try {
    option = sanitizeChartOption(JSON.parse(el.fdSource), { reducedMotion: !!(motionQuery && motionQuery.matches) });
  } catch {
    option = null;
  }
  const title = option && option.title && [].concat(option.title)[0];
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', (title && typeof title.text === 'string' && title.text) || T.chart);
  let chart = null;
  try {
    chart = echarts.init(el, darkQuery && darkQuery.matches ? 'dark' : null, { renderer: 'canvas' });
    chart.setOption(option);
  } catch (err) {
    if (chart) chart.dispose();
    chart = null;
    el.fdChart = 'failed';
    el.classList.add('chart-failed');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
    el.replaceChildren(
      DOMPurify.sanitize(codeBlockHtml(el.fdSource, 'json', 'chart'), { RETURN_DOM_FRAGMENT: true }),
      Object.assign(document.createElement('p'), { className: 'chart-error', textContent: T.chartError }),
    );
    return;
  }
  el.fdChart = chart;
  mountedCharts.add(el);
  if (resizeObserver) resizeObserver.observe(el);
}

function disposeCharts(root) {
  if (root.nodeType !== 1) return;
  const list = root.classList.contains('chart') ? [root] : [];
  list.push(...root.querySelectorAll('.chart'));
  for (const el of list) {
    const chart = el.fdChart;
    if (chart && chart !== 'failed' && !chart.isDisposed()) chart.dispose();
    el.fdChart = null;
    mountedCharts.delete(el);
    if (resizeObserver) resizeObserver.unobserve(el);
  }
}

function mountNewCharts(root) {
  for (const el of root.querySelectorAll('div.chart')) {
    if (!el.fdChart && typeof el.fdSource === 'string') mountChart(el);
  }
}

// Redraw charts in the other theme when the colour scheme changes.
if (darkQuery) {
  const onScheme = () => {
    for (const el of [...mountedCharts]) {
      disposeCharts(el);
      el.replaceChildren();
      el.removeAttribute('_echarts_instance_');
      mountChart(el);
    }
  };
  if (darkQuery.addEventListener) darkQuery.addEventListener('change', onScheme);
  else if (darkQuery.addListener) darkQuery.addListener(onScheme);
}
if (!resizeObserver) {
  window.addEventListener('resize', () => {
    for (const el of mountedCharts) if (el.fdChart && !el.fdChart.isDisposed()) el.fdChart.resize();
  });
}

// --------------------------------------------------------- DOM patching
// Re-rendering the whole answer on every streamed piece would recreate charts
// and reset the reader's selection, so the new DOM is merged into the old one
// and only changed nodes are touched.

const isChart = (n) => n.nodeType === 1 && n.classList.contains('chart');

function syncAttributes(oldEl, newEl) {
  for (const { name } of [...oldEl.attributes]) {
    if (!newEl.hasAttribute(name)) oldEl.removeAttribute(name);
  }
  for (const { name, value } of [...newEl.attributes]) {
    if (oldEl.getAttribute(name) !== value) oldEl.setAttribute(name, value);
  }
}

function replaceNode(oldNode, newNode) {
  disposeCharts(oldNode);
  oldNode.parentNode.replaceChild(newNode, oldNode);
}

function morph(oldParent, newParent) {
  const next = [...newParent.childNodes];
  for (let i = 0; i < next.length; i++) {
    const nu = next[i];
    const old = oldParent.childNodes[i];
    if (!old) { oldParent.appendChild(nu); continue; }
    if (isChart(old) && isChart(nu) && old.fdSource === nu.fdSource) continue;
    if (old.nodeType !== nu.nodeType || old.nodeName !== nu.nodeName || isChart(old) || isChart(nu)) {
      replaceNode(old, nu);
      continue;
    }
    if (old.nodeType === 1) {
      syncAttributes(old, nu);
      morph(old, nu);
    } else if (old.nodeValue !== nu.nodeValue) {
      old.nodeValue = nu.nodeValue;
    }
  }
  while (oldParent.childNodes.length > next.length) {
    const last = oldParent.lastChild;
    disposeCharts(last);
    oldParent.removeChild(last);
  }
}

// --------------------------------------------------------------- elements

const $ = (id) => document.getElementById(id);
const els = {
  title: $('title'),
  description: $('description'),
  keyToggle: $('key-toggle'),
  newChat: $('new-chat'),
  main: $('main'),
  empty: $('empty'),
  emptyTitle: $('empty-title'),
  emptyDescription: $('empty-description'),
  emptyInputs: $('empty-inputs'),
  emptyHint: $('empty-hint'),
  messages: $('messages'),
  keyForm: $('key-form'),
  keyLabel: $('key-label'),
  keyInput: $('key-input'),
  keySave: $('key-save'),
  keyCancel: $('key-cancel'),
  keyHint: $('key-hint'),
  composer: $('composer'),
  inputLabel: $('input-label'),
  input: $('input'),
  send: $('send'),
  stop: $('stop'),
  attach: $('attach'),
  fileInput: $('file-input'),
  attachments: $('attachments'),
};

document.documentElement.lang = LANG === 'zh' ? 'zh-CN' : 'en';
els.newChat.textContent = T.newChat;
els.keyToggle.textContent = T.keyButton;
els.keyLabel.textContent = T.needsKey;
els.keySave.textContent = T.save;
els.keyCancel.textContent = T.cancel;
els.keyHint.textContent = T.keyHint;
els.inputLabel.textContent = T.inputLabel;
els.input.placeholder = T.placeholder;
els.send.textContent = T.send;
els.stop.textContent = T.stop;
els.attach.textContent = '📎';
els.attach.title = T.attach;
els.attach.setAttribute('aria-label', T.attach);
els.emptyHint.textContent = T.emptyHint;
els.messages.setAttribute('aria-label', T.conversation);

function setTitle(title, description) {
  els.title.textContent = title;
  els.emptyTitle.textContent = title;
  document.title = title;
  const hasDescription = !!description;
  els.description.hidden = !hasDescription;
  els.description.textContent = description || '';
  els.emptyDescription.hidden = !hasDescription;
  els.emptyDescription.textContent = description || '';
}

setTitle(APP || 'Chat', '');
if (apiKey) els.keyToggle.hidden = false;

// ------------------------------------------------------------------- info

async function loadInfo() {
  let info;
  try {
    const headers = { Accept: 'application/json' };
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    const res = await fetch(INFO_URL, { headers, cache: 'no-store', credentials: 'same-origin' });
    if (!res.ok) return;
    info = await res.json();
  } catch {
    return; // keep the app name as title and carry on
  }
  if (!info || typeof info !== 'object') return;
  const str = (v) => (typeof v === 'string' ? v.trim() : '');
  setTitle(str(info.title) || str(info.app) || APP || 'Chat', str(info.description));
  const inputs = Array.isArray(info.inputs) ? info.inputs.filter((x) => x && typeof x === 'object') : [];
  els.emptyInputs.replaceChildren(...inputs.map((inp) => {
    const li = document.createElement('li');
    const name = str(inp.label) || str(inp.name);
    li.textContent = name + (str(inp.type) ? ` (${str(inp.type)})` : '') + (inp.required ? ` · ${T.required}` : '');
    return li;
  }));
  els.emptyInputs.hidden = inputs.length === 0;
  appMode = info.mode === 'workflow' ? 'workflow' : 'chat';
  opening = appMode === 'chat' ? cleanOpening(info.opening) : null;
  renderOpening();
  setAiLabel(info);
  fileInputs = fileInputsOf(inputs);
  els.attach.hidden = fileInputs.length === 0;
  renderAttachments();
  if (info.needsKey === true) {
    els.keyToggle.hidden = false;
    if (!apiKey) showKeyForm(false);
  }
}

// ------------------------------------------------------------- attachments

let appMode = 'chat';
let fileInputs = []; // the app's start inputs of type "file", from /chat/info
const pendingFiles = new Map(); // input name -> File, sent with the next message
let attachError = '';

function renderAttachments() {
  const chips = [];
  for (const [name, file] of pendingFiles) {
    const input = fileInputs.find((i) => i.name === name);
    const chip = document.createElement('span');
    chip.className = 'attachment';
    chip.dataset.input = name;
    const label = document.createElement('span');
    label.textContent = fileInputs.length > 1 && input ? `${input.label || name}: ${file.name}` : file.name;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'attachment-remove';
    remove.textContent = '×';
    remove.setAttribute('aria-label', fmt(T.removeFile, { name: file.name }));
    remove.addEventListener('click', () => {
      pendingFiles.delete(name);
      renderAttachments();
      els.input.focus();
    });
    chip.append(label, remove);
    chips.push(chip);
  }
  if (attachError) {
    const error = document.createElement('span');
    error.className = 'attachment-error';
    error.setAttribute('role', 'alert');
    error.textContent = attachError;
    chips.push(error);
  }
  els.attachments.replaceChildren(...chips);
  els.attachments.hidden = chips.length === 0;
}

// The file chooser opens for the first file input still without a file (else the first).
els.attach.addEventListener('click', () => {
  const input = fileInputs.find((i) => !pendingFiles.has(i.name)) || fileInputs[0];
  if (!input) return;
  els.fileInput.dataset.input = input.name;
  els.fileInput.accept = Array.isArray(input.accept) ? input.accept.join(',') : '';
  els.attach.title = fileInputs.length > 1 ? fmt(T.attachFor, { label: input.label || input.name }) : T.attach;
  els.fileInput.value = '';
  els.fileInput.click();
});

els.fileInput.addEventListener('change', () => {
  const input = fileInputs.find((i) => i.name === els.fileInput.dataset.input) || fileInputs[0];
  const file = els.fileInput.files && els.fileInput.files[0];
  if (!input || !file) return;
  attachError = fileProblem(input, file, { T, fmt });
  if (!attachError) pendingFiles.set(input.name, file);
  renderAttachments();
  els.input.focus();
});

// ---------------------------------------------------------------- key form

function showKeyForm(focus) {
  els.keyForm.hidden = false;
  els.keyToggle.hidden = false;
  els.keyToggle.setAttribute('aria-expanded', 'true');
  if (focus) els.keyInput.focus();
}

function hideKeyForm() {
  els.keyForm.hidden = true;
  els.keyInput.value = '';
  els.keyToggle.setAttribute('aria-expanded', 'false');
}

els.keyToggle.setAttribute('aria-controls', 'key-form');
els.keyToggle.setAttribute('aria-expanded', 'false');
els.keyToggle.addEventListener('click', () => {
  if (els.keyForm.hidden) showKeyForm(true);
  else hideKeyForm();
});
els.keyCancel.addEventListener('click', () => {
  hideKeyForm();
  els.input.focus();
});
els.keyForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const key = els.keyInput.value.trim();
  if (!key) { els.keyInput.focus(); return; }
  storeKey(key);
  hideKeyForm();
  loadInfo(); // a private app shows its title and inputs once the key opens it
  if (failedTurn && failedTurn.auth && !activeTurn) retry();
  else els.input.focus();
});

// ------------------------------------------------------------ conversation

const conversation = []; // {role: 'user'|'assistant', content: string}
let activeTurn = null; // the answer being streamed
let failedTurn = null; // the last answer that failed, which can be retried
let generation = 0; // bumped by "New chat" so late events of old requests are ignored
let opening = null; // the app's greeting and suggested questions (/chat/info), or null

// ----------------------------------------------------------------- opening
// A chat app's opening: its text as the assistant's first message and its suggested
// questions as buttons below, until the conversation starts ("New chat" shows them
// again). Only shown: the app did not say the text, so it is not sent back as history.

function cleanOpening(value) {
  if (!value || typeof value !== 'object') return null;
  const text = typeof value.text === 'string' ? value.text.trim() : '';
  const suggestions = Array.isArray(value.suggestions)
    ? value.suggestions.filter((q) => typeof q === 'string' && q.trim()).map((q) => q.trim()).slice(0, 10)
    : [];
  return text || suggestions.length ? { text, suggestions } : null;
}

function removeSuggestions() {
  for (const el of els.messages.querySelectorAll(':scope > .suggestions')) el.remove();
}

// (Re)draws the opening at the top of the messages; the buttons only before the first message.
function renderOpening() {
  for (const el of els.messages.querySelectorAll(':scope > .opening')) el.remove();
  removeSuggestions();
  const parts = [];
  if (opening && opening.text) {
    const el = document.createElement('div');
    el.className = 'msg assistant opening';
    const body = document.createElement('div');
    body.className = 'body opening-text';
    body.textContent = opening.text; // plain text as the author wrote it, never HTML
    el.appendChild(body);
    parts.push(el);
  }
  if (opening && opening.suggestions.length && !conversation.length && !activeTurn) {
    const box = document.createElement('div');
    box.className = 'suggestions';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', T.suggestions);
    for (const q of opening.suggestions) {
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'btn suggestion';
      btn.textContent = q;
      // A native button: a click, Enter or Space sends it as if typed.
      btn.addEventListener('click', () => {
        const hadFocus = document.activeElement === btn;
        send(q);
        if (hadFocus) els.input.focus(); // the button is gone
      });
      box.appendChild(btn);
    }
    parts.push(box);
  }
  els.messages.prepend(...parts);
  updateEmpty();
}

function nearBottom() {
  const m = els.main;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

function scrollToBottom() {
  els.main.scrollTop = els.main.scrollHeight;
}

function updateEmpty() {
  els.empty.hidden = els.messages.querySelector(':scope > :not(.opening):not(.suggestions)') !== null;
  els.emptyHint.hidden = !!opening; // the opening says how to start
}

function appendUserMessage(text, fileNames = []) {
  const el = document.createElement('div');
  el.className = 'msg user';
  const body = document.createElement('div');
  body.className = 'body';
  body.textContent = text;
  el.appendChild(body);
  for (const name of fileNames) {
    const file = document.createElement('div');
    file.className = 'msg-file';
    file.textContent = `📎 ${name}`;
    el.appendChild(file);
  }
  els.messages.appendChild(el);
  updateEmpty();
  return el;
}

function appendAssistantMessage() {
  const el = document.createElement('div');
  el.className = 'msg assistant';
  el.setAttribute('aria-busy', 'true');
  const body = document.createElement('div');
  body.className = 'body markdown';
  const typing = document.createElement('div');
  typing.className = 'typing';
  const label = document.createElement('span');
  label.className = 'sr-only';
  label.textContent = T.thinking;
  typing.appendChild(label);
  for (let i = 0; i < 3; i++) {
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    typing.appendChild(dot);
  }
  body.appendChild(typing);
  el.appendChild(body);
  els.messages.appendChild(el);
  updateEmpty();
  return { el, body };
}

function setBusy(busy) {
  const stopHadFocus = document.activeElement === els.stop;
  els.send.hidden = busy;
  els.stop.hidden = !busy;
  els.composer.classList.toggle('busy', busy);
  if (!busy && stopHadFocus) els.input.focus();
}

function renderTurn(turn) {
  const stick = nearBottom();
  const citations = turn.citations || [];
  if (citations.length) turn.text = stripSourcesFooter(turn.text);
  if (turn.text) {
    morph(turn.body, renderMarkdown(turn.text));
    mountNewCharts(turn.body);
  }
  if (stick) scrollToBottom();
}

function scheduleRender(turn) {
  if (turn.frame) return;
  turn.frame = requestAnimationFrame(() => {
    turn.frame = 0;
    if (!turn.finished) renderTurn(turn);
  });
}

function addNote(turn, className, text, withRetry) {
  const note = document.createElement('div');
  note.className = className;
  const span = document.createElement('span');
  span.textContent = text;
  note.appendChild(span);
  if (withRetry) {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'btn btn-small retry-btn';
    btn.textContent = T.retry;
    note.appendChild(btn);
  }
  turn.el.appendChild(note);
}

// The answer's sources as buttons; each opens the passage it points at below itself.
function addSources(turn, citations) {
  const box = document.createElement('div');
  box.className = 'msg-sources';
  const title = document.createElement('div');
  title.className = 'msg-sources-title';
  title.textContent = T.sources;
  box.appendChild(title);
  for (const c of citations) {
    const item = document.createElement('div');
    item.className = 'source-item';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'source-link';
    btn.textContent = `[${c.index}] ${c.source}`;
    btn.title = c.quote;
    btn.setAttribute('aria-expanded', 'false');
    btn.addEventListener('click', () => toggleSource(item, btn, c));
    item.appendChild(btn);
    box.appendChild(item);
  }
  turn.el.appendChild(box);
}

async function toggleSource(item, btn, citation) {
  const open = item.querySelector('.source-passage');
  if (open) {
    open.remove();
    btn.setAttribute('aria-expanded', 'false');
    return;
  }
  const passage = document.createElement('blockquote');
  passage.className = 'source-passage';
  item.appendChild(passage);
  btn.setAttribute('aria-expanded', 'true');
  try {
    const headers = {};
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    const res = await fetch(sourceUrl(PREFIX, APP, citation), { headers, cache: 'no-store', credentials: 'same-origin' });
    const data = res.ok ? await res.json() : null;
    if (!data || typeof data.text !== 'string') throw new Error(String(res.status));
    const where = document.createElement('div');
    where.className = 'source-where';
    where.textContent = [data.title || data.document, data.where].filter(Boolean).join(' · ');
    const text = document.createElement('div');
    text.className = 'source-text';
    text.textContent = data.text;
    passage.replaceChildren(where, text);
  } catch {
    passage.textContent = T.sourceError;
  }
}

function finishTurn(turn, { error, stopped }) {
  turn.finished = true;
  if (turn.frame) cancelAnimationFrame(turn.frame);
  turn.frame = 0;
  const stick = nearBottom();
  const citations = turn.citations || [];
  if (citations.length && !error) turn.text = stripSourcesFooter(turn.text);
  if (turn.text) {
    morph(turn.body, renderMarkdown(turn.text));
    mountNewCharts(turn.body);
  } else {
    turn.body.replaceChildren();
  }
  if (!turn.text) turn.body.hidden = true;
  if (error) {
    turn.el.classList.add('error');
    turn.el.setAttribute('data-error', 'true');
    addNote(turn, 'msg-error', error.message, !turn.resumed);
    if (!turn.resumed) failedTurn = { el: turn.el, auth: !!error.auth };
    if (error.auth) showKeyForm(true);
  } else {
    if (turn.text) {
      conversation.push({ role: 'assistant', content: turn.text });
      addAiLabel(turn.el, LANG);
    }
    if (stopped) {
      turn.el.setAttribute('data-stopped', 'true');
      addNote(turn, 'msg-note', T.stopped, false);
    }
  }
  if (citations.length && !error) addSources(turn, citations);
  if (!error && turn.forms && turn.forms.length) {
    turn.el.setAttribute('data-waiting', 'true');
    for (const entry of turn.forms) {
      turn.el.appendChild(buildForm(entry, { T, fmt, renderMarkdown, locale: LOCALE, onAction: answerForm }));
    }
  }
  turn.el.removeAttribute('aria-busy');
  turn.el.setAttribute('data-done', 'true');
  if (stick) scrollToBottom();
}

async function readErrorResponse(res) {
  let message = '';
  try {
    const text = await res.text();
    try {
      const body = JSON.parse(text);
      message = errorText(body && body.error != null ? body.error : body);
    } catch {
      if (!/^\s*</.test(text)) message = text.trim().slice(0, 500);
    }
  } catch { /* no body */ }
  const auth = res.status === 401 || res.status === 403;
  if (!message) message = auth ? T.needsKey : fmt(T.httpError, { status: res.status });
  return { message, status: res.status, auth };
}

class StreamError extends Error {}

async function readStream(res, turn) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  let streamError = null;
  const parser = createSseParser((ev) => {
    if (finished || streamError) return;
    if (ev.done) { finished = true; return; }
    const obj = ev.json;
    if (!obj || typeof obj !== 'object') return;
    if (obj.error != null) {
      streamError = new StreamError(errorText(obj.error) || fmt(T.httpError, { status: res.status }));
      return;
    }
    if (Array.isArray(obj.citations)) turn.citations = cleanCitations(obj.citations);
    if (obj.human_input_required && typeof obj.human_input_required === 'object') {
      turn.forms = cleanForms(obj.human_input_required.forms);
    }
    if (typeof obj.event === 'string') { // the run API's events (an answered form's run)
      const data = obj.data && typeof obj.data === 'object' ? obj.data : {};
      if (obj.event === 'answer' && typeof data.text === 'string') {
        turn.text += data.text;
        scheduleRender(turn);
      } else if (obj.event === 'human_input_required') {
        turn.forms = cleanForms([...(turn.forms || []), data]);
      } else if (obj.event === 'run_paused') {
        finished = true;
      } else if (obj.event === 'run_finished') {
        if (!turn.text && appMode === 'workflow') turn.text = workflowAnswer(data.outputs);
        else if (!turn.text && typeof data.answer === 'string') turn.text = data.answer;
        finished = true;
      } else if (obj.event === 'run_failed' || obj.event === 'run_cancelled') {
        streamError = new StreamError(typeof data.message === 'string' && data.message ? data.message : T.stopped);
      }
      return;
    }
    const choice = Array.isArray(obj.choices) ? obj.choices[0] : null;
    const piece = choice && choice.delta ? choice.delta.content : null;
    if (typeof piece === 'string' && piece) {
      turn.text += piece;
      scheduleRender(turn);
    }
  });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        parser.push(decoder.decode());
        parser.end();
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
      if (finished || streamError) break;
    }
  } finally {
    if (finished || streamError) reader.cancel().catch(() => {});
  }
  if (streamError) throw streamError;
}

function beginTurn(controller = new AbortController()) {
  const { el, body } = appendAssistantMessage();
  const turn = { el, body, text: '', frame: 0, finished: false, controller };
  activeTurn = turn;
  failedTurn = null;
  setBusy(true);
  scrollToBottom();
  return turn;
}

// Fills the turn from the server's answer; returns the error to show, or null.
async function readAnswer(turn, res) {
  if (!res.ok) return readErrorResponse(res);
  if (/application\/json/i.test(res.headers.get('content-type') || '')) {
    // Not streamed after all: a plain chat.completion object (or an error).
    const data = await res.json();
    if (data && data.error != null) return { message: errorText(data.error) };
    const choice = data && Array.isArray(data.choices) ? data.choices[0] : null;
    const content = choice && choice.message ? choice.message.content : '';
    if (data && Array.isArray(data.citations)) turn.citations = cleanCitations(data.citations);
    if (data && data.human_input_required) turn.forms = cleanForms(data.human_input_required.forms);
    turn.text = typeof content === 'string' ? content : '';
  } else if (!res.body) {
    turn.text = await res.text();
  } else {
    await readStream(res, turn);
  }
  return null;
}

function failure(turn, err) {
  if (turn.controller.signal.aborted) return { stopped: true };
  if (err instanceof StreamError) return { error: { message: err.message } };
  return { error: { message: `${T.networkError}${err && err.message ? ` (${err.message})` : ''}` } };
}

function endTurn(turn, myGeneration, error, stopped) {
  if (myGeneration !== generation) return turn.el; // "New chat" was pressed meanwhile
  finishTurn(turn, { error, stopped });
  if (activeTurn === turn) {
    activeTurn = null;
    setBusy(false);
  }
  return turn.el;
}

// One turn of the conversation: the whole conversation so far to the OpenAI endpoint,
// with the conversation's id and the files for the app's file inputs (an object, or a
// promise of one while the files are read).
async function run(files) {
  const myGeneration = generation;
  const turn = beginTurn();
  let error = null;
  let stopped = false;
  let inputs;
  try {
    inputs = await files;
  } catch (err) {
    return endTurn(turn, myGeneration, { message: err && err.message ? err.message : T.networkError }, false);
  }
  try {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    const body = {
      model: APP,
      stream: true,
      conversation_id: conversationId,
      messages: conversation.map((m) => ({ role: m.role, content: m.content })),
    };
    if (inputs && Object.keys(inputs).length) body.inputs = inputs;
    const res = await fetch(COMPLETIONS_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: turn.controller.signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
    error = await readAnswer(turn, res);
  } catch (err) {
    ({ error = null, stopped = false } = failure(turn, err));
  }
  return endTurn(turn, myGeneration, error, stopped);
}

// A button of a form was pressed: the answer goes to the forms endpoint, and the run's
// continued answer streams into a new message. A wrong answer is said in the form.
async function answerForm(box, action, label) {
  if (activeTurn || box.dataset.state) return null;
  const myGeneration = generation;
  const controller = new AbortController();
  setFormBusy(box, true);
  showFormError(box, '');
  let res;
  try {
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    res = await fetch(formUrl(PREFIX, APP, box.dataset.token), {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, values: formValues(box) }),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    setFormBusy(box, false);
    showFormError(box, `${T.networkError}${err && err.message ? ` (${err.message})` : ''}`);
    return null;
  }
  if (myGeneration !== generation) return null;
  if (!res.ok) {
    const err = await readErrorResponse(res);
    if (res.status === 404 || res.status === 409) {
      closeForm(box, res.status === 404 ? T.formGone : err.message, false);
    } else {
      setFormBusy(box, false);
      showFormError(box, err.message);
      if (err.auth) showKeyForm(true);
    }
    return null;
  }
  closeForm(box, fmt(T.formAnswered, { action: label }), true);
  const turn = beginTurn(controller);
  turn.resumed = true; // its run cannot be sent again: no Retry
  let error = null;
  let stopped = false;
  try {
    error = await readAnswer(turn, res);
  } catch (err) {
    ({ error = null, stopped = false } = failure(turn, err));
  }
  return endTurn(turn, myGeneration, error, stopped);
}

let lastInputs = {}; // the files of the last message, sent again by Retry

function send(text) {
  const content = String(text == null ? '' : text).trim();
  if (!content || activeTurn) return Promise.resolve(null);
  clearRetryButtons();
  removeSuggestions();
  conversation.push({ role: 'user', content });
  const files = [...pendingFiles];
  pendingFiles.clear();
  attachError = '';
  renderAttachments();
  const names = files.map(([, f]) => f.name);
  appendUserMessage(content, names);
  return run(fileValues(files).then(
    (inputs) => {
      lastInputs = inputs;
      return inputs;
    },
    () => {
      throw new Error(fmt(T.fileReadError, { name: names.join(', ') }));
    },
  ));
}

function clearRetryButtons() {
  for (const b of els.messages.querySelectorAll('.retry-btn')) b.remove();
  failedTurn = null;
}

function retry() {
  if (activeTurn || !failedTurn) return Promise.resolve(null);
  const { el } = failedTurn;
  failedTurn = null;
  disposeCharts(el);
  el.remove();
  return run(lastInputs);
}

function stop() {
  if (activeTurn) activeTurn.controller.abort();
}

function newChat() {
  generation++;
  if (activeTurn) {
    activeTurn.finished = true;
    activeTurn.controller.abort();
    activeTurn = null;
  }
  failedTurn = null;
  conversation.length = 0;
  conversationId = newConversationId();
  pendingFiles.clear();
  attachError = '';
  lastInputs = {};
  renderAttachments();
  disposeCharts(els.messages);
  els.messages.replaceChildren();
  setBusy(false);
  renderOpening();
  els.input.focus();
}

// ----------------------------------------------------------------- composer

function autosize() {
  const ta = els.input;
  ta.style.height = 'auto';
  ta.style.height = `${Math.min(ta.scrollHeight, 200)}px`;
}

function submitComposer() {
  if (activeTurn) return;
  const text = els.input.value;
  if (!text.trim()) return;
  els.input.value = '';
  autosize();
  send(text);
}

els.input.addEventListener('input', autosize);
els.input.addEventListener('keydown', (e) => {
  // Enter sends, Shift+Enter adds a line; never while an IME is composing.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
    e.preventDefault();
    submitComposer();
  } else if (e.key === 'Escape' && activeTurn) {
    e.preventDefault();
    stop();
  }
});
els.composer.addEventListener('submit', (e) => {
  e.preventDefault();
  submitComposer();
});
els.stop.addEventListener('click', () => {
  stop();
  els.input.focus();
});
els.newChat.addEventListener('click', newChat);

// ------------------------------------------------------- copy and retry

async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back below */ }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.top = '0';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  ta.remove();
  return ok;
}

els.messages.addEventListener('click', async (e) => {
  const btn = e.target instanceof Element ? e.target.closest('button') : null;
  if (!btn || !els.messages.contains(btn)) return;
  if (btn.classList.contains('retry-btn')) {
    retry();
    return;
  }
  if (btn.classList.contains('copy-btn')) {
    const code = btn.closest('.code-block')?.querySelector('code');
    if (!code) return;
    const ok = await copyText(code.textContent);
    btn.focus();
    btn.textContent = ok ? T.copied : T.copyFailed;
    btn.classList.toggle('copied', ok);
    clearTimeout(btn.fdTimer);
    btn.fdTimer = setTimeout(() => {
      btn.textContent = T.copy;
      btn.classList.remove('copied');
    }, 1500);
  }
});

// -------------------------------------------------------------------- start

window.flowdeckChat = {
  app: APP,
  send,
  stop,
  newChat,
  retry,
  get busy() { return !!activeTurn; },
  get conversationId() { return conversationId; },
};

updateEmpty();
loadInfo();
// Focus the input on desktop, but not inside an iframe (that would scroll the
// embedding page) and not on touch screens (that would pop up the keyboard).
if (window.top === window && window.matchMedia && window.matchMedia('(pointer: fine)').matches) {
  els.input.focus();
}
