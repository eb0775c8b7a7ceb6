#!/usr/bin/env bash
# Set up (first time only) and run the whole test suite: lint, layer contracts, pytest.
# Extra arguments go to pytest, e.g. ./test.sh -k search
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/bootstrap.sh dev
scripts/print-queue.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/lint-imports
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
