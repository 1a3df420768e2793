#!/usr/bin/env bash
# Offline validation of the deployment files (no Docker engine needed); exits non-zero on
# any problem. Called by CI through `npm run check:deploy`.
#
#   docker-compose.yml   `config -q` with dummy values for the required variables, with and
#                        without the demo profile and with deploy/compose.real-bot.example.yml;
#                        each required variable really is required; then the resolved file:
#                        only `web` publishes ports (never the bot/simulator or postgres),
#                        internal networks, health-gated start order, secrets as files, no
#                        literal passwords, build targets that exist
#   Caddyfile            `caddy validate` (public domain and loopback test settings),
#                        `caddy fmt` clean, and the adapted JSON: security headers, CSP without
#                        'unsafe-inline', HSTS only over TLS, X-Real-IP, Server removed,
#                        admin off
#   Dockerfile.*         what hadolint is not here to check: non-root USER and HEALTHCHECK in
#                        the runtime stages, COPY sources exist, pinned bases, Node version =
#                        .nvmrc, compose targets exist
#   .dockerignore, .env.example, deploy/secrets, deploy/*.sh|*.mjs   as described below
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
failures=0
checks=0

pass() {
  checks=$((checks + 1))
  printf '  ok    %s\n' "$1"
}
fail() {
  checks=$((checks + 1))
  failures=$((failures + 1))
  printf '  FAIL  %s\n' "$1"
  if [[ -n "${2:-}" ]]; then printf '%s\n' "$2" | sed 's/^/        /'; fi
}
section() { printf '\n== %s\n' "$1"; }
# Counts the "  ok"/"  FAIL" lines a node checker printed; a crash counts as a failure.
tally() { # tally <exit code> <output>
  printf '%s\n' "$2"
  local ok bad
  ok="$(grep -c '^  ok ' <<<"$2")"
  bad="$(grep -c '^  FAIL' <<<"$2")"
  checks=$((checks + ok + bad))
  failures=$((failures + bad))
  if [[ "$1" -ne 0 && "$bad" -eq 0 ]]; then fail "checker exited with $1"; fi
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# --- tools -----------------------------------------------------------------------------------
section "tools"
COMPOSE=()
COMPOSE_NAME=""
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
  COMPOSE_NAME="docker compose $(docker compose version --short 2>/dev/null)"
elif command -v docker-compose >/dev/null 2>&1; then
  COMPOSE=(docker-compose)
  COMPOSE_NAME="$(docker-compose version --short 2>/dev/null || docker-compose --version)"
  COMPOSE_NAME="docker-compose ${COMPOSE_NAME}"
fi
if [[ ${#COMPOSE[@]} -gt 0 ]]; then pass "compose: $COMPOSE_NAME"; else fail "neither 'docker compose' nor docker-compose is installed (apt-get install docker-compose)"; fi
if command -v caddy >/dev/null 2>&1; then pass "caddy $(caddy version 2>/dev/null | head -n 1)"; else fail "caddy is not installed (apt-get install caddy)"; fi
if command -v node >/dev/null 2>&1; then pass "node $(node --version)"; else fail "node is not installed"; fi

# YAML -> JSON: the repo's `yaml` package, or PyYAML (a dependency of docker-compose 1.x).
yaml_to_json() {
  if node -e "require(require('node:module').createRequire('$ROOT/package.json').resolve('yaml'))" >/dev/null 2>&1; then
    node -e "
      const { createRequire } = require('node:module');
      const YAML = createRequire('$ROOT/package.json')('yaml');
      const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
      process.stdout.write(JSON.stringify(YAML.parse(text, { merge: true })));
    " "$1"
  else
    python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))' "$1"
  fi
}

# --- docker-compose.yml --------------------------------------------------------------------------
section "docker-compose.yml"
SECRETS="$TMP/secrets"
mkdir -p "$SECRETS"
# One dummy file per secret the compose file declares (file: ${SECRETS_DIR...}/<name>).
for name in $(grep -oE 'SECRETS_DIR:-[^}]*\}/[A-Za-z0-9_.-]+' docker-compose.yml | sed 's#.*}/##' | sort -u); do
  printf 'dummy-not-a-secret-0000000000000000\n' >"$SECRETS/$name"
done
: >"$TMP/empty.env"
# Hermetic: only these variables, never the developer's .env or shell.
REQUIRED_VARS=(DASHBOARD_DOMAIN ACME_EMAIL BOT_API_URL)
DUMMY_ENV=(
  "PATH=$PATH" "HOME=$TMP"
  "SECRETS_DIR=$SECRETS"
  "DASHBOARD_DOMAIN=dashboard.example.com"
  "ACME_EMAIL=ops@example.com"
  "BOT_API_URL=http://bot:8000"
  "BOT_NETWORK=bot-project_bot-network"
  "BOT_DATA_VOLUME=bot-project_bot-data"
)
compose() { # compose <env-overrides...> -- <compose args...>
  local env=("${DUMMY_ENV[@]}")
  while [[ $# -gt 0 && "$1" != "--" ]]; do env+=("$1"); shift; done
  shift
  env -i "${env[@]}" "${COMPOSE[@]}" --env-file "$TMP/empty.env" --project-directory "$ROOT" -p dnb-check "$@"
}
without() { # prints DUMMY_ENV without variable $1
  local v
  for v in "${DUMMY_ENV[@]}"; do [[ "$v" == "$1="* ]] || printf '%s\n' "$v"; done
}

if [[ ${#COMPOSE[@]} -gt 0 ]]; then
  for variant in "default" "demo" "real-bot"; do
    case "$variant" in
      default) args=(-f docker-compose.yml) ;;
      demo) args=(-f docker-compose.yml --profile demo) ;;
      real-bot) args=(-f docker-compose.yml -f deploy/compose.real-bot.example.yml) ;;
    esac
    if out="$(compose -- "${args[@]}" config -q 2>&1)"; then
      pass "config -q ($variant)"
    else
      fail "config -q ($variant)" "$out"
    fi
  done
  # docker-compose 1.x also takes COMPOSE_PROFILES; both ways must give the simulator.
  if services="$(compose COMPOSE_PROFILES=demo -- -f docker-compose.yml config --services 2>&1)" && grep -qx 'bot-sim' <<<"$services"; then
    pass "COMPOSE_PROFILES=demo includes bot-sim"
  else
    fail "COMPOSE_PROFILES=demo does not include bot-sim" "$services"
  fi
  if services="$(compose -- -f docker-compose.yml config --services 2>&1)"; then
    if [[ "${COMPOSE[0]}" == "docker" ]] && grep -qx 'bot-sim' <<<"$services"; then
      fail "bot-sim is started without the demo profile" "$services"
    else
      pass "services: $(tr '\n' ' ' <<<"$services")"
    fi
  fi
  for var in "${REQUIRED_VARS[@]}"; do
    mapfile -t env_without < <(without "$var")
    if out="$(env -i "${env_without[@]}" "${COMPOSE[@]}" --env-file "$TMP/empty.env" --project-directory "$ROOT" -p dnb-check -f docker-compose.yml config -q 2>&1)"; then
      fail "$var is not required: config succeeded without it"
    elif grep -q "$var" <<<"$out"; then
      pass "$var is required (the error names it)"
    else
      fail "$var missing: config failed without naming it" "$out"
    fi
  done

  if compose -- -f docker-compose.yml --profile demo config >"$TMP/compose.yml" 2>"$TMP/compose.err" &&
    yaml_to_json "$TMP/compose.yml" >"$TMP/compose.json" 2>>"$TMP/compose.err"; then
    pass "resolved configuration (demo profile) parsed"
    out="$(node - "$TMP/compose.json" "$ROOT" 2>&1 <<'NODE'

const fs = require('node:fs');
const path = require('node:path');
const [file, root] = process.argv.slice(2);
const cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
const services = cfg.services ?? {};
let bad = 0;
const check = (ok, what, detail) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${!ok && detail ? `\n        ${detail}` : ''}`);
  if (!ok) bad += 1;
};
const envOf = (s) => {
  const e = s.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
  return e;
};
const networksOf = (s) => (Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? { default: null }));
const isInternal = (n) => cfg.networks?.[n]?.internal === true;
const dependsOn = (s, name) => {
  const d = s.depends_on;
  if (!d || Array.isArray(d)) return undefined;
  return d[name]?.condition;
};

for (const name of ['api', 'web', 'postgres', 'bot-sim']) check(Boolean(services[name]), `service ${name} exists`);

// Ports: only the public entry point publishes anything.
const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0).map(([n]) => n);
check(published.length === 1 && published[0] === 'web', 'only web publishes ports', `published by: ${published.join(', ')}`);
const webPorts = JSON.stringify(services.web?.ports ?? []);
check(/"?80"?/.test(webPorts) && /443/.test(webPorts), 'web publishes 80 and 443', webPorts);
for (const name of ['bot-sim', 'postgres', 'api']) {
  check(!services[name]?.ports, `${name} has no published ports`);
}

// The simulator: demo profile only, internal network only, control surface on loopback.
const sim = services['bot-sim'] ?? {};
check(JSON.stringify(sim.profiles) === '["demo"]', 'bot-sim is in the demo profile only', JSON.stringify(sim.profiles));
check(networksOf(sim).every(isInternal), 'bot-sim is on internal networks only', JSON.stringify(networksOf(sim)));
const simEnv = envOf(sim);
check(['127.0.0.1', '::1', 'localhost'].includes(simEnv.SIM_CONTROL_HOST), 'bot-sim control surface listens on loopback', simEnv.SIM_CONTROL_HOST);
check(simEnv.SIM_HOST === '0.0.0.0', 'bot-sim listens on 0.0.0.0 inside its container');
check(Boolean(simEnv.SIM_ADMIN_KEY_FILE) && !simEnv.SIM_ADMIN_KEY, 'bot-sim admin key from a secret file');

// PostgreSQL: internal only, pg_isready health check, persistent volume, password from a file.
const pg = services.postgres ?? {};
check(/^postgres:1[56]([.-]|$)/.test(pg.image ?? ''), 'postgres is PostgreSQL 15 or 16', pg.image);
check(networksOf(pg).every(isInternal), 'postgres is on internal networks only', JSON.stringify(networksOf(pg)));
check(JSON.stringify(pg.healthcheck?.test ?? '').includes('pg_isready'), 'postgres health check uses pg_isready');
check((pg.volumes ?? []).some((v) => String(typeof v === 'string' ? v : v.target).includes('/var/lib/postgresql/data')), 'postgres data on a volume');
const pgEnv = envOf(pg);
check(Boolean(pgEnv.POSTGRES_PASSWORD_FILE) && !pgEnv.POSTGRES_PASSWORD, 'postgres password from a secret file');

// API: production settings, secrets as files, health-gated start, bot state read-only.
const api = services.api ?? {};
const apiEnv = envOf(api);
check(apiEnv.HOST === '0.0.0.0' && apiEnv.APP_ENV === 'production', 'api: HOST=0.0.0.0, APP_ENV=production');
check(Boolean(apiEnv.DATABASE_URL_FILE) || /^postgres(ql)?:\/\/[^/]*@?postgres[:/]/.test(apiEnv.DATABASE_URL ?? ''), 'api: DATABASE_URL(_FILE) for postgres');
check(Boolean(apiEnv.BOT_ADMIN_KEY_FILE) && !apiEnv.BOT_ADMIN_KEY, 'api: bot admin key from a secret file');
check(/^https?:\/\//.test(apiEnv.BOT_API_URL ?? ''), 'api: BOT_API_URL set', apiEnv.BOT_API_URL);
check(dependsOn(api, 'postgres') === 'service_healthy', 'api waits for postgres to be healthy');
check(dependsOn(services.web ?? {}, 'api') === 'service_healthy', 'web waits for the api to be healthy');
const stateMount = (api.volumes ?? []).find((v) => (typeof v === 'string' ? v : v.target ?? '').includes('/app/bot-state'));
check(
  stateMount !== undefined && (typeof stateMount === 'string' ? /:ro$/.test(stateMount) : stateMount.read_only === true),
  'api mounts the bot state read-only',
  JSON.stringify(stateMount),
);
check(networksOf(api).some(isInternal) && networksOf(api).some((n) => !isInternal(n)), 'api on the internal backend and the edge network');
check(networksOf(services.web ?? {}).every((n) => !isInternal(n)), 'web is on the edge network');

// Secrets: every one a service uses is declared; no literal secret values anywhere.
for (const [name, s] of Object.entries(services)) {
  for (const ref of s.secrets ?? []) {
    const src = typeof ref === 'string' ? ref : ref.source;
    check(Boolean(cfg.secrets?.[src]?.file), `${name}: secret ${src} is declared as a file`);
  }
  for (const [key, value] of Object.entries(envOf(s))) {
    if (/(PASSWORD|SECRET|TOKEN|_KEY)$/.test(key) && value !== '' && value !== null && value !== undefined) {
      check(false, `${name}: ${key} has a literal value (use a secret file, ${key}_FILE)`);
    }
  }
}

// Build targets exist in their Dockerfiles.
for (const [name, s] of Object.entries(services)) {
  if (!s.build) continue;
  const dockerfile = path.join(typeof s.build === 'string' ? s.build : s.build.context ?? root, s.build.dockerfile ?? 'Dockerfile');
  const text = fs.existsSync(dockerfile) ? fs.readFileSync(dockerfile, 'utf8') : '';
  check(text !== '', `${name}: ${path.relative(root, dockerfile)} exists`);
  if (s.build.target) {
    check(new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${s.build.target}\\s*$`, 'mi').test(text), `${name}: target ${s.build.target} exists in ${path.basename(dockerfile)}`);
  }
}
process.exit(bad > 0 ? 1 : 0);
NODE
)"
    tally $? "$out"
  else
    fail "could not resolve the demo configuration" "$(cat "$TMP/compose.err")"
  fi
