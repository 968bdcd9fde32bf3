#!/usr/bin/env bash
# Soak of ONE cart-service instance over loopback (dev.cartflow.benchmarks.service.ServiceSoak): the shopper
# mix at 8 clients on the postgres-redis variant for 10 minutes after a 60 s warm-up; every minute a full
# GC of the service (jcmd <pid> GC.run), then heap after GC (jvm_gc_live_data_size_bytes), live threads
# (jvm_threads_live_threads), Hikari connections and pg_stat_activity client connections; prints the
# samples and a verdict: heap after GC first vs last within 10 %, threads and connections not growing,
# zero errors. Exits 1 when the verdict fails.
# Usage: benchmarks/http-soak.sh [--name=value ...]
#   --soak=10m (try it with --soak=60s --sample=20s) --sample=60s --clients=8 --warmup=60s --heap-tolerance=0.10
#   --variant=postgres-redis|in-memory --mix=70,25,5 --seed=42 --skus=SKU,SKU --service-jvm="-Xmx256m"
#   --service-args="--name=value ..." --jar=PATH --service-log=benchmarks/target/http-soak-service.log
# JSONL rows (suite http-soak) go to $CARTFLOW_RESULTS/http-soak.jsonl when CARTFLOW_RESULTS is set.
# A started service has 3 min to become ready; on a very loaded machine give it more with
# JAVA_TOOL_OPTIONS=-Dcartflow.load.ready-timeout=600 (seconds). Not part of mvn verify. Set OFFLINE=1 to build with mvn -o.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
mvn "${mvn_flags[@]}" -pl examples/cart-service -am package -DskipTests
mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
exec java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar \
  dev.cartflow.benchmarks.service.ServiceSoak "$@"
