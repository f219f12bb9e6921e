'use strict';
// A stand-in OpenAI-compatible embeddings and rerank service for knowledge tests, run
// with loopback-listen.cjs (PORT=0). Vectors are deterministic: words and Chinese
// character pairs hashed into DIMS dimensions, so similar texts get similar vectors.
//   node --require loopback-listen.cjs embeddings-peer.cjs [--dims N] [--max-batch N]
//        [--fail-429 N] [--wrong-dims] [--answer-dims N]
// POST /v1/embeddings {model, input} → {data:[{index, embedding}], model, usage}
// POST /v1/rerank {model, query, documents, top_n} → {results:[{index, relevance_score}]}
// GET /stats → {embeddingCalls, inputs, rerankCalls, largestBatch, refused429}
const http = require('http');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : dflt;
};
const DIMS = opt('--dims', 64);
const MAX_BATCH = opt('--max-batch', 10);
let fail429 = opt('--fail-429', 0);
const ANSWER_DIMS = opt('--answer-dims', 0);
const stats = { embeddingCalls: 0, inputs: 0, rerankCalls: 0, largestBatch: 0, refused429: 0 };

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function features(text) {
  const out = [];
  const lower = text.toLowerCase();
  for (const w of lower.match(/[a-z0-9]+/g) || []) if (w.length > 1) out.push(w);
  const cjk = [...lower].filter((c) => /\p{Script=Han}/u.test(c));
  for (let i = 0; i < cjk.length; i++) {
    out.push(cjk[i]);
    if (i + 1 < cjk.length) out.push(cjk[i] + cjk[i + 1]);
  }
  return out;
}

function embed(text, dims) {
  const v = new Array(dims).fill(0);
  for (const f of features(text)) {
    const h = fnv1a(f);
    v[h % dims] += h & 0x80000000 ? 1 : -1;
  }
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') return send(res, 200, stats);
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: { message: 'body is not JSON' } });
    }
    if (req.headers.authorization !== 'Bearer test-key')
      return send(res, 401, { error: { message: 'Incorrect API key provided' } });
    if (req.url === '/v1/embeddings') {
      if (fail429 > 0) {
        fail429--;
        stats.refused429++;
        return send(res, 429, { error: { message: 'Rate limit reached, slow down' } }, { 'Retry-After': '0' });
      }
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      if (inputs.length > MAX_BATCH)
        return send(res, 400, { error: { message: `batch size is invalid, it should not be larger than ${MAX_BATCH}` } });
      stats.embeddingCalls++;
      stats.inputs += inputs.length;
      stats.largestBatch = Math.max(stats.largestBatch, inputs.length);
      const dims = ANSWER_DIMS || (typeof body.dimensions === 'number' ? body.dimensions : DIMS);
      return send(res, 200, {
        object: 'list',
        model: body.model,
        data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: embed(String(t), dims) })),
        usage: { prompt_tokens: inputs.join('').length, total_tokens: inputs.join('').length },
      });
    }
    if (req.url === '/v1/rerank') {
      stats.rerankCalls++;
      const q = embed(String(body.query || ''), 256);
      const results = (body.documents || []).map((d, index) => {
        const v = embed(typeof d === 'string' ? d : String(d.text || ''), 256);
        return { index, relevance_score: q.reduce((a, x, i) => a + x * v[i], 0) };
      });
      results.sort((a, b) => b.relevance_score - a.relevance_score);
      return send(res, 200, { model: body.model, results: results.slice(0, body.top_n || results.length) });
    }
    send(res, 404, { error: { message: `no route ${req.url}` } });
  });
});
server.listen(Number(process.env.PORT || 0));
