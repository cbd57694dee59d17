#!/usr/bin/env bash
# Runs the whole system locally: builds the packaged apps, starts a real PostgreSQL and Kafka (no Docker),
# the three services on ports 8081-8083 with demo data, and stops everything on Ctrl-C.
#   deploy/run-local.sh            keep the data of earlier runs (deploy/local-stack/data)
#   deploy/run-local.sh --clean    start from an empty system
#   SKIP_BUILD=1 deploy/run-local.sh   reuse the jars already built
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (mvn package, tests skipped)..."
  mvn -B -q -ntp -DskipTests package
fi
exec java -jar deploy/local-stack/target/local-stack.jar run --root "$root" "$@"
