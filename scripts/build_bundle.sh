#!/usr/bin/env bash
# Builds the onedir bundle in dist/onestop-desk and prints its size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/bootstrap.sh dev
.venv/bin/python -m pip install -q -e ".[bundle]"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
du -sh dist/onestop-desk
