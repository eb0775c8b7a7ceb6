#!/usr/bin/env bash
# Sets up everything OneStop Desk needs on a fresh Debian machine: the system libraries Qt
# needs (when run as root), a virtual environment in .venv and the package itself.
# Usage: scripts/bootstrap.sh [app|dev]   ("dev" adds the test tools and test services)
set -euo pipefail
mode=${1:-app}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

qt_libs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libcups2
         libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0)
# What the tests drive for real: a virtual screen, a print queue, PDF and QR tools, FAT32,
# and a PostgreSQL server (the tests start their own throwaway cluster from its binaries).
dev_libs=(xvfb x11-utils imagemagick cups cups-bsd printer-driver-cups-pdf poppler-utils qpdf
          libzbar0 dosfstools fusefat xdotool postgresql)

want=("${qt_libs[@]}")
[ "$mode" = dev ] && want+=("${dev_libs[@]}")

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: please install these system packages (needs root): ${missing[*]}" >&2
  fi
fi

py=""
for cand in python3.13 python3.12 python3.11 python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py=$cand; break
  fi
done
[ -n "$py" ] || { echo "bootstrap: Python 3.11 or newer is needed" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
extras=""
[ "$mode" = dev ] && extras="[dev]"
# Reinstall only when the dependency list changed: a second run starts in a second.
stamp=".venv/.onestop-$mode-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  rm -f .venv/.onestop-"$mode"-*
  touch "$stamp"
fi
