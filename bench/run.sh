#!/usr/bin/env bash
# Run every benchmark once and print the report (Markdown). Not part of `make test`.
#   bench/run.sh [--triples N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pip install --quiet -e '.[bench]'
exec .venv/bin/python -m bench "$@"
