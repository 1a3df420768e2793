#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs to run every check and test of the project:
# system packages, npm packages, lint, type checks, deploy-file validation, then every
# test suite (unit, web components, integration on SQLite and PostgreSQL, e2e, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

bash scripts/install-system-deps.sh
export JOBS=max                        # node-gyp builds better-sqlite3 on both cores
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ "${CI:-}" = "true" ] || [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

echo "== lint";        npm run lint
echo "== format";      npm run format:check
echo "== build";       npm run build
echo "== typecheck";   npm run typecheck
echo "== openapi drift + lint"; npm run openapi:check
echo "== deploy files"; npm run check:deploy

# run-tests prints the elapsed time and then the closing "N passed, N failed" line.
TEST_ALL_STARTED=$started exec node scripts/run-tests.mjs --no-build
