#!/usr/bin/env bash
# Sets everything up, then opens the studio (flowdeck-studio) on its start page, the
# template gallery. Without a display (a server, a CI box), or with a question given, it runs
# that workflow with `flowdeck run` instead and streams the answer.
# With an API key in the environment (DEEPSEEK_API_KEY, MAAS_API_KEY,
# DASHSCOPE_API_KEY, OPENAI_API_KEY, ...) it talks to that provider; without one it
# uses the built-in offline demo model (profile "demo": no key, no server, no network),
# whose answers are marked as demo answers.
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
for pair in maas:MAAS_API_KEY deepseek:DEEPSEEK_API_KEY dashscope:DASHSCOPE_API_KEY zhipu:ZHIPUAI_API_KEY \
            moonshot:MOONSHOT_API_KEY qianfan:QIANFAN_API_KEY openai:OPENAI_API_KEY; do
  var="${pair#*:}"
  if [ -n "${!var:-}" ]; then
    PROFILE="${pair%%:*}"
    echo "Using the '$PROFILE' profile ($var is set)."
    break
  fi
done

if [ -z "$PROFILE" ]; then
  echo "No provider API key is set, so this uses the offline demo model (profile 'demo'): it answers"
  echo "every template without a key or network, and marks its answers as demo answers."
  echo "Set MAAS_API_KEY (or DEEPSEEK_API_KEY, DASHSCOPE_API_KEY, ...) to use a real model."
  PROFILE="demo"
fi

if [ "$USE_STUDIO" -eq 1 ]; then
  echo "Opening the studio on the template gallery. Pick a template, press Use this template, then Run."
  [ "$PROFILE" = "demo" ] && echo "(No provider key: choose 'Offline demo (no key)' as the model provider.)"
  "$STUDIO"
else
  "$FLOWDECK" run "$EXAMPLE" --profile "$PROFILE" --query "$QUESTION"
fi
