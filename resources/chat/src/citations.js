// Sources of an answer (the knowledge nodes' citations the server sends with the last
// chunk): DOM-free helpers, unit-tested in test/unit.test.mjs.

// The plain "Sources:" / "来源：" list an llm node may append after its reply; the page
// shows the citations as links instead, so the plain list is left out when they exist.
const FOOTER = /\n{1,2}(?:Sources:|来源：)\n(?:\[\d+\][^\n]*(?:\n|$))+\s*$/;

export function stripSourcesFooter(text) {
  return typeof text === 'string' ? text.replace(FOOTER, '') : text;
}

// Only well-formed citations, at most 50, each with the fields the page shows.
export function cleanCitations(list) {
  if (!Array.isArray(list)) return [];
  const out = [];
  for (const c of list.slice(0, 50)) {
    if (!c || typeof c !== 'object') continue;
    const chunkId = Number(c.chunkId);
    if (!Number.isSafeInteger(chunkId) || chunkId <= 0 || typeof c.base !== 'string' || !c.base) continue;
    out.push({
      index: Number.isSafeInteger(c.index) ? c.index : out.length + 1,
      base: c.base,
      chunkId,
      source: String(c.source || c.document || ''),
      quote: String(c.quote || ''),
    });
  }
  return out;
}

// Where the passage a citation points at is read from.
export function sourceUrl(prefix, app, citation) {
  return `${prefix}/v1/apps/${encodeURIComponent(app)}/sources/${encodeURIComponent(citation.base)}/${citation.chunkId}`;
}
