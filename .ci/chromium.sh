#!/usr/bin/env bash
# Installs what the browser tests (web/src/test/java/org/sdaplanner/browser) need when it is missing: Debian's
# Chromium and chromedriver, and poppler-utils (pdfinfo, pdftotext: the committee report's journey reads the
# PDF it prints). Quiet: apt's output goes to a log file, shown only if the install fails.
set -euo pipefail
log="${SDA_CHROMIUM_LOG:-/tmp/sda-chromium-apt.log}"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdfinfo ]; then
  exit 0
fi
echo "Installing Chromium, chromedriver and poppler-utils from Debian packages (log: $log) …" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver fonts-dejavu-core poppler-utils; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "Chromium install failed; see $log" >&2
  exit 1
fi
/usr/bin/chromium --version >>"$log" 2>&1 || true
/usr/bin/chromedriver --version >&2
