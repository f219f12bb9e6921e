#!/usr/bin/env bash
# Template and tables figures (printed; nothing is asserted):
#  1. the built-in tables server on a large CSV of orders (500,000 rows): describe_table,
#     aggregate by month, aggregate by product, chart — each call's time and the
#     server's peak memory;
#  2. the sales-analysis template end to end with `flowdeck run` (tools + a model call
#     against mock-llm), median of 20 runs;
#  3. making a project from each template (`flowdeck new`), total time for all of them.
#   bench/bench_templates.sh [build-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
FLOWDECK="$BUILD/bin/flowdeck"
WORK="$(mktemp -d)"
MOCK_PID=""
cleanup() { [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "== tables server, 500,000 orders"
python3 - "$WORK/orders.csv" <<'PY'
import random, sys
random.seed(7)
products = [f"Product {i:03d}" for i in range(200)]
regions = ["East", "North", "South", "West", "Online"]
with open(sys.argv[1], "w") as f:
    f.write("order_id,order_date,region,product,quantity,revenue\n")
    for i in range(500000):
        q = random.randint(1, 6)
        f.write(f"{i},2025-{random.randint(1,12):02d}-{random.randint(1,28):02d},{random.choice(regions)},"
                f"{random.choice(products)},{q},{q * random.uniform(5, 500):.2f}\n")
PY
echo "file: $(du -h "$WORK/orders.csv" | cut -f1)"
call() {  # tool arguments-json
  printf '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}\n{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"%s","arguments":%s}}\n' "$1" "$2"
}
for spec in \
  "describe_table|{\"path\":\"$WORK/orders.csv\"}" \
  "aggregate|{\"path\":\"$WORK/orders.csv\",\"group_by\":\"order_date\",\"period\":\"month\",\"value\":\"revenue\"}" \
  "aggregate|{\"path\":\"$WORK/orders.csv\",\"group_by\":\"product\",\"value\":\"revenue\",\"limit\":10}" \
  "chart|{\"path\":\"$WORK/orders.csv\",\"group_by\":\"region\",\"value\":\"revenue\",\"type\":\"pie\"}"; do
  tool="${spec%%|*}"; args="${spec#*|}"
  start=$(date +%s%N)
  out=$(call "$tool" "$args" | /usr/bin/time -f "%M" "$FLOWDECK" tables-mcp "$WORK" 2> "$WORK/mem")
  echo "$out" | grep -q '"isError":false' || { echo "$tool failed: $out"; exit 1; }
  printf '%-15s %6d ms   peak %6.1f MiB   (%s)\n' "$tool" "$(ms "$start")" "$(echo "$(tail -1 "$WORK/mem") / 1024" | bc -l)" \
    "$(echo "$args" | grep -oE '"group_by":"[a-z_]+"' || echo 'all columns')"
done

echo "== sales-analysis end to end (flowdeck run, mock-llm)"
bash "$ROOT/tests/peers/start-mock-llm.sh" 0 "$ROOT/tests/app/walkthrough-mock-llm.yaml" > "$WORK/mock.log" 2>&1 &
MOCK_PID=$!
for _ in $(seq 1 100); do grep -q FLOWDECK_MOCK_LLM_LISTENING "$WORK/mock.log" && break; sleep 0.1; done
PORT=$(grep -oE 'FLOWDECK_MOCK_LLM_LISTENING 127\.0\.0\.1:[0-9]+' "$WORK/mock.log" | head -1 | cut -d: -f2)
printf '{"profiles":{"deepseek":{"title":"mock","baseUrl":"http://127.0.0.1:%s/v1","defaultModel":"m","needsKey":false}}}' "$PORT" > "$WORK/profiles.json"
"$FLOWDECK" new sales-analysis "$WORK/sales" --dir "$ROOT/templates" > /dev/null
times=()
for _ in $(seq 1 20); do
  start=$(date +%s%N)
  "$FLOWDECK" run "$WORK/sales/sales-analysis.flow.json" --profiles "$WORK/profiles.json" -q "How did sales go?" > /dev/null
  times+=("$(ms "$start")")
done
printf 'median %d ms per run (process start, 5 tool calls, 1 model call)\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 10p)"

echo "== projects from templates"
start=$(date +%s%N)
n=0
for dir in "$ROOT"/templates/*/; do
  id=$(basename "$dir")
  "$FLOWDECK" new "$id" "$WORK/projects/$id" --dir "$ROOT/templates" > /dev/null
  n=$((n + 1))
done
echo "$n projects made in $(ms "$start") ms"
