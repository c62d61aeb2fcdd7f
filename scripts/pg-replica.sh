#!/usr/bin/env bash
# A throwaway PostgreSQL primary and streaming replica on spare ports, for the replica tests
# (ADR 034, docs/SCALING.md).
#
#   scripts/pg-replica.sh start          initdb, configure, pg_basebackup -R, start both, wait ready;
#                                        prints the export lines for TEST_PRIMARY_URL / TEST_REPLICA_URL
#   scripts/pg-replica.sh stop           stop both and delete their directories
#   scripts/pg-replica.sh stop-replica   stop the replica only (the tests' "replica down")
#   scripts/pg-replica.sh start-replica  start it again
#
# PG_REPLICA_DIR (default /tmp/dtbd-pg-replica), PG_PRIMARY_PORT (55432), PG_REPLICA_PORT (55433),
# PG_BIN (/usr/lib/postgresql/15/bin, else the pg_config on PATH). As root the servers run as the
# postgres OS user (initdb refuses root); otherwise as the current user. Exits 3 with a message
# when the binaries or that user are missing, so callers can skip the suite instead of failing.
set -euo pipefail

DIR="${PG_REPLICA_DIR:-/tmp/dtbd-pg-replica}"
PPORT="${PG_PRIMARY_PORT:-55432}"
RPORT="${PG_REPLICA_PORT:-55433}"
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$BIN/initdb" ] && command -v pg_config >/dev/null 2>&1; then BIN="$(pg_config --bindir)"; fi

skip() {
  echo "pg-replica: $1; the replica suite is skipped" >&2
  exit 3
}
[ -x "$BIN/initdb" ] || skip "no PostgreSQL server binaries (set PG_BIN)"

if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || skip "running as root without a postgres OS user"
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

ctl() { as_pg "$BIN/pg_ctl" -D "$DIR/$1" -l "$DIR/$1.log" -w -t 30 "${@:2}" >/dev/null; }

wait_ready() {
  for _ in $(seq 1 60); do
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1" && return 0
    sleep 0.5
  done
  echo "pg-replica: port $1 not ready" >&2
  return 1
}

stop_one() {
  if [ -f "$DIR/$1/postmaster.pid" ]; then ctl "$1" stop -m fast || true; fi
}

case "${1:-}" in
  start)
    stop_one replica
    stop_one primary
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chown "$OWNER" "$DIR"
    as_pg "$BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # initdb --auth=trust already lets local and 127.0.0.1 replication connections in (pg_hba.conf).
    cat >>"$DIR/primary/postgresql.conf" <<EOF
port = $PPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
hot_standby_feedback = on
fsync = off
full_page_writes = off
shared_buffers = '64MB'
EOF
    ctl primary start
    wait_ready "$PPORT"
    as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PPORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
    echo "port = $RPORT" >>"$DIR/replica/postgresql.conf"
    ctl replica start
    wait_ready "$RPORT"
    echo "export TEST_PRIMARY_URL=postgres://postgres@127.0.0.1:$PPORT/postgres"
    echo "export TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$RPORT/postgres"
    echo "export PG_REPLICA_DIR=$DIR"
    ;;
  stop)
    stop_one replica
    stop_one primary
    rm -rf "$DIR"
    ;;
  stop-replica)
    stop_one replica
    ;;
  start-replica)
    ctl replica start
    wait_ready "$RPORT"
    ;;
  *)
    echo "usage: $0 start|stop|stop-replica|start-replica" >&2
    exit 2
    ;;
esac
