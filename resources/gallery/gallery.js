// The studio's start page: the solution-template gallery. Data and actions come from
// the studio over QWebChannel (object "studio", studio/gallery/gallerybridge.h).
'use strict';

// The studio's theme comes in the address (?theme=dark|light) and wins over the system's.
{
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
}

const STRINGS = {
  en: {
    heading: 'Start from a solution', subheading: 'Pick a template, run it on your machine, deploy it with one click.',
    search: 'Search templates (English or 中文) — press /', blank: '＋ Blank workflow', open: '📂 Open a workflow…',
    categories: 'Categories', recent: 'Recent projects', noRecent: 'None yet', all: 'All',
    use: 'Use this template', details: 'Details', back: '← Back to the gallery', needs: 'What it needs',
    model: 'A model (any OpenAI-compatible provider)', noModel: 'No model', secret: 'Key or token', set: 'set it after opening',
    builtin: 'built in', installed: 'installed', missing: 'to install', external: 'external service', unknown: 'not in the catalog',
    sample: 'Try asking', nothing: 'No template matches “{q}”.', creating: 'Creating the project…',
    nodes: '{n} nodes', problems: 'Some templates could not be loaded:',
    cat: { data: 'Data analysis', service: 'Customer service', office: 'Office work', content: 'Content & writing',
           education: 'Education & health', travel: 'Travel & culture', research: 'Research', personal: 'Personal' },
  },
  zh: {
    heading: '从解决方案开始', subheading: '选择一个模板，在本机运行，一键部署。',
    search: '搜索模板（中文或 English）— 按 / 键', blank: '＋ 空白工作流', open: '📂 打开工作流…',
    categories: '分类', recent: '最近的项目', noRecent: '暂无', all: '全部',
    use: '使用此模板', details: '详情', back: '← 返回模板库', needs: '所需条件',
    model: '一个模型（任何兼容 OpenAI 的服务）', noModel: '无需模型', secret: '密钥或令牌', set: '打开后设置',
    builtin: '内置', installed: '已安装', missing: '需安装', external: '外部服务', unknown: '不在插件目录中',
    sample: '试着问', nothing: '没有与“{q}”匹配的模板。', creating: '正在创建项目…',
    nodes: '{n} 个节点', problems: '有些模板未能加载：',
    cat: { data: '数据分析', service: '客户服务', office: '办公效率', content: '内容创作',
           education: '教育与健康', travel: '文旅出行', research: '研究', personal: '个人助理' },
  },
};
const CATEGORY_ORDER = ['data', 'service', 'office', 'content', 'education', 'travel', 'research', 'personal'];
const NODE_COLORS = { start: '#2f9e44', answer: '#2f6fed', end: '#2f6fed', llm: '#7048e8', agent: '#ae3ec9',
                      'mcp.tool': '#e8590c', condition: '#f08c00', template: '#1098ad', http: '#0c8599', aggregate: '#868e96' };

let studio = null;
let data = { templates: [], recent: [], problems: [], language: 'en' };
let T = STRINGS.en;
let category = 'all';
let openId = null;

const $ = (id) => document.getElementById(id);
const fmt = (s, vars) => s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] != null ? String(vars[k]) : ''));
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// The workflow drawn as a small SVG: nodes at their canvas positions, edges as curves.
function graphSvg(graph, large) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  const W = 150, H = 46;
  const xs = graph.nodes.map((n) => n.x), ys = graph.nodes.map((n) => n.y);
  const minX = Math.min(...xs, 0), minY = Math.min(...ys, 0);
  const maxX = Math.max(...xs, 0) + W, maxY = Math.max(...ys, 0) + H;
  const pad = 20;
  svg.setAttribute('viewBox', `${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('role', 'img');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const e of graph.edges) {
    const a = byId.get(e.from), b = byId.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, dx = Math.max(40, (x2 - x1) / 2);
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('d', `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`);
    p.setAttribute('class', 'edge');
    svg.append(p);
  }
  for (const n of graph.nodes) {
    const g = document.createElementNS(NS, 'g');
    g.setAttribute('class', 'node');
    g.setAttribute('data-node', n.id);
    const color = NODE_COLORS[n.type] || '#868e96';
    const r = document.createElementNS(NS, 'rect');
    Object.entries({ x: n.x, y: n.y, width: W, height: H, rx: 8, fill: color + '22', stroke: color }).forEach(([k, v]) => r.setAttribute(k, v));
    g.append(r);
    if (large) {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', n.x + 10);
      t.setAttribute('y', n.y + H / 2 + 4);
      t.textContent = (n.title || n.id).slice(0, 24);
      g.append(t);
    } else {
      const bar = document.createElementNS(NS, 'rect');
      Object.entries({ x: n.x, y: n.y, width: 8, height: H, rx: 4, fill: color }).forEach(([k, v]) => bar.setAttribute(k, v));
      g.append(bar);
    }
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${n.title || n.id} (${n.type})`;
    g.append(title);
    svg.append(g);
  }
  return svg;
}

