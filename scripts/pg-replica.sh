#!/usr/bin/env bash
# A streaming read replica of the machine's PostgreSQL cluster on 127.0.0.1:5433, for the replica tests and bench.
# Idempotent: a replica that streams is left alone; a stopped one is started; a broken one is rebuilt with
# pg_basebackup. Runs as root (the machine's cluster is Debian's, run by pg_ctlcluster); needs the primary up.
set -euo pipefail

PORT="${WENMING_REPLICA_PORT:-5433}"
VERSION="${PG_VERSION:-$(ls /etc/postgresql | sort -V | head -1)}"
BIN="/usr/lib/postgresql/$VERSION/bin"
PRIMARY_CONF="/etc/postgresql/$VERSION/main"
DIR="/var/lib/postgresql/$VERSION/replica$PORT"
LOG="/var/log/postgresql/postgresql-$VERSION-replica$PORT.log"
as_pg() { runuser -u postgres -- "$@"; }
psql_r() { as_pg "$BIN/psql" -h /var/run/postgresql -p "$PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }

streaming() { [ "$(psql_r "SELECT status FROM pg_stat_wal_receiver")" = "streaming" ]; }

if "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  if streaming; then echo "replica on port $PORT: streaming"; exit 0; fi
  sleep 2 # a replica that just started may still be connecting
  if streaming; then echo "replica on port $PORT: streaming"; exit 0; fi
  echo "replica on port $PORT is up but not streaming: rebuilding it"
  as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop || true
fi

# The walreceiver connects as the postgres OS user over the socket: allow it (Debian's default pg_hba has this
# line; a trimmed one may not). "all" in pg_hba does not cover replication connections.
if ! grep -Eq '^\s*local\s+replication\s' "$PRIMARY_CONF/pg_hba.conf"; then
  echo "local replication postgres peer" >>"$PRIMARY_CONF/pg_hba.conf"
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main reload
fi

if [ ! -f "$DIR/standby.signal" ] || ! as_pg "$BIN/pg_ctl" -D "$DIR" -l "$LOG" -w -t 60 start >/dev/null 2>&1 || ! { sleep 1; streaming; }; then
  as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  install -d -o postgres -g postgres -m 700 "$DIR"
  echo "pg_basebackup of the $VERSION/main cluster into $DIR"
  as_pg "$BIN/pg_basebackup" -h /var/run/postgresql -p 5432 -U postgres -D "$DIR" -R -X stream -c fast
  # Debian keeps the configuration outside the data directory: the replica gets its own.
  cat >"$DIR/postgresql.conf" <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
hba_file = '$DIR/pg_hba.conf'
shared_buffers = 128MB
max_connections = 200
EOF
  cat >"$DIR/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  chown postgres:postgres "$DIR/postgresql.conf" "$DIR/pg_hba.conf"
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$LOG" -w -t 60 start >/dev/null
fi

for _ in $(seq 1 30); do
  if streaming; then echo "replica on port $PORT: streaming"; exit 0; fi
  sleep 1
done
echo "replica on port $PORT started but does not stream; see $LOG" >&2
exit 1
