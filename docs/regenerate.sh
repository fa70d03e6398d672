#!/usr/bin/env bash
# Regenerate docs/api-sparql.md and docs/api-actors.md with real outputs: build seeds/ into a fresh
# store, serve it on 127.0.0.1:8777 with a token, run every curl example, stop. Needs curl and jq.
# Then the screenshots (docs/*.png): the browser tests take them in headless Chromium when
# NEWSKG_SCREENSHOTS is set; the corpus ones need ../shared/data (skipped without).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8777
tmp=$(mktemp -d)
.venv/bin/kg build seeds --store "$tmp/kg"
NEWSKG_TOKEN=change-me NEWSKG_QUERY_TIMEOUT=2 .venv/bin/kg serve --store "$tmp/kg" --port "$port" \
  >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.2
done
bash docs/examples/sparql.sh "$port" >docs/api-sparql.md
.venv/bin/python docs/examples/actors.py "$port" >docs/api-actors.md
echo "docs/api-sparql.md and docs/api-actors.md regenerated"
NEWSKG_SCREENSHOTS=1 .venv/bin/pytest -q tests/api/test_explorer_browser.py tests/api/test_explorer_corpus_browser.py \
  tests/api/test_actor_page_browser.py tests/api/test_upload_browser.py tests/api/test_editor_browser.py
echo "docs/*.png regenerated (the browser tests save them when NEWSKG_SCREENSHOTS is set)"
