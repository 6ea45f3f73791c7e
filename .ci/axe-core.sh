#!/usr/bin/env bash
# The accessibility engine of the browser tests: npm's axe-core, at a pinned version, installed into
# web/target/axe/ when missing (never committed, never in the jar). Prints the path of axe.min.js.
# Run by .ci/run before the tests, and by the tests themselves when the file is missing.
set -euo pipefail
version="4.14.1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SDA_AXE_DIR:-$root/web/target/axe}"
pkg="$dir/node_modules/axe-core"
if [ ! -f "$pkg/axe.min.js" ] || ! grep -q "\"version\": \"$version\"" "$pkg/package.json" 2>/dev/null; then
  if ! command -v npm >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "Installing npm from Debian's packages (for axe-core) …" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm; } >/tmp/sda-npm-apt.log 2>&1 \
      || { tail -n 20 /tmp/sda-npm-apt.log >&2; exit 1; }
  fi
  mkdir -p "$dir"
  echo "Installing axe-core $version into $dir …" >&2
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "axe-core@$version" >&2
fi
echo "$pkg/axe.min.js"
