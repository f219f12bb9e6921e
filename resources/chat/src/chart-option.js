// Checks and cleans an ECharts option that came from model output (```chart
// blocks). Pure code (no DOM, no ECharts) so it can be unit-tested in Node.

// Series types whose chart modules are bundled (see registerCharts in chat.js).
// Other types (treemap, graph, ...) are left out to keep the page small; such
// a block is shown as JSON code.
export const SUPPORTED_SERIES = new Set([
  'line', 'bar', 'pie', 'scatter', 'radar', 'heatmap', 'gauge', 'funnel',
  'candlestick', 'sankey',
]);

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// Returns the parsed option when `src` is a complete JSON object that we can
// draw (at least one series, every series of a bundled type), else null.
// While a block is still streaming its JSON does not parse yet, so it stays
// a code block until it is complete.
export function parseChartSource(src) {
  let opt;
  try { opt = JSON.parse(src); } catch { return null; }
  if (!isPlainObject(opt)) return null;
  const series = opt.series == null ? [] : [].concat(opt.series);
  if (series.length === 0) return null;
  for (const s of series) {
    if (!isPlainObject(s) || !SUPPORTED_SERIES.has(s.type)) return null;
  }
  return opt;
}

const SCRIPT_URL = /^[\s\u0000-\u001f]*(?:javascript|vbscript|data\s*:\s*text\/html)\s*:?/i;

// Deep copy of `opt` that is safe to hand to ECharts:
// - no strings that are script URLs; title links only http(s);
// - no images loaded from elsewhere (image:// symbols, {image: url});
// - tooltips are drawn on the canvas (renderMode richText), never as HTML,
//   so a `formatter` string cannot inject markup;
// - no `__proto__` keys.
export function sanitizeChartOption(opt, { reducedMotion = false } = {}) {
  function walk(v, key, depth) {
    if (depth > 64) return undefined;
    if (typeof v === 'string') {
      if (SCRIPT_URL.test(v)) return undefined;
      if ((key === 'link' || key === 'sublink') && !/^https?:\/\//i.test(v)) return undefined;
      if (/^\s*image:\/\//i.test(v) && !/^\s*image:\/\/data:image\//i.test(v)) return undefined;
      if ((key === 'image' || key === 'backgroundImage') && !/^\s*data:image\//i.test(v)) return undefined;
      return v;
    }
    if (Array.isArray(v)) {
      return v.map((x) => { const r = walk(x, undefined, depth + 1); return r === undefined ? null : r; });
    }
    if (isPlainObject(v)) {
      const out = {};
      for (const k of Object.keys(v)) {
        if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
        const r = walk(v[k], k, depth + 1);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
    return v; // number, boolean, null
  }
  const out = walk(opt, '', 0) || {};
  // ECharts uses only one tooltip component; add one when the model gave none.
  const first = [].concat(out.tooltip == null ? [] : out.tooltip).find(isPlainObject);
  const tip = { ...(first || {}), renderMode: 'richText' };
  delete tip.extraCssText;
  delete tip.appendToBody;
  delete tip.appendTo;
  out.tooltip = tip;
  if (out.backgroundColor === undefined) out.backgroundColor = 'transparent';
  if (reducedMotion) out.animation = false;
  return out;
}
