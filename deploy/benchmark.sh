#!/usr/bin/env bash
# The benchmark suite: builds the three services and the benchmarks, starts PostgreSQL, Kafka and the services on
# free ports (no demo data), measures ingest, freshness, dashboard polling and webhook deliveries next to baselines
# taken in the same run, each service's footprint beside a bare Quarkus application, then the cost curve on a second
# system started empty, and prints the tables (also written to deploy/benchmarks/target/benchmark-results.md).
#   deploy/benchmark.sh              build, then measure (about 30 minutes on 2 cores after the build, half of it the cost curve)
#   SKIP_BUILD=1 deploy/benchmark.sh reuse the jars already built
#   deploy/benchmark.sh --only webhooks   one or more of ingest,freshness,polling,webhooks,curve
#   deploy/benchmark.sh --scales 1,10     the cost curve at some of its scales (1, 10, 100; default all)
#   BENCHMARK_PROFILE=/tmp/jfr deploy/benchmark.sh   each service also records a JFR profile there
#   BENCHMARK_CURVE_SHARED_BUFFERS=1GB deploy/benchmark.sh --only curve   the cost curve's PostgreSQL with a larger buffer pool (default 128MB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building the services and the benchmarks (mvn package, tests skipped)..."
  mvn -B -q -ntp -DskipTests package -pl roadmap-service,status-service,situation-service,deploy/bare-quarkus,deploy/benchmarks -am
fi
# deploy/soak.sh runs the soak through this script (BENCHMARK_MAIN).
exec java -Xmx1g -Dtilannekuva.infra.dir="$root/deploy/benchmarks/target/local-infra" \
  -cp deploy/benchmarks/target/benchmarks.jar "${BENCHMARK_MAIN:-fi.tilannekuva.benchmarks.Benchmarks}" \
  --root "$root" "$@"
