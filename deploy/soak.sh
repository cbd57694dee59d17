#!/usr/bin/env bash
# The soak: builds the services and the benchmarks, starts PostgreSQL, Kafka and the services on free ports (no demo
# data), and runs a steady mixed load — reports, dashboard polls with and without ETag, server-sent event streams —
# printing each minute the errors, latency percentiles and each service's heap after a full GC (also written to
# deploy/benchmarks/target/soak-results.md). Exits non-zero if any minute had an error.
#   deploy/soak.sh                 build, then 30 minutes of load
#   deploy/soak.sh --minutes 5     a shorter run
#   SKIP_BUILD=1 deploy/soak.sh    reuse the jars already built
BENCHMARK_MAIN=fi.tilannekuva.benchmarks.Soak exec "$(dirname "${BASH_SOURCE[0]}")/benchmark.sh" "$@"
