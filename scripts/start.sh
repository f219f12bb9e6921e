#!/usr/bin/env bash
# Sets everything up, then opens the studio (flowdeck-studio) on its start page, the
# template gallery. Without a display (a server, a CI box), or with a question given, it runs
# that workflow with `flowdeck run` instead and streams the answer.
# With an API key in the environment (DEEPSEEK_API_KEY, MAAS_API_KEY,
# DASHSCOPE_API_KEY, OPENAI_API_KEY, ...) it talks to that provider; without one it
# starts the local mock model from tests/peers (profile "local-mock") so it works offline.
#   scripts/start.sh                   the studio (or the CLI demo without a display)
#   scripts/start.sh "your question"   the CLI demo
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
FLOWDECK="$ROOT/build/bin/flowdeck"
STUDIO="$ROOT/build/bin/flowdeck-studio"
EXAMPLE="$ROOT/examples/hello-chat.flow.json"
QUESTION="${1:-}"
USE_STUDIO=0
if [ -z "$QUESTION" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  USE_STUDIO=1
fi
QUESTION="${QUESTION:-hello, what can Flowdeck do?}"
[ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1

PROFILE=""
for pair in deepseek:DEEPSEEK_API_KEY maas:MAAS_API_KEY dashscope:DASHSCOPE_API_KEY zhipu:ZHIPUAI_API_KEY \
            moonshot:MOONSHOT_API_KEY qianfan:QIANFAN_API_KEY openai:OPENAI_API_KEY; do
  var="${pair#*:}"
  if [ -n "${!var:-}" ]; then
    PROFILE="${pair%%:*}"
    echo "Using the '$PROFILE' profile ($var is set)."
    break
  fi
done

if [ -z "$PROFILE" ]; then
  echo "No provider API key is set, so this uses the local mock model (tests/peers), profile 'local-mock'."
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
  export FLOWDECK_CONFIG_DIR="$CONFIG_DIR"
  PROFILE="local-mock"
fi

if [ "$USE_STUDIO" -eq 1 ]; then
  echo "Opening the studio on the template gallery. Pick a template, press Use this template, then Run."
  [ "$PROFILE" = "local-mock" ] && echo "(No provider key: in the Run panel choose the model profile 'Local mock model'.)"
  "$STUDIO"
else
  "$FLOWDECK" run "$EXAMPLE" --profile "$PROFILE" --query "$QUESTION"
fi
