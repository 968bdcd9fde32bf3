#!/usr/bin/env bash
# The restore drill of docs/backup.md (class RestoreDrill), in two phases on embedded PostgreSQL servers
# (127.0.0.1, free ports), each filled with carts through the engine on cart-jdbi and compared with a
# fresh server restored from it (every cart through the engine, its priced total, the outbox rows, every
# table's row count, the schema version):
#   base backup: an online physical backup of a PostgreSQL 17 server, and a server started on it;
#   dump: pg_dump --format=custom of the source, pg_restore into a fresh PostgreSQL 17 server. When the
#     pg_dump found is older than 17 (Debian 12's is 15) the source runs on the bundled binaries of
#     pg_dump's major version, so the restore is also a major upgrade.
# pg_dump is taken from --pg-dump=PATH, --pg-bin=DIR, $PG_DUMP, $PG_BIN or the PATH, pg_restore from
# beside it. Prints each step and check, ok or FAIL, and exits 1 when one fails; everything it starts it
# stops, and it removes the servers' directories, the backup and the dump.
# Usage: benchmarks/restore-drill.sh [--pg-dump=PATH | --pg-bin=DIR] [carts=300] [seed=15] [work=benchmarks/target/restore-drill]
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
