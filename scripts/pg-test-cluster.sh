#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the ledger's contract tests and benchmarks.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints export lines: BALLAST_TEST_POSTGRES, BALLAST_PG_DIR
#   scripts/pg-test-cluster.sh stop [DIR]         # DIR defaults to $BALLAST_PG_DIR
#
# When BALLAST_PG is set (a connection string to an existing server), start only re-exports it and
# starts nothing. Otherwise it finds the machine's PostgreSQL binaries (/usr/lib/postgresql/*/bin),
# installing the Debian package `postgresql` when they are missing, runs initdb as the `postgres`
# user (initdb refuses to run as root) in a temporary directory, and starts the server on a free
# port bound to 127.0.0.1 only. Diagnostics go to stderr; stdout carries only the export lines.
set -uo pipefail

log() { echo "[pg-test-cluster] $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

free_port() {
  # Ask the kernel for a free loopback port; fall back to probing a range.
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' && return 0
  fi
  local p
  for p in $(seq 54320 54420); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -n "${BALLAST_PG:-}" ]; then
    log "using BALLAST_PG; no cluster started"
    printf 'export BALLAST_TEST_POSTGRES=%q\n' "$BALLAST_PG"
    return 0
  fi
  local bin
  if ! bin=$(find_bin); then
    if [ "$(id -u)" = 0 ]; then
      log "PostgreSQL binaries missing: apt-get install postgresql"
      apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || log "apt-get install postgresql failed"
    fi
    bin=$(find_bin) || { log "no PostgreSQL binaries; PostgreSQL tests will skip"; return 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    log "no 'postgres' user to run initdb as; PostgreSQL tests will skip"; return 1
  fi
  local dir port
  dir=$(mktemp -d /tmp/ballast-pg.XXXXXX) || return 1
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if ! as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
    log "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
  fi
  local attempt
  for attempt in 1 2 3; do
    port=$(free_port) || { log "no free port"; rm -rf "$dir"; return 1; }
    # listen on loopback only; the unix socket lives in the cluster's own directory
    if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null 2>&1; then
      log "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port ($dir)"
      printf 'export BALLAST_PG_DIR=%q\n' "$dir"
      printf 'export BALLAST_TEST_POSTGRES=%q\n' "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      return 0
    fi
    log "start on port $port failed (attempt $attempt)"; tail -n 5 "$dir/server.log" >&2
  done
  rm -rf "$dir"; return 1
}

stop() {
  local dir="${1:-${BALLAST_PG_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || { log "nothing to stop"; return 0; }
  local bin; bin=$(find_bin) || return 1
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || log "pg_ctl stop failed"
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