fi

# The plain-text guard the issue asks for: no `ports:` in the bot-sim service block at all.
sim_block="$(awk '/^  bot-sim:/{on=1; next} on && /^  [A-Za-z0-9_-]+:/{on=0} /^[A-Za-z]/{on=0} on' docker-compose.yml)"
if [[ -z "$sim_block" ]]; then
  fail "grep: no bot-sim service block found in docker-compose.yml"
elif grep -Eq '^[[:space:]]+ports:' <<<"$sim_block"; then
  fail "grep: the bot-sim service has a ports: section (the bot's port must never be published)"
else
  pass "grep: the bot-sim service has no ports: section"
fi
if grep -Eq '^[[:space:]]+-[[:space:]]*["'"'"']?[0-9.:]*800[01]:' docker-compose.yml deploy/*.yml 2>/dev/null; then
  fail "grep: a port mapping publishes 8000/8001 (the bot's ports)"
else
  pass "grep: no port mapping publishes 8000/8001"
fi

# --- Caddyfile -----------------------------------------------------------------------------------
section "Caddyfile"
caddy_env=(env "XDG_DATA_HOME=$TMP/caddy-data" "XDG_CONFIG_HOME=$TMP/caddy-config" "HOME=$TMP" "ACME_EMAIL=ops@example.com")
if command -v caddy >/dev/null 2>&1; then
  for site in "dashboard.example.com" "http://127.0.0.1:18080"; do
    if out="$("${caddy_env[@]}" DASHBOARD_DOMAIN="$site" API_UPSTREAM=127.0.0.1:18081 caddy validate --adapter caddyfile --config Caddyfile 2>&1)"; then
      pass "caddy validate (DASHBOARD_DOMAIN=$site)"
    else
      fail "caddy validate (DASHBOARD_DOMAIN=$site)" "$(grep -v '"level":"info"' <<<"$out")"
    fi
  done
  if formatted="$(caddy fmt Caddyfile 2>/dev/null)" && [[ "$formatted" == "$(cat Caddyfile)" ]]; then
    pass "caddy fmt: no changes"
  else
    fail "caddy fmt would change the Caddyfile (run: caddy fmt --overwrite Caddyfile)" "$(caddy fmt --diff Caddyfile 2>/dev/null | grep -E '^[-+]' | head -n 20)"
  fi
  if "${caddy_env[@]}" DASHBOARD_DOMAIN=dashboard.example.com caddy adapt --adapter caddyfile --config Caddyfile >"$TMP/caddy.json" 2>"$TMP/caddy.err"; then
    out="$(node - "$TMP/caddy.json" 2>&1 <<'NODE'

const cfg = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
const check = (ok, what, detail) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${!ok && detail ? `\n        ${detail}` : ''}`);
  if (!ok) bad += 1;
};
// Every handler with its chain of matchers, depth first.
const handlers = [];
const walk = (routes, matchers) => {
  for (const route of routes ?? []) {
    const m = [...matchers, ...(route.match ?? [])];
    for (const h of route.handle ?? []) {
      handlers.push({ h, m });
      if (h.routes) walk(h.routes, m);
    }
  }
};
const servers = Object.values(cfg.apps?.http?.servers ?? {});
for (const s of servers) walk(s.routes, []);
const headerSets = handlers.filter(({ h }) => h.handler === 'headers' && h.response);
const setHeader = (name) => headerSets.find(({ h }) => h.response.set?.[name]);
const value = (name) => setHeader(name)?.h.response.set[name].join(', ');

check(cfg.admin?.disabled === true, 'admin endpoint off');
check(servers.some((s) => (s.listen ?? []).includes(':443')), 'automatic HTTPS for the domain (listens on :443)');
check(value('X-Content-Type-Options') === 'nosniff', 'X-Content-Type-Options: nosniff');
check(value('X-Frame-Options') === 'DENY', 'X-Frame-Options: DENY');
check(Boolean(value('Referrer-Policy')), `Referrer-Policy: ${value('Referrer-Policy')}`);
// CSP: every policy strict for scripts; inline styles only for Swagger UI (/api/docs).
const csps = headerSets.filter(({ h }) => h.response.set?.['Content-Security-Policy']);
const cspText = ({ h }) => h.response.set['Content-Security-Policy'].join(', ');
const scriptSrc = (csp) => (/script-src ([^;]*)/.exec(csp) ?? [, /default-src ([^;]*)/.exec(csp)?.[1] ?? ''])[1];
check(csps.length > 0, 'Content-Security-Policy set');
for (const entry of csps) {
  const csp = cspText(entry);
  const docsOnly = entry.m.some((m) => m.path && m.path.every((p) => p.startsWith('/api/docs')));
  const where = docsOnly ? '(Swagger UI)' : '(site)';
  check(/default-src 'self'/.test(csp) && /frame-ancestors 'none'/.test(csp), `CSP ${where}: default-src 'self', frame-ancestors 'none'`, csp);
  check(!/unsafe-inline|unsafe-eval|\*/.test(scriptSrc(csp)), `CSP ${where}: scripts only from 'self'`, csp);
  if (!docsOnly) check(!/unsafe-inline|unsafe-eval/.test(csp), `CSP ${where}: nothing inline`, csp);
}
const hsts = setHeader('Strict-Transport-Security');
check(Boolean(hsts) && hsts.m.some((m) => JSON.stringify(m.protocol) === '"https"'), 'HSTS only on requests over TLS', JSON.stringify(hsts?.m));
check(headerSets.some(({ h }) => (h.response.delete ?? []).includes('Server') && h.response.deferred), 'Server header removed (deferred)');
const proxies = handlers.filter(({ h }) => h.handler === 'reverse_proxy');
check(proxies.length > 0, 'reverse_proxy present');
check(proxies.every(({ h }) => (h.headers?.request?.set?.['X-Real-Ip'] ?? []).join() === '{http.request.remote.host}'), 'X-Real-IP set to the peer address');
check(proxies.every(({ h }) => (h.upstreams ?? []).some((u) => u.dial === 'api:8080')), 'default upstream api:8080');
const paths = proxies.flatMap(({ m }) => m.flatMap((x) => x.path ?? []));
check(paths.includes('/api/*') && paths.includes('/ws/*'), 'proxies /api/* and /ws/*', paths.join(' '));
process.exit(bad > 0 ? 1 : 0);
NODE
)"
    tally $? "$out"
  else
    fail "caddy adapt" "$(cat "$TMP/caddy.err")"
  fi
