#!/usr/bin/env bash
# The cart-redis cache hit (blocking read connections, and Lettuce only) against redis-benchmark GET,
# in alternating slices on one server so that a busy machine skews every variant alike.
# Usage: benchmarks/redis-load-interleaved.sh [seconds-per-slice] [rounds] [readers] [variants, default find-direct,find-lettuce]
# Prints CPU per read (client user/kernel, server); with CARTFLOW_PERF=1 also system calls and context switches
# per read (perf stat; it slows every variant by its system calls, so take rates from runs without it).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-benchmark >/dev/null; then
  echo "redis-benchmark not found; installing redis-tools" >&2
  apt-get update -qq && apt-get install -y -qq redis-tools >/dev/null
fi
mvn -B -q test-compile dependency:build-classpath -pl cart-redis -am \
  -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
CP="cart-redis/target/test-classes:cart-redis/target/classes:cart-spi/target/classes:cart-core/target/classes:cart-tck/target/classes:$(cat cart-redis/target/test.cp)"
exec java -Djava.io.tmpdir=cart-redis/target -cp "$CP" dev.cartflow.redis.CacheReadInterleavedDriver "${1:-3}" "${2:-5}" "${3:-1}" ${4:+"$4"}
