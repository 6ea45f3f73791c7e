#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver for the browser tests (web/src/test/java/org/sdaplanner/browser)
# when they are missing. Quiet: apt's output goes to a log file, shown only if the install fails.
set -euo pipefail
log="${SDA_CHROMIUM_LOG:-/tmp/sda-chromium-apt.log}"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "Installing Chromium and chromedriver from Debian packages (log: $log) …" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver fonts-dejavu-core; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "Chromium install failed; see $log" >&2
  exit 1
fi
/usr/bin/chromium --version >>"$log" 2>&1 || true
/usr/bin/chromedriver --version >&2