function needsLine(t) {
  const parts = [];
  if (t.needs.model) parts.push('🧠 ' + (data.language === 'zh' ? '模型' : 'model'));
  for (const p of t.needs.plugins) parts.push('🔌 ' + p.name);
  for (const s of t.needs.secrets) parts.push('🔑 ' + s);
  return parts.join(' · ');
}

function matches(t, q) {
  if (!q) return true;
  const hay = (t.title + ' ' + t.summary + ' ' + t.tags.join(' ') + ' ' + t.searchText + ' ' +
               t.needs.plugins.map((p) => p.name + ' ' + p.id).join(' ')).toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

function visible() {
  const q = $('search').value.trim();
  return data.templates.filter((t) => (category === 'all' || t.category === category) && matches(t, q));
}

function renderCategories() {
  const nav = $('categories');
  nav.replaceChildren();
  const counts = {};
  for (const t of data.templates) counts[t.category] = (counts[t.category] || 0) + 1;
  const add = (id, label, n) => nav.append(el('button', { class: id === category ? 'active' : '', 'data-category': id,
    onclick: () => { category = id; renderCategories(); renderGrid(); } }, el('span', {}, label), el('span', { class: 'count' }, String(n))));
  add('all', T.all, data.templates.length);
  for (const c of CATEGORY_ORDER) if (counts[c]) add(c, T.cat[c] || c, counts[c]);
}

function renderRecent() {
  const ul = $('recent');
  ul.replaceChildren();
  if (!data.recent.length) ul.append(el('li', { class: 'folder' }, T.noRecent));
  for (const r of data.recent.slice(0, 8)) {
    ul.append(el('li', {}, el('button', { title: r.path, onclick: () => studio.openRecent(r.path) },
      r.name, el('span', { class: 'folder' }, r.folder))));
  }
}

function useTemplate(id, button) {
  if (button) { button.disabled = true; button.textContent = T.creating; }
  studio.useTemplate(id, (ok) => {
    if (!ok && button) { button.disabled = false; button.textContent = T.use; }
  });
}

function card(t) {
  const use = el('button', { class: 'primary', 'data-use': t.id, onclick: (ev) => { ev.stopPropagation(); useTemplate(t.id, use); } }, T.use);
  const c = el('div', { class: 'card', tabindex: '0', 'data-template': t.id, onclick: () => showDetail(t.id),
    onkeydown: (ev) => { if (ev.key === 'Enter') showDetail(t.id); } },
    el('div', { class: 'card-head' }, el('span', { class: 'icon' }, t.icon),
      el('div', {}, el('h2', {}, t.title), el('span', { class: 'category' }, T.cat[t.category] || t.category))),
    el('p', {}, t.summary),
    el('div', { class: 'tags' }, ...t.tags.map((g) => el('span', { class: 'tag' }, g))),
    el('div', { class: 'graph' }, graphSvg(t.graph, false)),
    el('div', { class: 'needs-line' }, needsLine(t)),
    el('div', { class: 'card-actions' }, el('button', { class: 'secondary', onclick: (ev) => { ev.stopPropagation(); showDetail(t.id); } }, T.details), use));
  return c;
}

function renderGrid() {
  const list = visible();
  $('grid').replaceChildren(...list.map(card));
  const q = $('search').value.trim();
  $('empty').hidden = list.length > 0;
  $('empty').textContent = fmt(T.nothing, { q });
}

function stateBadge(state) {
  const ok = state === 'builtin' || state === 'installed';
  return el('span', { class: 'state ' + (ok ? 'ok' : 'todo') }, T[state] || state);
}

function showDetail(id) {
  const t = data.templates.find((x) => x.id === id);
  if (!t) return;
  openId = id;
  $('detail-icon').textContent = t.icon;
  $('detail-title').textContent = t.title;
  $('detail-summary').textContent = t.summary;
  $('detail-tags').replaceChildren(...t.tags.map((g) => el('span', { class: 'tag' }, g)));
  $('detail-graph').replaceChildren(graphSvg(t.graph, true));
  const needs = $('detail-needs');
  needs.replaceChildren(el('li', {}, '🧠 ' + (t.needs.model ? T.model : T.noModel)));
  for (const p of t.needs.plugins) needs.append(el('li', { 'data-plugin': p.id }, '🔌 ' + p.name, stateBadge(p.state)));
  for (const s of t.needs.secrets) needs.append(el('li', { 'data-secret': s }, '🔑 ' + T.secret + ': ', el('code', {}, s),
    el('span', { class: 'state todo' }, T.set)));
  $('detail-sample').replaceChildren(...(t.sampleQuery ? [el('strong', {}, T.sample + ': '), t.sampleQuery] : []));
  $('detail-readme').innerHTML = t.readmeHtml; // from the template's README via Qt's markdown reader (no raw HTML)
  $('detail-use').disabled = false;
  $('detail-use').textContent = T.use;
  $('detail').hidden = false;
  $('detail-use').focus();
}

function hideDetail() {
  $('detail').hidden = true;
  openId = null;
  $('search').focus();
}

function notice(kind, text) {
  const n = $('notice');
  n.className = kind === 'error' ? '' : 'info';
  n.textContent = text;
  n.title = text ? (data.language === 'zh' ? '点击关闭' : 'Click to close') : '';
  n.hidden = !text;
}

function applyTexts() {
  T = STRINGS[data.language] || STRINGS.en;
  document.documentElement.lang = data.language === 'zh' ? 'zh-CN' : 'en';
  $('heading').textContent = T.heading;
  $('subheading').textContent = T.subheading;
  $('search').placeholder = T.search;
  $('blank').textContent = T.blank;
  $('open').textContent = T.open;
  $('categories-title').textContent = T.categories;
  $('recent-title').textContent = T.recent;
  $('back').textContent = T.back;
  $('needs-title').textContent = T.needs;
}

function load() {
  studio.catalog((json) => {
    data = JSON.parse(json);
    $('detail').hidden = true; // a page shown again starts on the gallery, its buttons ready
    openId = null;
    notice('', '');
    applyTexts();
    renderCategories();
    renderRecent();
    renderGrid();
    if (data.problems.length) notice('error', T.problems + ' ' + data.problems.join(' '));
    document.body.dataset.ready = 'true';
  });
}

window.flowdeckGallery = { reload: load, showDetail, hideDetail, useTemplate: (id) => useTemplate(id, null),
                           search: (q) => { $('search').value = q; renderGrid(); } };

document.addEventListener('DOMContentLoaded', () => {
  $('search').addEventListener('input', renderGrid);
  $('search').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { const first = visible()[0]; if (first) showDetail(first.id); }
  });
  $('blank').addEventListener('click', () => studio.newBlank());
  $('open').addEventListener('click', () => studio.openOther());
  $('back').addEventListener('click', hideDetail);
  $('notice').addEventListener('click', () => notice('', ''));
  $('detail-use').addEventListener('click', () => useTemplate(openId, $('detail-use')));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !$('detail').hidden) hideDetail();
    else if (ev.key === '/' && document.activeElement !== $('search')) { ev.preventDefault(); hideDetail(); }
  });
  new QWebChannel(qt.webChannelTransport, (channel) => {
    studio = channel.objects.studio;
    studio.notice.connect(notice);
    load();
  });
});
