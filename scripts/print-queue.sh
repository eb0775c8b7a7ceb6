#!/usr/bin/env bash
# Starts a real CUPS print queue named "PDF" (cups-pdf) for the printing tests, when root.
# Jobs land as PDF files in ~/PDF (cups-pdf's default for root: /root/PDF).
set -euo pipefail
if [ "$(id -u)" != 0 ] || ! command -v cupsd >/dev/null; then
  echo "print-queue: not root or CUPS missing; printing tests will skip" >&2
  exit 0
fi
running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
  mkdir -p /run/cups
  cupsd
  for _ in $(seq 1 100); do running && break; sleep 0.1; done
fi
if ! lpstat -p PDF >/dev/null 2>&1; then
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  [ -f "$ppd" ] || ppd=$(find /usr/share/ppd -name 'CUPS-PDF*.ppd' | head -1)
  lpadmin -p PDF -E -v cups-pdf:/ -P "$ppd"
fi
lpstat -p PDF >/dev/null && echo "print-queue: printer PDF ready"