fi

# --- Dockerfiles -----------------------------------------------------------------------------------
section "Dockerfiles (static checks; hadolint is not available)"
nvm_major="$(tr -dc '0-9.' <.nvmrc | cut -d. -f1)"
for df in Dockerfile.api Dockerfile.web; do
  if [[ ! -f "$df" ]]; then
    fail "$df missing"
    continue
  fi
  node_version="$(sed -n 's/^ARG NODE_VERSION=//p' "$df" | head -n 1)"
  if [[ -n "$node_version" && "${node_version%%.*}" == "$nvm_major" ]]; then
    pass "$df: Node $node_version matches .nvmrc ($nvm_major)"
  else
    fail "$df: ARG NODE_VERSION=$node_version does not match .nvmrc ($nvm_major)"
  fi
  # Base images (not earlier stages), with ARG defaults substituted: a tag, never :latest.
  unpinned="$(awk '
    toupper($1) == "ARG" && index($2, "=") { split($2, kv, "="); arg[kv[1]] = kv[2] }
    toupper($1) == "FROM" {
      image = $2
      while (match(image, /\$\{[A-Za-z0-9_]+\}/)) {
        name = substr(image, RSTART + 2, RLENGTH - 3)
        image = substr(image, 1, RSTART - 1) arg[name] substr(image, RSTART + RLENGTH)
      }
      if (!(image in stage) && (image !~ /:[^\/]+$/ || image ~ /:latest$/)) print image
      if (toupper($(NF - 1)) == "AS") stage[$NF] = 1
    }' "$df")"
  if [[ -n "$unpinned" ]]; then
    fail "$df: base image without a pinned tag (or :latest): $unpinned"
  else
    pass "$df: base images have explicit tags ($(awk 'toupper($1) == "FROM" { print $2 }' "$df" | sort -u | tr '\n' ' '))"
  fi
  if grep -Eq '^ADD\s+https?://' "$df"; then fail "$df: ADD of a URL"; else pass "$df: no ADD of remote URLs"; fi
  # COPY sources from the build context must exist and not be excluded by .dockerignore.
  missing=""
  while read -r src; do
    [[ "$src" == "." ]] && continue
    [[ -e "$src" ]] || missing+="$src "
    if grep -Eqx "${src%/}/?" .dockerignore; then missing+="$src(ignored) "; fi
  done < <(grep -E '^COPY\s' "$df" | grep -v -- '--from=' | sed -E 's/^COPY\s+(--[a-z]+=\S+\s+)*//' | awk '{ for (i = 1; i < NF; i++) print $i }')
  if [[ -z "$missing" ]]; then pass "$df: COPY sources exist in the build context"; else fail "$df: COPY sources missing: $missing"; fi
