#!/usr/bin/env bash
# Set up (first time only) and start OneStop Desk. Extra arguments go to the app,
# e.g. ./run.sh --data-dir /tmp/onestop-demo
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/bootstrap.sh app
exec .venv/bin/onestop-desk "$@"
