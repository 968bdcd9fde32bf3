#!/usr/bin/env bash
# The issue 13 name of benchmarks/http-load.sh (same driver, same options; see its header for the
# variants, ceilings and JSONL rows). Bounded load check of the cart service over loopback: builds the executable jar and the benchmarks
# jar, then ServiceLoad starts the service on a free 127.0.0.1 port as a child process and drives
# 70 % GET /carts/{id}, 25 % line changes (POST /lines, PATCH) and 5 % checkouts at 1, 4 and 16
# clients after a 30 s unmeasured service warm-up, each step 10 s warm-up + at most 20 s or 500 000
# actions measured; prints Markdown tables.
# Not part of mvn verify. Usage: benchmarks/service-load.sh [--name=value ...]
#   --service-warmup=30 --clients=1,4,16 --warmup=10 --measure=20 --max-requests=500000 --mix=70,25,5 --seed=42
#   --skus=SKU,SKU (default: GET /products) --service-jvm="-Xmx512m" --jar=PATH | --url=http://127.0.0.1:PORT
#   --variants=in-memory,postgres-redis --ceilings=true --pgbench=PATH --service-args="..."
# Set OFFLINE=1 to build with mvn -o.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
mvn "${mvn_flags[@]}" -pl examples/cart-service -am package -DskipTests
mvn "${mvn_flags[@]}" -pl benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.service.ServiceLoad "$@"
