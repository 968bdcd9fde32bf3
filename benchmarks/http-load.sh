#!/usr/bin/env bash
# HTTP load on ONE cart-service instance over loopback, per variant, with the ceilings in the same run
# (dev.cartflow.benchmarks.service.ServiceLoad; docs/performance-notes.md, "Issue 13" and its issue 14 part):
#   in-memory       the default profile (in-memory carts, the demo shop): the mix (70 % GET /carts/{id},
#                   25 % line changes, 5 % checkouts) at 1, 4, 16 clients; then at each client count a
#                   reads-only step and the trivial endpoint (GET /benchmark/ceiling-cart, the service's
#                   cartservice.benchmark.ceiling-endpoint=true) and the ratio reads / trivial (target >= 0.5)
#   postgres-redis  the postgres profile on an embedded PostgreSQL and Redis started on loopback: the mix,
#                   then pgbench on the service's database running the same mix's SQL, and the ratio
# Each step: 10 s warm-up + at most 20 s or 500 000 actions measured, after 30 s of service warm-up.
# Usage: benchmarks/http-load.sh [--name=value ...]
#   --variants=in-memory,postgres-redis --clients=1,4,16 --service-warmup=30 --warmup=10 --measure=20
#   --max-requests=500000 --mix=70,25,5 --seed=42 --ceilings=true --pgbench=PATH --skus=SKU,SKU
#   --service-jvm="-Xmx512m" --service-args="--name=value ..." --jar=PATH | --url=http://127.0.0.1:PORT
#   --service-log=benchmarks/target/service-load-service.log
# JSONL rows (suite http-load; variants in-memory, in-memory-reads, trivial, postgres-redis, pgbench) go to
# $CARTFLOW_RESULTS/http-load.jsonl when CARTFLOW_RESULTS is set. Not part of mvn verify.
# Installs postgresql-client when pgbench is missing (as jdbi-load.sh does). A started service has 3 min to
# become ready; on a very loaded machine: JAVA_TOOL_OPTIONS=-Dcartflow.load.ready-timeout=600 (seconds).
# Set OFFLINE=1 to build with mvn -o.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pgbench >/dev/null && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  echo "pgbench not found; installing postgresql-client" >&2
  apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null
fi
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
mvn "${mvn_flags[@]}" -pl examples/cart-service -am package -DskipTests
mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
exec java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar \
  dev.cartflow.benchmarks.service.ServiceLoad "$@"