done

# Runtime stages of Dockerfile.api: non-root USER and a HEALTHCHECK in each.
for stage in api bot-sim; do
  block="$(awk -v s="$stage" 'toupper($1) == "FROM" { on = (tolower($NF) == s) } on' Dockerfile.api)"
  user="$(grep -E '^USER\s' <<<"$block" | tail -n 1 | awk '{print $2}')"
  if [[ -n "$user" && "$user" != "root" && "$user" != "0" && "$user" != 0:* ]]; then pass "Dockerfile.api $stage: runs as USER $user"; else fail "Dockerfile.api $stage: no non-root USER"; fi
  if grep -Eq '^HEALTHCHECK\s' <<<"$block"; then pass "Dockerfile.api $stage: HEALTHCHECK"; else fail "Dockerfile.api $stage: no HEALTHCHECK"; fi
done
if grep -q 'npm prune --omit=dev\|npm ci --omit=dev' Dockerfile.api; then pass "Dockerfile.api: production dependencies only in the runtime"; else fail "Dockerfile.api: no npm prune/ci --omit=dev"; fi
if grep -Eq '^FROM\s+\$\{CADDY_IMAGE\}|^FROM\s+caddy:2' Dockerfile.web && grep -Eq '^ARG CADDY_IMAGE=caddy:2' Dockerfile.web; then
  pass "Dockerfile.web: served by the official caddy:2 image"
