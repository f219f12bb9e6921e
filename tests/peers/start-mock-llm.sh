#!/usr/bin/env bash
# Start the pinned @dwmkerr/mock-llm in the foreground, bound to 127.0.0.1 only.
#   usage: start-mock-llm.sh PORT [CONFIG]
#   PORT    required; 0 picks a free port, read it from the stdout line
#           "FLOWDECK_MOCK_LLM_LISTENING 127.0.0.1:<port>"
#           (mock-llm's own banner would still say :0)
#   CONFIG  rules file, default mock-llm.yaml beside this script
# Ready when GET http://127.0.0.1:PORT/ready returns 200 {"status":"ready"}.
# Needs `npm ci` in this folder first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 PORT [CONFIG]" >&2
  exit 2
fi
port="$1"
config="${2:-$here/mock-llm.yaml}"
# mock-llm silently falls back to its built-in echo rules when the file is
# missing, so check it here.
if [[ ! -f "$config" ]]; then
  echo "$0: config file not found: $config" >&2
  exit 2
fi
main="$here/node_modules/@dwmkerr/mock-llm/dist/main.js"
if [[ ! -f "$main" ]]; then
  echo "$0: mock-llm is not installed; run 'npm ci' in $here" >&2
  exit 2
fi

export HOST=127.0.0.1 PORT="$port"
exec node --require "$here/mock-llm-shims.cjs" "$main" --config "$config"
