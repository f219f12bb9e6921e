'use strict';
// Preloaded into mock-llm by start-mock-llm.sh (node --require).
// It adds two things mock-llm 0.1.29 cannot do by itself:
//  1. Every HTTP 429 response gets a "Retry-After" header
//     (value from MOCK_LLM_RETRY_AFTER, default "1"), unless one is set.
//  2. Once the server listens, one line goes to stdout with the real
//     address, so port 0 can be used:
//       FLOWDECK_MOCK_LLM_LISTENING 127.0.0.1:<port>
const http = require('http');
const net = require('net');

const origWriteHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (statusCode, ...rest) {
  if (statusCode === 429 && !this.headersSent && !this.hasHeader('retry-after')) {
    this.setHeader('Retry-After', process.env.MOCK_LLM_RETRY_AFTER || '1');
  }
  return origWriteHead.call(this, statusCode, ...rest);
};

const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (this instanceof http.Server) {
    this.once('listening', () => {
      const a = this.address();
      if (a && typeof a === 'object') {
        console.log(`FLOWDECK_MOCK_LLM_LISTENING ${a.address}:${a.port}`);
      }
    });
  }
  return origListen.apply(this, args);
};