else
  fail "Dockerfile.web: not based on caddy:2"
fi

# --- .dockerignore, .env.example, secrets, helper scripts -----------------------------------------------
section "other files"
for pattern in '**/node_modules' '.env' 'deploy/secrets' '.git'; do
  if grep -Fqx -- "$pattern" .dockerignore; then pass ".dockerignore excludes $pattern"; else fail ".dockerignore does not exclude $pattern"; fi
done

# Every variable docker-compose.yml interpolates is documented in .env.example
# (SECRETS_DIR is a test hook; COMPOSE_PROFILES is compose's own).
undocumented=""
for var in $(cat docker-compose.yml deploy/*.yml | grep -Ev '^[[:space:]]*#' | grep -oE '\$\{[A-Z_][A-Z0-9_]*' | sed 's/^\${//' | sort -u); do
  [[ "$var" == "SECRETS_DIR" ]] && continue
  grep -Eq "^#?[[:space:]]*${var}=" .env.example || undocumented+="$var "
done
if [[ -z "$undocumented" ]]; then pass ".env.example documents every compose variable"; else fail ".env.example lacks: $undocumented"; fi
if grep -Eq '^[A-Z_]*(PASSWORD|SECRET|TOKEN|_KEY)=.+' .env.example; then
  fail ".env.example holds a secret value (secrets are files in deploy/secrets/)"
else
  pass ".env.example holds no secret values"
fi

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  tracked="$(git ls-files deploy/secrets | grep -Ev '^deploy/secrets/(README\.md|\.gitignore)$' || true)"
  if [[ -z "$tracked" ]]; then pass "no secret file is tracked in deploy/secrets/"; else fail "secret files tracked by git: $tracked"; fi
  if git check-ignore -q deploy/secrets/bot_admin_key; then pass "deploy/secrets/* is git-ignored"; else fail "deploy/secrets/bot_admin_key would not be git-ignored"; fi
fi

for sh in scripts/check-deploy-files.sh deploy/*.sh; do
  if bash -n "$sh" 2>"$TMP/sh.err"; then pass "bash -n $sh"; else fail "bash -n $sh" "$(cat "$TMP/sh.err")"; fi
done
if command -v shellcheck >/dev/null 2>&1; then
  if out="$(shellcheck scripts/check-deploy-files.sh deploy/*.sh 2>&1)"; then pass "shellcheck"; else fail "shellcheck" "$out"; fi
fi
if node --check deploy/healthcheck.mjs 2>"$TMP/node.err"; then pass "node --check deploy/healthcheck.mjs"; else fail "node --check deploy/healthcheck.mjs" "$(cat "$TMP/node.err")"; fi
# The secrets helper makes a consistent set (database_url carries postgres_password).
if SECRETS_DIR="$TMP/init-secrets" POSTGRES_USER=u POSTGRES_DB=d bash deploy/init-secrets.sh >/dev/null 2>&1 &&
  [[ "$(cat "$TMP/init-secrets/database_url")" == "postgres://u:$(cat "$TMP/init-secrets/postgres_password")@postgres:5432/d" ]]; then
  pass "deploy/init-secrets.sh writes a consistent set"
else
  fail "deploy/init-secrets.sh"
fi

# --- not checkable here ------------------------------------------------------------------------------
printf '\nNot checked (no Docker engine here): image builds, container start-up, health checks\n'
printf 'inside containers, volume permissions, ACME certificate issuance.\n'

printf '\n%d checks, %d failed\n' "$checks" "$failures"
[[ "$failures" -eq 0 ]]
