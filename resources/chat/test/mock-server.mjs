// A stand-in for `flowdeck serve`, for trying the chat page by hand or from a
// browser test. Node's http module only; listens on 127.0.0.1.
//
//   node test/mock-server.mjs [port]      (port 0 or none: any free port)
//
// Prints one line: "mock-server listening on http://127.0.0.1:<port>".
// Run `npm run build` first: the page served is dist/chat.html.
//
// Apps:
//   demo    open; answers with markdown, a code block and a ```chart block
//   locked  needsKey: true; wants "Authorization: Bearer secret" (else 401)
// A last user message containing "fail" gets a 500 JSON error; one
// containing "midstream" gets an error event in the middle of the stream.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = path.join(here, '..', 'dist', 'chat.html');
const DELAY_MS = Number(process.env.MOCK_DELAY_MS ?? 30);

const APPS = {
  demo: {
    app: 'demo',
    title: 'Demo assistant',
    description: 'A mock app: answers with markdown, code and a chart.',
    mode: 'chat',
    needsKey: false,
    inputs: [{ name: 'question', label: 'Question', type: 'text', required: true }],
  },
  locked: {
    app: 'locked',
    title: 'Locked app',
    description: 'Needs the API key "secret".',
    mode: 'chat',
    needsKey: true,
    inputs: [],
  },
};

const CHART = {
  title: { text: 'Requests per day' },
  tooltip: { trigger: 'axis' },
  xAxis: { type: 'category', data: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] },
  yAxis: { type: 'value' },
  series: [
    { name: 'requests', type: 'bar', data: [120, 200, 150, 80, 70, 110, 130] },
    { name: 'errors', type: 'line', data: [5, 9, 4, 2, 1, 3, 6] },
  ],
};

function demoAnswer(question) {
  return [
    `## Answer to: ${question.slice(0, 60)}`,
    '',
    'Here is **markdown** with `inline code`, a list and a link to <https://example.com>:',
    '',
    '1. first item',
    '2. second item — 第二项（中文也可以）',
    '',
    '```python',
    'def greet(name: str) -> str:',
    '    """Say hello."""',
    '    return f"Hello, {name}!"',
    '',
    'print(greet("flowdeck"))',
    '```',
    '',
    'A chart:',
    '',
    '```chart',
    JSON.stringify(CHART, null, 2),
    '```',
    '',
    'And the same numbers as a table:',
    '',
    '| day | requests |',
    '|-----|---------:|',
    ...CHART.xAxis.data.map((d, i) => `| ${d} | ${CHART.series[0].data[i]} |`),
    '',
    'Done.',
  ].join('\n');
}

function splitPieces(text, size) {
  const chars = [...text];
  const pieces = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function sendJson(res, status, body) {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
  res.end(data);
}

function sendError(res, status, message, type, code) {
  sendJson(res, status, { error: { message, type, code } });
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function chunk(id, delta, finish = null) {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'mock',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

async function completions(req, res) {
  let body;
  try { body = JSON.parse(await readBody(req)); } catch {
    sendError(res, 400, 'request body is not valid JSON', 'invalid_request_error', null);
    return;
  }
  const app = APPS[body.model];
  if (!app) {
    sendError(res, 404, `no app named "${body.model}"`, 'invalid_request_error', 'model_not_found');
    return;
  }
  if (app.needsKey && req.headers.authorization !== 'Bearer secret') {
    sendError(res, 401, 'Missing or wrong API key.', 'invalid_request_error', 'invalid_api_key');
    return;
  }
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const last = [...messages].reverse().find((m) => m && m.role === 'user');
  const question = last && typeof last.content === 'string' ? last.content : '';
  if (/fail/i.test(question)) {
    sendError(res, 500, 'The workflow failed: node "llm" timed out.', 'server_error', null);
    return;
  }

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  let closed = false;
  res.on('close', () => { closed = true; });
  const id = `chatcmpl-mock-${Date.now()}`;
  const write = (obj) => res.write(`data: ${JSON.stringify(obj)}\n\n`);

  write(chunk(id, { role: 'assistant' })); // no content in the first chunk
  write(chunk(id, { content: '' }));
  const text = /midstream/i.test(question)
    ? 'This answer starts fine, then '
    : demoAnswer(question || '(nothing)');
  const pieces = splitPieces(text, 14);
  for (let i = 0; i < pieces.length && !closed; i++) {
    const line = Buffer.from(`data: ${JSON.stringify(chunk(id, { content: pieces[i] }))}\n\n`, 'utf8');
    if (i % 5 === 2) {
      // Split one event across two writes, inside a UTF-8 sequence when there
      // is one, so the page's handling of partial reads gets exercised.
      let cut = Math.floor(line.length / 2);
      const multi = line.findIndex((b) => b >= 0x80);
      if (multi > 0) cut = multi + 1;
      res.write(line.subarray(0, cut));
      await sleep(DELAY_MS);
      res.write(line.subarray(cut));
    } else {
      res.write(line);
    }
    await sleep(DELAY_MS);
  }
  if (closed) return;
  if (/midstream/i.test(question)) {
    write({ error: { message: 'The model provider closed the connection.', type: 'server_error', code: 502 } });
    res.end();
    return;
  }
  write(chunk(id, {}, 'stop'));
  res.end('data: [DONE]\n\n');
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const m = /^\/apps\/([^/]+)\/chat(\/info)?\/?$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      const app = APPS[decodeURIComponent(m[1])];
      if (!app) { sendError(res, 404, 'no such app', 'invalid_request_error', 'not_found'); return; }
      if (m[2]) { sendJson(res, 200, app); return; }
      let page;
      try { page = await readFile(PAGE); } catch {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('dist/chat.html is missing: run `npm run build` in web/chat first.\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length, 'Cache-Control': 'no-cache' });
      res.end(page);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
      await completions(req, res);
      return;
    }
    sendError(res, 404, `not found: ${req.method} ${url.pathname}`, 'invalid_request_error', 'not_found');
  } catch (err) {
    if (!res.headersSent) sendError(res, 500, String(err && err.message), 'server_error', null);
    else res.destroy();
  }
});

const port = Number(process.argv[2] || 0);
server.listen(port, '127.0.0.1', () => {
  console.log(`mock-server listening on http://127.0.0.1:${server.address().port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
