// Talks to a deployed Flowdeck app with the official OpenAI SDK, as any client would.
//   node openai-chat.mjs BASE_URL API_KEY MODEL MESSAGE [stream]
// Prints one JSON line: {"content", "chunks", "finish", "usage"} or {"error": {status, message}}.
import OpenAI from 'openai';

const [baseURL, apiKey, model, message, mode] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30000 });
const messages = [
  { role: 'system', content: 'You are helpful.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello! How can I help?' },
  { role: 'user', content: message },
];
try {
  if (mode === 'stream') {
    const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
    let content = '';
    let chunks = 0;
    let finish = null;
    let usage = null;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta?.content) {
        content += choice.delta.content;
        chunks += 1;
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    console.log(JSON.stringify({ content, chunks, finish, usage }));
  } else {
    const completion = await client.chat.completions.create({ model, messages });
    const choice = completion.choices[0];
    console.log(JSON.stringify({ content: choice.message.content, chunks: 1, finish: choice.finish_reason, usage: completion.usage }));
  }
} catch (e) {
  console.log(JSON.stringify({ error: { status: e.status ?? null, message: e.message } }));
}
