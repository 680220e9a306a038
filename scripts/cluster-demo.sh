#!/usr/bin/env bash
# Multi-process cluster demo on loopback: a throwaway PostgreSQL (membership + ledger), three `ballast cluster silo`
# processes that find each other through Orleans' ADO.NET membership table, and a client that sends idempotent trades
# to many vaults through any node. One silo is killed (SIGKILL) mid-run; its vaults re-activate on the others from the
# ledger; the client's audit then shows every vault equal to a fresh ledger replay and every acknowledged trade in the
# ledger exactly once. Stops by itself; everything it starts it stops.
#
#   scripts/cluster-demo.sh [VAULTS] [TRADES_PER_VAULT]        (defaults 24 and 40)
#   BALLAST_PG="Host=...;Username=...;Database=..." scripts/cluster-demo.sh   # use an existing server instead
set -uo pipefail
cd "$(dirname "$0")/.."
VAULTS=${1:-24}
TRADES=${2:-40}
log() { echo "[cluster-demo] $*" >&2; }

log "building the CLI"
dotnet build src/Ballast.Cli -c Release -v q --nologo >/dev/null || { log "build failed"; exit 1; }
BALLAST=(dotnet "src/Ballast.Cli/bin/Release/net10.0/ballast.dll")

work=$(mktemp -d /tmp/ballast-cluster-demo.XXXXXX)
pids=()
pg_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$pg_dir" ] && bash scripts/pg-test-cluster.sh stop "$pg_dir"
  log "logs kept in $work"
}
trap cleanup EXIT

env_lines=$(bash scripts/pg-test-cluster.sh start) || { log "no PostgreSQL available"; exit 1; }
eval "$env_lines"
pg_dir=${BALLAST_PG_DIR:-}
PG=$BALLAST_TEST_POSTGRES
CLUSTER="demo-$$"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

for i in 1 2 3; do
  silo_port=$(free_port); gateway_port=$(free_port)
  # --for bounds each silo's life even if this script is interrupted before its cleanup runs.
  "${BALLAST[@]}" cluster silo --postgres "$PG" --clustering postgres --cluster-id "$CLUSTER" \
    --silo-port "$silo_port" --gateway-port "$gateway_port" --for 600 >"$work/silo-$i.log" 2>&1 &
  pids+=($!)
  log "silo $i: pid ${pids[-1]}, silo port $silo_port, gateway $gateway_port"
done

for i in 1 2 3; do
  for _ in $(seq 1 120); do grep -q "ballast cluster silo: cluster" "$work/silo-$i.log" && break; sleep 0.5; done
  grep -q "ballast cluster silo: cluster" "$work/silo-$i.log" || { log "silo $i did not start:"; tail -n 20 "$work/silo-$i.log" >&2; exit 1; }
done
log "three silos up; driving $VAULTS vaults x $TRADES trades through the cluster"

"${BALLAST[@]}" cluster drive --clustering postgres --postgres "$PG" --cluster-id "$CLUSTER" \
  --vaults "$VAULTS" --trades "$TRADES" --concurrency 16 --audit >"$work/drive.log" 2>&1 &
driver=$!
pids+=($driver)

# Kill silo 2 once trading is under way.
for _ in $(seq 1 240); do grep -q "vaults open" "$work/drive.log" && break; sleep 0.5; done
sleep 1
victim=${pids[1]}
log "killing silo 2 (pid $victim) with SIGKILL mid-run"
kill -9 "$victim" 2>/dev/null

wait "$driver"; rc=$?
cat "$work/drive.log"
if [ "$rc" = 0 ] && grep -q "exactly once" "$work/drive.log"; then
  log "PASS: a node died, nothing acknowledged was lost, no vault ever had two writers"
else
  log "FAIL (driver exit $rc)"
fi
exit "$rc"
