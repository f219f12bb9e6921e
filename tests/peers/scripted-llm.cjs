'use strict';
// An OpenAI-compatible /v1/chat/completions endpoint that answers from a script, for tests
// that need exact model answers in order and need to see what was asked. Run with
// loopback-listen.cjs (PORT=0):
//   node --require loopback-listen.cjs scripted-llm.cjs --script answers.json --log requests.jsonl
// answers.json, read again on every request: {"CASE": [answer, answer, ...]}. A request
// belongs to the CASE whose "[case:CASE]" marker appears in one of its messages; its n-th
// request gets the n-th answer (the last one again after the end). An answer is the reply's
// text, or {"content", "reasoning_content", "status", "error"}: a status >= 400 answers that
// HTTP status with an OpenAI error body. Every request is appended to requests.jsonl as
// {"case", "n", "path", "auth", "body"} before it is answered. Streams (SSE) when the request asks to.
// POST .../moderations is scripted the same way, its case marker in "input"; its answers
// are {"json": body} (sent as they are) or an error status. Any answer may hold
// "delayMs": it is sent that much later (or never, when the client gave up first).
const fs = require('fs');
const http = require('http');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : '';
};
const scriptPath = option('--script');
const logPath = option('--log');
const counts = new Map();

function caseOf(body) {
  const texts = (Array.isArray(body.messages) ? body.messages : []).map((message) =>
    typeof message.content === 'string' ? message.content : JSON.stringify(message.content || ''));
  if (body.input !== undefined) texts.push(typeof body.input === 'string' ? body.input : JSON.stringify(body.input));
  for (const text of texts) {
    const m = /\[case:([A-Za-z0-9_-]+)\]/.exec(text);
    if (m) return m[1];
  }
  return '';
}

function answerFor(name) {
  let script = {};
  try { script = JSON.parse(fs.readFileSync(scriptPath, 'utf8')); } catch (e) { /* no script yet */ }
  const list = Array.isArray(script[name]) ? script[name] : [];
  const n = (counts.get(name) || 0) + 1;
  counts.set(name, n);
  const answer = list.length ? list[Math.min(n, list.length) - 1] : { status: 404, error: `no answers for case '${name}'` };
  return { n, answer: typeof answer === 'string' ? { content: answer } : answer };
}

function chunk(delta, finish) {
  return 'data: ' + JSON.stringify({ id: 'scripted', object: 'chat.completion.chunk', created: 1700000000, model: 'scripted',
                                     choices: [{ index: 0, delta, finish_reason: finish || null }] }) + '\n\n';
}

function reply(res, request, answer) {
  if (answer.status && answer.status >= 400) {
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: answer.error || 'refused', type: 'invalid_request_error' } }));
    return;
  }
  if (answer.json !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.json));
    return;
  }
  const content = answer.content || '';
  const reasoning = answer.reasoning_content || '';
  const usage = { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 };
  if (!request.stream) {
    const message = { role: 'assistant', content };
    if (reasoning) message.reasoning_content = reasoning;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'scripted', object: 'chat.completion', created: 1700000000, model: 'scripted',
                             choices: [{ index: 0, message, finish_reason: 'stop' }], usage }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let i = 0; i < reasoning.length; i += 7) res.write(chunk({ reasoning_content: reasoning.slice(i, i + 7) }));
  for (let i = 0; i < content.length; i += 7) res.write(chunk({ content: content.slice(i, i + 7) }));
  res.write(chunk({}, 'stop'));
  res.write('data: ' + JSON.stringify({ id: 'scripted', object: 'chat.completion.chunk', choices: [], usage }) + '\n\n');
  res.end('data: [DONE]\n\n');
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.method !== 'POST' || !(req.url.endsWith('/chat/completions') || req.url.endsWith('/moderations'))) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    let request = {};
    try { request = JSON.parse(body); } catch (e) { /* answered as an empty request */ }
    const name = caseOf(request);
    const { n, answer } = answerFor(name);
    fs.appendFileSync(logPath, JSON.stringify({ case: name, n, path: req.url, auth: req.headers.authorization || '', body: request }) + '\n');
    if (answer.delayMs > 0) setTimeout(() => { if (!res.destroyed) reply(res, request, answer); }, answer.delayMs);
    else reply(res, request, answer);
  });
});
server.listen(Number(process.env.PORT || 0));
