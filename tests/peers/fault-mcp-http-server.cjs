// An MCP server over HTTP that misbehaves on purpose, for Flowdeck's fault tests of
// the Streamable HTTP and legacy HTTP+SSE transports. Plain Node, no dependencies.
//   node fault-mcp-http-server.cjs        (listens on 127.0.0.1, port from $PORT or 0)
// Prints "FLOWDECK_LISTENING 127.0.0.1:<port>" on stdout once ready.
//   /mcp  Streamable HTTP. Tools:
//         echo         answers as JSON
//         stream-echo  answers in an SSE stream with a progress notification first
//         drop         sends an SSE priming event (id, retry: 200) and closes the
//                      stream without answering; the answer waits for a GET with
//                      Last-Event-ID
//         cut          sends an SSE stream without event ids and destroys the socket
//         hang         never answers
//         forget       the server forgets the session: the next request gets 404
//   /sse  legacy HTTP+SSE only (POST /sse is refused with 405, as old servers do);
//         the "endpoint" event names /messages?session=<id>
//   /private answers 401 with an OAuth Bearer challenge, whatever is sent
//   /stats counts of what happened (deletes, resumes, sessions, get streams)
'use strict';
const http = require('http');

const tools = ['echo', 'stream-echo', 'drop', 'cut', 'hang', 'forget'].map((name) => ({
  name,
  description: name,
  inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
}));

const stats = { deletes: 0, resumes: [], sessions: 0, initializes: 0, listenStreams: 0, legacyPosts: 0, protocolHeaders: [] };
const sessions = new Set();
let nextSession = 1;
const parked = new Map(); // event id -> answer waiting for a resume
const legacy = new Map(); // legacy session id -> SSE response

function answer(id, text) {
  return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }] } };
}

function handle(msg, reply, received) {
  // reply(kind, payload): kind is 'json', 'sse', 'drop', 'cut', 'none', 'accepted'
  if (msg.id === undefined) return reply('accepted');
  if (msg.method === 'initialize') {
    stats.initializes++;
    return reply('json', { jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: { listChanged: true } }, serverInfo: { name: 'fault-http', version: '1.0.0' } } });
  }
  if (msg.method === 'tools/list') return reply('json', { jsonrpc: '2.0', id: msg.id, result: { tools } });
  if (msg.method === 'ping') return reply('json', { jsonrpc: '2.0', id: msg.id, result: {} });
  if (msg.method !== 'tools/call') return reply('json', { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'no such method' } });
  const name = msg.params.name;
  const text = (msg.params.arguments && msg.params.arguments.text) || '';
  if (name === 'echo') {
    const result = answer(msg.id, 'echo: ' + text);
    // _meta.serverMicros: the time spent in this server, so benchmarks can subtract it.
    if (received) result.result._meta = { serverMicros: Number(process.hrtime.bigint() - received) / 1000 };
    return reply('json', result);
  }
  if (name === 'stream-echo') return reply('sse', answer(msg.id, 'streamed: ' + text), msg.params._meta && msg.params._meta.progressToken);
  if (name === 'drop') return reply('drop', answer(msg.id, 'resumed: ' + text));
  if (name === 'cut') return reply('cut');
  if (name === 'hang') return reply('none');
  if (name === 'forget') return reply('forget', answer(msg.id, 'forgotten'));
  return reply('json', { jsonrpc: '2.0', id: msg.id, error: { code: -32602, message: 'unknown tool ' + name } });
}

function readBody(req, done) {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => done(body));
}

function streamable(req, res) {
  const received = process.hrtime.bigint();
  const sid = req.headers['mcp-session-id'];
  if (req.headers['mcp-protocol-version']) stats.protocolHeaders.push(req.headers['mcp-protocol-version']);
  if (req.method === 'DELETE') {
    stats.deletes++;
    sessions.delete(sid);
    res.writeHead(200).end();
    return;
  }
  if (req.method === 'GET') {
    const last = req.headers['last-event-id'];
    if (last && parked.has(last)) {
      stats.resumes.push(last);
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(`id: ${last}-1\ndata: ${JSON.stringify(parked.get(last))}\n\n`);
      parked.delete(last);
      return; // left open, as a real server might; the client closes it
    }
    stats.listenStreams++;
    res.writeHead(405, { Allow: 'POST, DELETE' }).end();
    return;
  }
  readBody(req, (body) => {
    let msg;
    try { msg = JSON.parse(body); } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
      return;
    }
    if (msg.method !== 'initialize' && !sessions.has(sid)) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Session not found' } }));
      return;
    }
    handle(msg, (kind, payload, progressToken) => {
      const headers = {};
      if (msg.method === 'initialize') {
        const id = `s-${nextSession++}`;
        sessions.add(id);
        stats.sessions++;
        headers['Mcp-Session-Id'] = id;
      }
      if (kind === 'accepted') return res.writeHead(202).end();
      if (kind === 'json') {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(payload));
      }
      if (kind === 'forget') {
        sessions.delete(sid);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(payload));
      }
      if (kind === 'none') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        return res.write(': waiting forever\n\n');
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (kind === 'sse') {
        if (progressToken !== undefined)
          res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken, progress: 1, total: 2 } })}\n\n`);
        res.write(`event: message\ndata: ${JSON.stringify(payload)}\n\n`);
        return res.end();
      }
      if (kind === 'drop') {
        const id = `ev-${msg.id}-${Date.now()}`;
        parked.set(id, payload);
        res.write(`id: ${id}\nretry: 200\ndata: \n\n`);
        return setTimeout(() => res.end(), 20);
      }
      if (kind === 'cut') {
        res.write(': about to fail\n\n');
        return setTimeout(() => res.socket.destroy(), 20);
      }
    }, received);
  });
}

function legacySse(req, res, url) {
  if (url.pathname === '/sse' && req.method === 'GET') {
    const id = `L${nextSession++}`;
    stats.sessions++;
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(`event: endpoint\ndata: /messages?session=${id}\n\n`);
    legacy.set(id, res);
    req.on('close', () => legacy.delete(id));
    return;
  }
  if (url.pathname === '/sse') return res.writeHead(405).end();
  const stream = legacy.get(url.searchParams.get('session'));
  if (!stream) return res.writeHead(404).end('no such session');
  readBody(req, (body) => {
    stats.legacyPosts++;
    let msg;
    try { msg = JSON.parse(body); } catch { return res.writeHead(400).end('bad json'); }
    res.writeHead(202).end('Accepted');
    handle(msg, (kind, payload) => {
      if (payload) stream.write(`event: message\ndata: ${JSON.stringify(payload)}\n\n`);
      if (kind === 'cut') stream.socket.destroy();
    });
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/mcp') return streamable(req, res);
  if (url.pathname === '/sse' || url.pathname === '/messages') return legacySse(req, res, url);
  if (url.pathname === '/private') {
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token", resource_metadata="http://127.0.0.1:1/.well-known/oauth-protected-resource/private"' });
    return res.end(JSON.stringify({ error: 'invalid_token', error_description: 'Missing Authorization header' }));
  }
  if (url.pathname === '/stats') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(stats));
  }
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`FLOWDECK_LISTENING 127.0.0.1:${server.address().port}`);
});
