#!/usr/bin/env bash
# Installs Debian's gdal-bin (ogrinfo) for the export tests that read the written files back with GDAL
# (web/src/test/java/org/sdaplanner/export/GdalReadBackTest.java), when it is missing. Quiet: apt's
# output goes to a log file, shown only if the install fails.
set -euo pipefail
log="${SDA_GDAL_LOG:-/tmp/sda-gdal-apt.log}"
if [ -x /usr/bin/ogrinfo ]; then
  exit 0
fi
echo "Installing gdal-bin from Debian packages (log: $log) …" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends gdal-bin; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "gdal-bin install failed; see $log" >&2
  exit 1
fi
/usr/bin/ogrinfo --version >&2
