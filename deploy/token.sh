#!/usr/bin/env bash
# Prints a development bearer token signed with the local stack's development key (valid 12 hours).
#   deploy/token.sh roadmap-admin
#   deploy/token.sh region-reporter lappi
#   deploy/token.sh reader
#   deploy/token.sh partner thl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/deploy/local-stack/target/local-stack.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests -pl deploy/local-stack -am package) >&2
fi
exec java -jar "$jar" token "$@"
