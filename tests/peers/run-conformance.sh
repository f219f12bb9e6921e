#!/usr/bin/env bash
# Runs the official MCP conformance suite (pinned in package.json) against Flowdeck's
# client: `flowdeck mcp conformance-client`, which the suite starts once per scenario
# with the scenario server's URL appended.
#   run-conformance.sh FLOWDECK_BINARY [SUITE]     (SUITE: core by default; all, auth, ...)
# The suite needs Node 22, which package.json pins as the "node" package.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
flowdeck="${1:?usage: $0 FLOWDECK_BINARY [SUITE]}"
suite="${2:-core}"
node22="$here/node_modules/node/bin"
if [[ ! -x "$node22/node" || ! -x "$here/node_modules/.bin/conformance" ]]; then
  echo "$0: the test peers are not installed; run scripts/setup.sh" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The suite's CIMD scenario expects this client ID metadata URL.
PATH="$node22:$PATH" "$here/node_modules/.bin/conformance" client \
  --command "$flowdeck mcp conformance-client --client-metadata-url https://conformance-test.local/client-metadata.json" \
  --suite "$suite" --timeout 30000 --verbose -o "$out"
