#!/usr/bin/env bash
# Installs PostgreSQL 15 + PostGIS 3 from Debian's packages (if missing) and starts a
# throw-away server on 127.0.0.1:${SDA_PG_PORT:-55432} with database "sda" (trust auth, local only).
# Prints the JDBC URL on its last line. Used by .ci/run and by developers for the PostGIS tests.
set -euo pipefail
port="${SDA_PG_PORT:-55432}"
dir="${SDA_PG_DIR:-/tmp/sda-postgis}"
bin=/usr/lib/postgresql/15/bin
if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "Installing PostGIS from Debian packages …" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/tmp/sda-apt.log 2>&1
  apt-get install -y -qq postgresql-15-postgis-3 >>/tmp/sda-apt.log 2>&1 || { cat /tmp/sda-apt.log >&2; exit 1; }
fi
if ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
if [ -f "$dir/postmaster.pid" ] && su postgres -c "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  echo "PostGIS already running in $dir" >&2
else
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres "$dir"
  su postgres -c "$bin/initdb -D $dir -A trust -U postgres -E UTF8 --locale=C" >/dev/null
  su postgres -c "$bin/pg_ctl -D $dir -l $dir/server.log -o '-c listen_addresses=127.0.0.1 -p $port -k /tmp' -w start" >/dev/null
  su postgres -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE sda'" >/dev/null
  su postgres -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -d sda -qc 'CREATE EXTENSION postgis'" >/dev/null
fi
echo "jdbc:postgresql://127.0.0.1:$port/sda?user=postgres"
