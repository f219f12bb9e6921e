// The Orama side of bench_knowledge: the same chunks (chunks.jsonl), the same 1024-dim
// vectors (chunks.f32), the same questions with their vectors (queries.jsonl, queries.f32),
// inserted into an Orama index and searched by full text, vector and hybrid, top 5.
// Writes orama.json into the work folder; bench_knowledge prints it beside its own figures.
//   node --expose-gc bench-orama.mjs <work folder>
import { create, insertMultiple, search } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import { readFileSync, writeFileSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const DIMENSIONS = 1024;
const TOP_K = 5;
const WARMUP = 10;
const work = process.argv[2];
if (!work) {
  console.error('usage: node bench-orama.mjs <work folder written by bench_knowledge>');
  process.exit(2);
}

const mib = (bytes) => bytes / 1048576;
function statusMiB(field) {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
  return line ? parseInt(line.slice(field.length + 1), 10) / 1024 : 0;
}
function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
async function readJsonl(file) {
  const rows = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line) rows.push(JSON.parse(line));
  return rows;
}
// One Float32Array over the file; rows are views into it (no copies).
function readVectors(file, count) {
  const bytes = readFileSync(file);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (all.length !== count * DIMENSIONS) throw new Error(`${file}: ${all.length} floats for ${count} rows`);
  return Array.from({ length: count }, (_, i) => all.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS));
}

const chunks = await readJsonl(join(work, 'chunks.jsonl'));
const vectors = readVectors(join(work, 'chunks.f32'), chunks.length);
const allQueries = await readJsonl(join(work, 'queries.jsonl'));
const queryVectors = readVectors(join(work, 'queries.f32'), allQueries.length);
// Orama's full-text and hybrid searches take about a second each at 100,000 chunks: the
// first N questions (argument 2, default 100) keep its run within minutes.
const queries = allQueries.slice(0, Number(process.argv[3] ?? 100));
globalThis.gc?.();
const rssBefore = mib(process.memoryUsage().rss);

// Orama's default tokenizer keeps a run of Han characters as one token (no Chinese
// segmentation); its mandarin tokenizer (Intl.Segmenter words) is its best for this corpus.
const db = create({
  schema: { id: 'string', text: 'string', embedding: `vector[${DIMENSIONS}]` },
  components: { tokenizer: createTokenizer() },
});
// Orama takes vectors as plain arrays only (its schema check), as they come from JSON.
let started;
let insertSeconds = 0;
for (let i = 0; i < chunks.length; i += 5000) {
  const batch = chunks.slice(i, i + 5000).map((c, j) => ({ id: String(c.id), text: c.text, embedding: Array.from(vectors[i + j]) }));
  started = performance.now();
  await insertMultiple(db, batch, 5000);
  insertSeconds += (performance.now() - started) / 1000;
}
vectors.length = 0;
globalThis.gc?.();
const usage = process.memoryUsage();
const out = {
  version: JSON.parse(readFileSync(new URL('./node_modules/@orama/orama/package.json', import.meta.url))).version,
  node: process.version,
  tokenizer: '@orama/tokenizers/mandarin',
  chunks: chunks.length,
  questions: queries.length,
  insertSeconds,
  rssBeforeInsertMiB: rssBefore,
  rssAfterInsertMiB: mib(usage.rss),
  heapUsedMiB: mib(usage.heapUsed),
  arrayBuffersMiB: mib(usage.arrayBuffers),
};
console.log(`\nOrama ${out.version} (node ${process.version}): ${chunks.length} chunks inserted in ${insertSeconds.toFixed(1)} s; ` +
  `resident ${out.rssAfterInsertMiB.toFixed(0)} MiB (heap ${out.heapUsedMiB.toFixed(0)} MiB, vectors ${out.arrayBuffersMiB.toFixed(0)} MiB)`);

const params = {
  keyword: (q) => ({ term: q.text, properties: ['text'], limit: TOP_K }),
  vector: (q, v) => ({ mode: 'vector', vector: { value: v, property: 'embedding' }, similarity: 0, limit: TOP_K }),
  hybrid: (q, v) => ({
    mode: 'hybrid', term: q.text, properties: ['text'], vector: { value: v, property: 'embedding' },
    similarity: 0, limit: TOP_K,
  }),
};
for (const [mode, make] of Object.entries(params)) {
  const ms = [];
  let hits = 0;
  const byKind = {};
  for (let i = -WARMUP; i < queries.length; i++) {
    const at = i < 0 ? (i + WARMUP) % queries.length : i;
    const q = queries[at];
    started = performance.now();
    const result = await search(db, make(q, queryVectors[at]));
    const elapsed = performance.now() - started;
    if (i < 0) continue;
    ms.push(elapsed);
    const hit = result.hits.some((h) => h.document.text.includes(q.snippet));
    hits += hit;
    byKind[q.kind] ??= [0, 0];
    byKind[q.kind][0] += hit;
    byKind[q.kind][1] += 1;
  }
  out[mode] = {
    p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), mean: ms.reduce((a, b) => a + b, 0) / ms.length,
    hit5: hits / queries.length,
    hit5ByKind: Object.fromEntries(Object.entries(byKind).map(([k, [h, n]]) => [k, h / n])),
  };
  const m = out[mode];
  console.log(`  ${mode.padEnd(8)} p50 ${m.p50.toFixed(2).padStart(7)} ms  p99 ${m.p99.toFixed(2).padStart(7)} ms  ` +
    `mean ${m.mean.toFixed(2).padStart(7)} ms  hit@5 ${(100 * m.hit5).toFixed(1)} %  (` +
    Object.entries(m.hit5ByKind).map(([k, v]) => `${k} ${(100 * v).toFixed(0)}%`).join('; ') + ')');
}
out.peakMiB = statusMiB('VmHWM');
out.rssEndMiB = mib(process.memoryUsage().rss);
writeFileSync(join(work, 'orama.json'), JSON.stringify(out, null, 2));
