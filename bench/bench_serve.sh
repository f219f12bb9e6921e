#!/usr/bin/env bash
# Runtime figures with wrk on loopback (printed; nothing is asserted):
#  1. a trivial app (start -> template -> end) through the run API at 16 and 256 connections;
#  2. the latency the runtime adds to one LLM node against mock-llm, against mock-llm called directly;
#  3. 5,000 concurrent streaming chats against an upstream that takes 2 s to answer, with
#     the runtime's peak memory.
#   bench/bench_serve.sh [build-dir]     (needs wrk: scripts/setup.sh installs it)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
FLOWDECK="$BUILD/bin/flowdeck"
NODE="$ROOT/tests/peers/node_modules/.bin/node"
DURATION="${BENCH_SECONDS:-8}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

wait_line() {  # file pattern -> the first match's port
  for _ in $(seq 1 200); do
    if grep -qE "$2" "$1" 2>/dev/null; then grep -oE "$2" "$1" | head -1 | grep -oE '[0-9]+$'; return; fi
    sleep 0.1
  done
  echo "did not start: $(cat "$1")" >&2; exit 1
}

"$FLOWDECK" serve --listen 127.0.0.1:0 --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
SERVE_PID=$!; PIDS+=("$SERVE_PID")
PORT=$(wait_line "$WORK/serve.log" 'http://127\.0\.0\.1:[0-9]+')
URL="http://127.0.0.1:$PORT"
TOKEN=$(cat "$WORK/data/admin-token")
bash "$ROOT/tests/peers/start-mock-llm.sh" 0 > "$WORK/mock.log" 2>&1 &
PIDS+=($!)
MOCK_PORT=$(wait_line "$WORK/mock.log" 'LISTENING 127\.0\.0\.1:[0-9]+')
DELAY_MS=2000 "$NODE" "$ROOT/tests/peers/slow-llm.cjs" > "$WORK/slow.log" 2>&1 &
PIDS+=($!)
SLOW_PORT=$(wait_line "$WORK/slow.log" 'LISTENING 127\.0\.0\.1:[0-9]+')

deploy() {  # app bundle-json
  curl -sf -X PUT -H "Authorization: Bearer $TOKEN" --data-binary "$2" "$URL/admin/v1/apps/$1" > /dev/null
}
workflow_chat() {  # id base-url stream
  cat <<JSON
{"format":"flowdeck.bundle","formatVersion":1,"settings":{"public":true},
 "profiles":{"up":{"title":"upstream","baseUrl":"$2","defaultModel":"m","needsKey":false}},
 "workflow":{"format":"flowdeck.workflow","formatVersion":1,"id":"$1","name":"$1","mode":"chat",
  "models":{"default":{"profile":"up","model":"mock-model"}},
  "nodes":[{"id":"start","type":"start"},{"id":"llm","type":"llm","config":{"prompt":"{{sys.query}}","stream":$3}},
           {"id":"answer","type":"answer","config":{"text":"{{llm.text}}"}}],
  "edges":[{"from":"start","to":"llm"},{"from":"llm","to":"answer"}]}}
JSON
}
deploy trivial '{"format":"flowdeck.bundle","formatVersion":1,"settings":{"public":true},
 "workflow":{"format":"flowdeck.workflow","formatVersion":1,"id":"trivial","name":"Trivial","mode":"workflow",
  "inputs":[{"name":"name","required":true}],
  "nodes":[{"id":"start","type":"start"},{"id":"t","type":"template","config":{"template":"Hello, {{start.name}}!"}},
           {"id":"end","type":"end","config":{"outputs":{"greeting":"{{t.text}}"}}}],
  "edges":[{"from":"start","to":"t"},{"from":"t","to":"end"}]}}'
deploy llm "$(workflow_chat llm "http://127.0.0.1:$MOCK_PORT/v1" false)"
deploy slow "$(workflow_chat slow "http://127.0.0.1:$SLOW_PORT/v1" true)"

post_lua() {  # body -> a wrk script file
  local f="$WORK/post-$RANDOM.lua"
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n' "$(printf '%s' "$1" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" > "$f"
  echo "$f"
}
report() {  # label wrk-output
  local rps p50 p99 errors
  rps=$(grep -E '^Requests/sec' <<<"$2" | awk '{print $2}')
  p50=$(grep -E '^ +50%' <<<"$2" | awk '{print $2}')
  p99=$(grep -E '^ +99%' <<<"$2" | awk '{print $2}')
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$2" | tr -s ' ' | tr '\n' ';' || true)
  printf '%-58s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

echo "== flowdeck serve on loopback ($(nproc) cores; wrk and the runtime share them) =="
RUN=$(post_lua '{"inputs":{"name":"Ada"}}')
for c in 16 256; do
  out=$(wrk -t2 -c"$c" -d"${DURATION}s" --latency -s "$RUN" "$URL/v1/apps/trivial/run")
  report "trivial app (start->template->end), $c connections" "$out"
done

CHAT='{"model":"mock-model","messages":[{"role":"user","content":"Hello"}]}'
DIRECT=$(post_lua "$CHAT")
THROUGH=$(post_lua '{"model":"llm","messages":[{"role":"user","content":"Hello"}]}')
direct=$(wrk -t1 -c1 -d"${DURATION}s" --latency -s "$DIRECT" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions")
through=$(wrk -t1 -c1 -d"${DURATION}s" --latency -s "$THROUGH" "$URL/v1/chat/completions")
report "mock-llm called directly, 1 connection" "$direct"
report "one LLM node through the runtime, 1 connection" "$through"
to_us() { python3 -c "import sys,re; v=sys.argv[1]; m=re.match(r'([0-9.]+)(us|ms|s)',v); f={'us':1,'ms':1000,'s':1e6}[m.group(2)]; print(float(m.group(1))*f)" "$1"; }
d50=$(to_us "$(grep -E '^ +50%' <<<"$direct" | awk '{print $2}')")
t50=$(to_us "$(grep -E '^ +50%' <<<"$through" | awk '{print $2}')")
python3 -c "print('added latency at p50: %.0f us' % ($t50 - $d50))"

STREAM=$(post_lua '{"model":"slow","stream":true,"messages":[{"role":"user","content":"Hello"}]}')
out=$(wrk -t2 -c5000 -d12s --timeout 10s --latency -s "$STREAM" "$URL/v1/chat/completions")
report "5000 concurrent streaming chats, upstream answers after 2 s" "$out"
echo "runtime peak memory (VmHWM): $(grep VmHWM /proc/$SERVE_PID/status | awk '{printf "%.1f MiB", $2/1024}')"
