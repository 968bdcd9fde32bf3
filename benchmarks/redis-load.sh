#!/usr/bin/env bash
# Load driver for cart-redis: the CachingCartRepository cache-hit read path at 1 and 16 readers, then
# redis-benchmark GET of a value of the same size on the same server (installs redis-tools if missing).
# Usage: benchmarks/redis-load.sh [seconds-per-run] [lines-per-cart]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-benchmark >/dev/null; then
  echo "redis-benchmark not found; installing redis-tools" >&2
  apt-get update -qq && apt-get install -y -qq redis-tools >/dev/null
fi
# run-all.sh builds once and sets CARTFLOW_SKIP_BUILD=1; OFFLINE=1 builds with mvn -o
if [ "${CARTFLOW_SKIP_BUILD:-0}" != 1 ] || [ ! -f cart-redis/target/test.cp ]; then
  mvn -B -q $([ "${OFFLINE:-0}" = 1 ] && echo -o) test-compile dependency:build-classpath -pl cart-redis -am \
    -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
fi
CP="cart-redis/target/test-classes:cart-redis/target/classes:cart-spi/target/classes:cart-core/target/classes:cart-tck/target/classes:$(cat cart-redis/target/test.cp)"
exec java -Djava.io.tmpdir=cart-redis/target -cp "$CP" dev.cartflow.redis.CacheReadLoadDriver "${1:-10}" "${2:-10}"
