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
mvn -B -q test-compile dependency:build-classpath -pl cart-redis -am \
  -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
CP="cart-redis/target/test-classes:cart-redis/target/classes:cart-spi/target/classes:cart-core/target/classes:cart-tck/target/classes:$(cat cart-redis/target/test.cp)"
exec java -Djava.io.tmpdir=cart-redis/target -cp "$CP" dev.cartflow.redis.CacheReadLoadDriver "${1:-10}" "${2:-10}"
