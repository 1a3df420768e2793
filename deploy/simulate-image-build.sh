#!/usr/bin/env bash
# Without a Docker engine: replays Dockerfile.api's build-stage RUN steps (npm ci, build,
# prune, runtime file set) on this host in a temp dir, then starts the api and bot-sim
# from that file set the way the images do (non-root uid 10001, read-only code, secrets as
# files, the images' environment) and runs the images' HEALTHCHECK commands.
#
#   bash deploy/simulate-image-build.sh      # a few minutes (npm ci + full build)
#   ALLOW_NPM_INSTALL=1 bash deploy/simulate-image-build.sh   # see below
#
# The api uses SQLite in its data dir here (compose gives it PostgreSQL).
# What it cannot show: the base images themselves (Debian packages, tini, the node binary
# of node:20-bookworm-slim), Docker networking, volumes and the compose start order.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/dnb-image-sim.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
uid=10001
step() { printf '\n== %s\n' "$1"; }

command -v setpriv >/dev/null || { echo "setpriv (util-linux) is needed" >&2; exit 1; }
[[ "$(id -u)" == 0 ]] || { echo "run as root (the apps run as uid $uid, as in the image)" >&2; exit 1; }

step "build context (git-tracked and untracked-unignored files, minus .dockerignore's test/ .git)"
mkdir -p "$work/src"
(cd "$root" && git ls-files -co --exclude-standard -z | grep -zv '^test/' | xargs -0 -I{} cp --parents -a {} "$work/src/" 2>/dev/null || true)
want_npm="$(sed -n 's/^ARG NPM_VERSION=//p' "$root/Dockerfile.api")"
[[ "$(npm --version)" == "$want_npm" ]] || echo "note: local npm $(npm --version), the image uses $want_npm"

step "Dockerfile.api build stage: RUN steps after COPY --from=manifests"
# The RUN instructions of the build stage, continuation lines joined; the first one
# (apt-get + npm -g) is the toolchain, already on this host.
mapfile -d '' runs < <(awk '
  toupper($1) == "FROM" { stage = tolower($NF) }
  stage == "build" && /^RUN / { cmd = substr($0, 5); cont = /\\$/; if (!cont) { printf "%s%c", cmd, 0 } ; next }
  stage == "build" && cont { cmd = cmd "\n" $0; cont = /\\$/; if (!cont) printf "%s%c", cmd, 0 }
' "$root/Dockerfile.api")
for cmd in "${runs[@]:1}"; do
  cmd="${cmd//\/out/$work\/out}"
  # ALLOW_NPM_INSTALL=1: if `npm ci` refuses an out-of-sync lockfile, go on with
  # `npm install` (loudly) to check the rest; the real image build would stop there.
  if [[ "$cmd" == "npm ci" && "${ALLOW_NPM_INSTALL:-}" == 1 ]]; then
    cmd='npm ci || { echo "WARNING: npm ci failed (the image build would stop here); using npm install"; npm install; }'
  fi
  printf '$ %s\n' "$(head -n 1 <<<"$cmd")"
  (cd "$work/src" && npm_config_audit=false npm_config_fund=false sh -ec "$cmd")
done
du -sh "$work/out"

step "runtime file set as the image has it (/app), run as uid $uid"
mkdir -p "$work/app/deploy" "$work/data" "$work/bot-state" "$work/run-secrets"
cp -a "$work/out/." "$work/app/"
cp "$root/deploy/healthcheck.mjs" "$work/app/deploy/"
chown "$uid:$uid" "$work/data" "$work/bot-state"
chmod 0755 "$work" "$work/run-secrets"
SECRETS_DIR="$work/secrets" bash "$root/deploy/init-secrets.sh" >/dev/null
cp -p "$work/secrets/"* "$work/run-secrets/"
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
sim_port="$(free_port)"
control_port="$(free_port)"
api_port="$(free_port)"
as_app=(setpriv "--reuid=$uid" "--regid=$uid" --clear-groups)

(cd "$work/app" && exec env -i PATH=/usr/local/bin:/usr/bin:/bin NODE_ENV=production \
  SIM_HOST=127.0.0.1 SIM_PORT="$sim_port" SIM_CONTROL_HOST=127.0.0.1 SIM_CONTROL_PORT="$control_port" \
  SIM_ADMIN_KEY_FILE="$work/run-secrets/bot_admin_key" SIM_STATE_DB="$work/bot-state/state.db" \
  "${as_app[@]}" node apps/bot-sim/dist/main.js >"$work/sim.log" 2>&1) &
pids+=($!)
(cd "$work/app" && exec env -i PATH=/usr/local/bin:/usr/bin:/bin NODE_ENV=production \
  APP_ENV=production HOST=127.0.0.1 PORT="$api_port" DATA_DIR="$work/data" WEB_DIST_DIR="$work/app/apps/web/dist" \
  BOT_API_URL="http://127.0.0.1:$sim_port" BOT_ADMIN_KEY_FILE="$work/run-secrets/bot_admin_key" \
  JWT_SECRET_FILE="$work/run-secrets/jwt_secret" SECRETS_ENCRYPTION_KEY_FILE="$work/run-secrets/secrets_encryption_key" \
  BOT_STATE_DB="$work/bot-state/state.db" \
  "${as_app[@]}" node apps/api/dist/main.js >"$work/api.log" 2>&1) &
pids+=($!)

ok=1
wait_health() { # wait_health <name> <path> <port variable> <port>
  local i
  for i in $(seq 1 60); do
    if (cd "$work/app" && env "$3=$4" node deploy/healthcheck.mjs "$2" "$3" 2>/dev/null); then
      echo "  ok    $1: HEALTHCHECK (node deploy/healthcheck.mjs $2) passes"
      return 0
    fi
    sleep 0.5
  done
  echo "  FAIL  $1: HEALTHCHECK did not pass in 30 s"
  ok=0
}
wait_health bot-sim /health SIM_PORT "$sim_port"
wait_health api /api/v1/health PORT "$api_port"
health="$(curl -s "http://127.0.0.1:$api_port/api/v1/health" || true)"
echo "  api health: $health"
grep -q '"bot_api":{"status":"healthy"' <<<"$health" && echo "  ok    api reaches the simulator" || { echo "  FAIL  api does not see the simulator healthy"; ok=0; }
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api_port/" || true)"
[[ "$code" == 200 ]] && echo "  ok    api serves the SPA at /" || { echo "  FAIL  GET / answered $code"; ok=0; }
if [[ "$ok" != 1 ]]; then
  echo "--- api.log"; tail -n 20 "$work/api.log"; echo "--- sim.log"; tail -n 20 "$work/sim.log"
  exit 1
fi
echo "image simulation passed"
