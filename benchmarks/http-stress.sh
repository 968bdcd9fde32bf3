#!/usr/bin/env bash
# Stress ramp of ONE cart-service instance over loopback (dev.cartflow.benchmarks.service.ServiceStress):
# the shopper mix at 1, 2, 4, ... 256 clients, each step 3 s warm-up + at most 10 s or 200 000 actions,
# until throughput grows less than 5 % for 2 steps and the service has shed load (503 OVERLOADED with
# Retry-After from its load-shedding filter); prints per step throughput, p50/p99/p99.9, 503s, other
# non-2xx, unanswered requests, Hikari pending/active (from /actuator/prometheus), Tomcat busy threads,
# requests in flight against the limit, lock waits (pg_stat_activity), machine CPU and service CPU;
# then the knee and what was seen first (pool, locks, CPU, shedding, timeouts).
# Usage: benchmarks/http-stress.sh [--name=value ...]
#   --variant=postgres-redis|in-memory --ramp=1,2,4,8,16,32,64,128,256 --warmup=3 --measure=10
#   --max-requests=200000 --service-warmup=20 --min-growth=0.05 --patience=2 --until-shed=true --sample=500ms
#   --mix=70,25,5 --seed=42 --skus=SKU,SKU --service-jvm="..." --service-args="--cartservice.load-shedding.max-concurrent=16"
#   --jar=PATH | --url=http://127.0.0.1:PORT --service-log=benchmarks/target/http-stress-service.log
# JSONL rows (suite http-stress) go to $CARTFLOW_RESULTS/http-stress.jsonl when CARTFLOW_RESULTS is set.
# A started service has 3 min to become ready; on a very loaded machine give it more with
# JAVA_TOOL_OPTIONS=-Dcartflow.load.ready-timeout=600 (seconds). Not part of mvn verify. Set OFFLINE=1 to build with mvn -o.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
mvn "${mvn_flags[@]}" -pl examples/cart-service -am package -DskipTests
mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
exec java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar \
  dev.cartflow.benchmarks.service.ServiceStress "$@"
