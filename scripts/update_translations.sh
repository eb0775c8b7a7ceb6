#!/usr/bin/env bash
# Refresh resources/i18n/onestop_en.ts from the UI sources (keeps existing translations and
# marks new strings unfinished), then compile onestop_en.qm for the strings translated so far.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t sources < <(find src/onestop_desk/ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete "${sources[@]}" -ts resources/i18n/onestop_en.ts
.venv/bin/pyside6-lrelease resources/i18n/onestop_en.ts -qm resources/i18n/onestop_en.qm
