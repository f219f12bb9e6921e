// Incremental parser for an OpenAI-style Server-Sent Events stream.
// Pure code (no DOM) so it can be unit-tested in Node: see test/sse.test.mjs.
//
// Lines may arrive split at any point across reads, with LF, CRLF or CR line
// ends. Each event's data is reported through onEvent(ev) as one of:
//   { done: true }            for `data: [DONE]`
//   { json: <parsed value> }  for data that is valid JSON
//   { raw: <string> }         for anything else
// An event is normally complete at a blank line (as the SSE spec says), but
// since every OpenAI chunk is one line of JSON, a data line whose accumulated
// text already parses (or is [DONE]) is reported at once, so a server that
// forgets the blank lines still works.
export function createSseParser(onEvent) {
  let buf = '';
  let data = null; // accumulated data lines of the current event, or null

  function report(text) {
    if (text === '[DONE]') { onEvent({ done: true }); return; }
    let json;
    try { json = JSON.parse(text); } catch { onEvent({ raw: text }); return; }
    onEvent({ json });
  }

  function dispatch() {
    if (data === null) return;
    const text = data;
    data = null;
    report(text);
  }

  function tryEarly() {
    const text = data.trim();
    if (text === '[DONE]') { data = null; onEvent({ done: true }); return; }
    if (text === '' || (text[0] !== '{' && text[0] !== '[')) return;
    let json;
    try { json = JSON.parse(text); } catch { return; }
    data = null;
    onEvent({ json });
  }

  function line(l) {
    if (l === '') { dispatch(); return; }
    if (l[0] === ':') return; // comment / keep-alive
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    if (field !== 'data') return; // event:, id:, retry: are not used here
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    data = data === null ? value : data + '\n' + value;
    tryEarly();
  }

  return {
    push(chunk) {
      buf += chunk;
      let start = 0;
      for (let i = 0; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        if (c === 13 && i === buf.length - 1) break; // CR at the end: maybe CRLF split across reads
        line(buf.slice(start, i));
        if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
      buf = buf.slice(start);
    },
    end() {
      if (buf !== '') {
        const rest = buf.endsWith('\r') ? buf.slice(0, -1) : buf;
        buf = '';
        if (rest !== '') line(rest);
      }
      dispatch();
    },
  };
}

// Text of an OpenAI-style error value: {"message": ...} or a plain string.
export function errorText(err) {
  if (err == null) return '';
  if (typeof err === 'string') return err;
  if (typeof err === 'object') {
    if (typeof err.message === 'string' && err.message) return err.message;
    if (err.error != null) return errorText(err.error);
  }
  try { return JSON.stringify(err); } catch { return String(err); }
}
