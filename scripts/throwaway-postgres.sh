#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests. `start DIR` creates a cluster in DIR (a new directory under one the
# server's user can reach, such as /tmp/duban-pg-XXXX), with a random superuser password and a free port on
# 127.0.0.1, starts it and prints its URL on stdout; `stop DIR` stops it and removes DIR.
# As root the server runs as the postgres user (PostgreSQL refuses root); without the server binaries, Debian's
# postgresql package is installed first (root only).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# The directory holding initdb and pg_ctl: pg_config's, else the newest /usr/lib/postgresql/*/bin, else the PATH's.
find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

start() {
  local bindir
  bindir=$(find_bindir)
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "PostgreSQL server binaries (initdb, pg_ctl) not found; install the postgresql package, or set DUBAN_TEST_DATABASE_URL" >&2
      exit 1
    fi
    echo "installing Debian's postgresql package for the tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir)
    [ -n "$bindir" ] || { echo "the postgresql package brought no initdb" >&2; exit 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "running as root, but there is no postgres user to run the server as" >&2
    exit 1
  fi

  mkdir "$dir"
  echo "$bindir" >"$dir/bindir"
  local password port
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  port=$(free_port)
  printf '%s\n' "$password" >"$dir/password"
  chmod 600 "$dir/password"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi

  as_owner "$bindir/initdb" -D "$dir/data" -U duban --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/password"
  # Durability is not wanted from a cluster that lives for one test run.
  cat >>"$dir/data/postgresql.conf" <<EOF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "postgres://duban:$password@127.0.0.1:$port/postgres"
}

stop() {
  if [ -f "$dir/bindir" ] && [ -d "$dir/data" ]; then
    as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case $action in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
