#!/usr/bin/env bash
# Sets everything up, then runs the example chat workflow with `flowdeck run`,
# streaming the answer. With an API key in the environment (DEEPSEEK_API_KEY,
# MAAS_API_KEY, DASHSCOPE_API_KEY, OPENAI_API_KEY, ...) it talks to that provider;
# without one it starts the local mock model from tests/peers so it works offline.
#   scripts/start.sh ["your question"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
FLOWDECK="$ROOT/build/runtime/flowdeck"
QUESTION="${1:-hello, what can Flowdeck do?}"
EXAMPLE="$ROOT/examples/hello-chat.flow.json"

for pair in deepseek:DEEPSEEK_API_KEY maas:MAAS_API_KEY dashscope:DASHSCOPE_API_KEY zhipu:ZHIPUAI_API_KEY \
            moonshot:MOONSHOT_API_KEY qianfan:QIANFAN_API_KEY openai:OPENAI_API_KEY; do
  profile="${pair%%:*}" var="${pair#*:}"
  if [ -n "${!var:-}" ]; then
    echo "Using the '$profile' profile ($var is set)."
    exec "$FLOWDECK" run "$EXAMPLE" --profile "$profile" --query "$QUESTION"
  fi
done

echo "No provider API key is set, so this run uses the local mock model (tests/peers)."
echo "Set DEEPSEEK_API_KEY (or MAAS_API_KEY, DASHSCOPE_API_KEY, ...) to use a real one."
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$ROOT/tests/peers/start-mock-llm.sh" "$PORT" >/dev/null 2>&1 &
MOCK_PID=$!
trap 'kill "$MOCK_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  sleep 0.1
done
CONFIG_DIR="$(mktemp -d)"
printf '{"profiles":{"local-mock":{"title":"Local mock model","baseUrl":"http://127.0.0.1:%s/v1","defaultModel":"mock-model","needsKey":false}}}\n' "$PORT" > "$CONFIG_DIR/profiles.json"
FLOWDECK_CONFIG_DIR="$CONFIG_DIR" "$FLOWDECK" run "$EXAMPLE" --profile local-mock --query "$QUESTION"
