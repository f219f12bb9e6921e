'use strict';
// An OpenAI-compatible endpoint that waits DELAY_MS before answering each chat
// completion (streamed in a few pieces, or whole): the stand-in for a slow hosted model
// in bench/bench_serve.sh and the runtime tests. Listens on 127.0.0.1 on a free port and prints
//   SLOW_LLM_LISTENING 127.0.0.1:<port>
const http = require('http');
const delay = Number(process.env.DELAY_MS || 2000);
const words = ['Flowdeck ', 'answers ', 'after ', 'a ', 'while.'];

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    console.log('SLOW_LLM_REQUEST');  // tests wait for this before they act on a request in flight
    let stream = false;
    try { stream = JSON.parse(body).stream === true; } catch (e) { /* a plain answer */ }
    setTimeout(() => {
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: words.join('') }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const w of words)
        res.write('data: ' + JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: w }, finish_reason: null }] }) + '\n\n');
      res.write('data: ' + JSON.stringify({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }) + '\n\n');
      res.end('data: [DONE]\n\n');
    }, delay);
  });
});
server.keepAliveTimeout = 120000;
server.maxConnections = 100000;
server.listen(0, '127.0.0.1', () => console.log('SLOW_LLM_LISTENING 127.0.0.1:' + server.address().port));
