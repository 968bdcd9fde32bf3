#!/usr/bin/env bash
# Runs every performance suite of CartFlow in order, then writes docs/performance.md and its charts
# (docs/performance/*.png) from the rows the suites appended (dev.cartflow.benchmarks.report.PerformanceReport).
# Not part of mvn verify; loopback only; every server a suite starts is its own and stopped by it.
#
# Usage: benchmarks/run-all.sh [--quick] [--only=suite,suite] [--report-only=DIR]
#   (default)       the full run, about an hour: every suite with the parameters below
#   --quick         a few minutes per suite, for trying the script; the page is marked as a quick run
#   --only=a,b      run only these suites; the others are recorded as skipped (not run)
#   --report-only=D write the page again from an earlier results directory D, running nothing
# Environment: OFFLINE=1 builds with mvn -o (passed on to the suite scripts, which honour it).
#
# Suites, in this order: the command run from the repository root, full run | --quick
#   pricing      java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingMinTime
#                (lines 1, 10, 100, 1000 x promotions 0, 5, 20 x both tax modes; fastest call) | same
#   jdbi-load    benchmarks/jdbi-load.sh 10 2000            (s per run, carts)   | 3 500
#   redis-load   benchmarks/redis-load.sh 10 10             (s per run, lines)   | 3 10
#   http-load    benchmarks/http-load.sh                    (its defaults)       | --service-warmup=10 --warmup=3 --measure=5
#   http-stress  benchmarks/http-stress.sh                  (its defaults)       | --ramp=1,4,16,64 --warmup=2 --measure=4 --service-warmup=10
#   http-soak    benchmarks/http-soak.sh --skus=KETTLE,TEAPOT,BOARD,BOOK-JAVA,CHOCOLATE,BEANS (10 min; products without a stock limit, so no OUT_OF_STOCK counts as an error) | --soak=60s --sample=20s --warmup=20s
#   scale-out    benchmarks/scale-out.sh                    (its defaults)       | same
# A suite whose script does not exist (yet) is recorded as skipped; a failing suite is recorded with its
# exit code and the run goes on; each has a time limit (full 90 min, quick 20 min).
#
# Results: benchmarks/target/results/<UTC timestamp>/ is CARTFLOW_RESULTS for every suite: <suite>.jsonl
# (the rows), logs/<suite>.log (each suite's output), run/run.properties and run/commands.tsv (mode, times,
# load averages, the commands and their outcomes), read by the report writer.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
only=""
report_only=""
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --only=*) only=",${arg#--only=}," ;;
    --report-only=*) report_only="${arg#--report-only=}" ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done

mvn_flags=(-B -q)
if [ "${OFFLINE:-0}" = 1 ]; then mvn_flags+=(-o); fi
build=(mvn "${mvn_flags[@]}" -pl cart-jdbi,cart-redis,examples/cart-service,benchmarks -am package -DskipTests
       dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test)

report() {
  java -Djava.awt.headless=true -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar \
    dev.cartflow.benchmarks.report.PerformanceReport --results="$1" --page=docs/performance.md --charts=docs/performance
}

if [ -n "$report_only" ]; then
  [ -d "$report_only" ] || { echo "no results directory $report_only" >&2; exit 2; }
  [ -f benchmarks/target/benchmarks.jar ] || "${build[@]}"
  report "$report_only"
  exit 0
fi

results="benchmarks/target/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results/logs" "$results/run"
export CARTFLOW_RESULTS="$PWD/$results"
export CARTFLOW_SKIP_BUILD=1 # built once below; scripts that honour it do not build again
export OFFLINE="${OFFLINE:-0}"
props="$results/run/run.properties"
commands="$results/run/commands.tsv"
: > "$commands"
{
  echo "mode=$mode"
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load_start=$(cat /proc/loadavg 2>/dev/null || echo unknown)"
  echo "build=${build[*]}"
} > "$props"
echo "== run-all ($mode): results in $results; load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

echo "== build: ${build[*]}"
"${build[@]}"

if [ "$mode" = quick ]; then limit=20m; else limit=90m; fi

# run_suite SUITE SCRIPT ARGS...: runs one suite (SCRIPT relative to the repository root, or a java
# command line when SCRIPT is "java"), records its command and outcome in commands.tsv
run_suite() {
  local suite="$1"; shift
  local command="$*"
  if [ -n "$only" ] && [[ "$only" != *",$suite,"* ]]; then
    printf '%s\t%s\t%s\n' "$suite" "skipped: not in --only" "" >> "$commands"
    echo "== $suite: skipped (not in --only)"
    return 0
  fi
  if [ "$1" != java ] && [ ! -f "$1" ]; then
    printf '%s\t%s\t%s\n' "$suite" "skipped: $1 does not exist yet" "" >> "$commands"
    echo "== $suite: skipped ($1 does not exist yet)"
    return 0
  fi
  local load_before start status
  load_before="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
  start="$(date +%s)"
  echo "== $suite: $command"
  set +e
  if [ "$1" = java ]; then
    timeout --kill-after=60s "$limit" "$@" 2>&1 | tee "$results/logs/$suite.log"
  else
    timeout --kill-after=60s "$limit" bash "$@" 2>&1 | tee "$results/logs/$suite.log"
  fi
  status="${PIPESTATUS[0]}"
  set -e
  local outcome
  if [ "$status" = 0 ]; then outcome="ran"; elif [ "$status" = 124 ]; then outcome="failed (over the $limit limit)";
  else outcome="failed (exit $status)"; fi
  outcome="$outcome in $(( $(date +%s) - start )) s, load $load_before -> $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
  printf '%s\t%s\t%s\n' "$suite" "$outcome" "$command" >> "$commands"
  echo "== $suite: $outcome"
}

if [ "$mode" = quick ]; then
  run_suite pricing java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingMinTime
  run_suite jdbi-load benchmarks/jdbi-load.sh 3 500
  run_suite redis-load benchmarks/redis-load.sh 3 10
  run_suite http-load benchmarks/http-load.sh --service-warmup=10 --warmup=3 --measure=5
  run_suite http-stress benchmarks/http-stress.sh --ramp=1,4,16,64 --warmup=2 --measure=4 --service-warmup=10
  run_suite http-soak benchmarks/http-soak.sh --skus=KETTLE,TEAPOT,BOARD,BOOK-JAVA,CHOCOLATE,BEANS --soak=60s --sample=20s --warmup=20s
  run_suite scale-out benchmarks/scale-out.sh
else
  run_suite pricing java -Djava.io.tmpdir=benchmarks/target -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingMinTime
  run_suite jdbi-load benchmarks/jdbi-load.sh 10 2000
  run_suite redis-load benchmarks/redis-load.sh 10 10
  run_suite http-load benchmarks/http-load.sh
  run_suite http-stress benchmarks/http-stress.sh
  run_suite http-soak benchmarks/http-soak.sh --skus=KETTLE,TEAPOT,BOARD,BOOK-JAVA,CHOCOLATE,BEANS
  run_suite scale-out benchmarks/scale-out.sh
fi

{
  echo "ended=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load_end=$(cat /proc/loadavg 2>/dev/null || echo unknown)"
} >> "$props"
echo "== report"
report "$results"
echo "== done: docs/performance.md, docs/performance/*.png from $results"
