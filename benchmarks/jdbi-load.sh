#!/usr/bin/env bash
# Load driver for cart-jdbi: the engine on JdbiCartRepository (70 % priced reads, 25 % line changes,
# 5 % checkouts) at 1, 4 and 16 workers, then pgbench running the equivalent SQL on the same server.
# Usage: benchmarks/jdbi-load.sh [seconds-per-run] [carts] [pgbench-path]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"; carts="${2:-2000}"
pgbench="${3:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)}"
if [ -z "$pgbench" ] || [ ! -x "$pgbench" ]; then
  echo "pgbench not found; installing postgresql-client" >&2
  apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null
  pgbench="$(command -v pgbench)"
fi
# run-all.sh builds once and sets CARTFLOW_SKIP_BUILD=1; OFFLINE=1 builds with mvn -o
if [ "${CARTFLOW_SKIP_BUILD:-0}" != 1 ] || [ ! -f cart-jdbi/target/test.cp ]; then
  mvn -B -q $([ "${OFFLINE:-0}" = 1 ] && echo -o) test-compile dependency:build-classpath -pl cart-jdbi -am \
    -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
fi
CP="cart-jdbi/target/test-classes:cart-jdbi/target/classes:cart-spi/target/classes:cart-core/target/classes:cart-tck/target/classes:$(cat cart-jdbi/target/test.cp)"
exec java -Djava.io.tmpdir=cart-jdbi/target -cp "$CP" dev.cartflow.jdbi.LoadDriver "$seconds" "$carts" "$pgbench"
