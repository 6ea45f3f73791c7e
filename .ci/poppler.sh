#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdfinfo, pdftotext) for the committee report's browser journey, which prints
# the report to PDF in Chromium and reads the pages back. Quiet: apt's output goes to a log file.
set -euo pipefail
log="${SDA_POPPLER_LOG:-/tmp/sda-poppler-apt.log}"
if [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdfinfo ]; then
  exit 0
fi
echo "Installing poppler-utils (log: $log) …" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq poppler-utils; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "poppler-utils install failed; see $log" >&2
  exit 1
fi
