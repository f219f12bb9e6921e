'use strict';
// Preloaded (node --require) into test peers that listen on a port they read from
// $PORT, such as server-everything's HTTP modes. It keeps them on 127.0.0.1 and,
// once listening, prints the real address on stdout so PORT=0 can be used:
//   FLOWDECK_LISTENING 127.0.0.1:<port>
const http = require('http');
const net = require('net');

const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (this instanceof http.Server) {
    const first = args[0];
    const callback = args.find((a) => typeof a === 'function');
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      args = [Number(first), '127.0.0.1'];
      if (callback) args.push(callback);
    } else if (first && typeof first === 'object' && !Array.isArray(first)) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
    this.once('listening', () => {
      const a = this.address();
      if (a && typeof a === 'object') console.log(`FLOWDECK_LISTENING ${a.address}:${a.port}`);
    });
  }
  return origListen.apply(this, args);
};
