#!/usr/bin/env bash
# Lints the contracts the services serve: every OpenAPI document (written at build time by each service, the same
# document it serves at /q/openapi) against Spectral's spectral:oas ruleset, and every AsyncAPI document (the file each
# service serves at /asyncapi.yaml) with `asyncapi validate`. Zero errors and zero warnings, or this fails.
# Run by `mvn verify` (this module's pom) after the services are built; needs Node.js 20+ and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

# The tools, exactly as package-lock.json pins them; installed again only when the lock file changes.
stamp=node_modules/.tilannekuva-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
export SUPPRESS_NO_CONFIG_WARNING=true
# The CLI would try to send usage metrics to its authors; nothing leaves this machine.
node_modules/.bin/asyncapi config analytics --disable >/dev/null 2>&1 || true

status=0
for service in roadmap-service status-service situation-service; do
  openapi="$root/$service/target/openapi/openapi.yaml"
  asyncapi="$root/$service/src/main/resources/META-INF/resources/asyncapi.yaml"
  if [ ! -f "$openapi" ]; then
    echo "contract-lint: $openapi is missing (build $service first: mvn package)" >&2
    exit 2
  fi
  echo "== $service: OpenAPI (spectral:oas)"
  node_modules/.bin/spectral lint "$openapi" --ruleset .spectral.yaml --fail-severity=warn || status=1
  echo "== $service: AsyncAPI (asyncapi validate)"
  out="$(node_modules/.bin/asyncapi validate "$asyncapi" 2>&1)" || status=1
  echo "$out" | grep -v -i 'metrics\|analytics' || true
  # `validate` exits 0 on warnings: count them from its summary line.
  if echo "$out" | grep -Eq '\(([1-9][0-9]*) errors?|, ([1-9][0-9]*) warnings?'; then
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "contract-lint: a served contract has errors or warnings (see above)" >&2
fi
exit "$status"
