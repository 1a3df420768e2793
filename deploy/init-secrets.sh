#!/usr/bin/env bash
# Creates the Docker secrets docker-compose.yml expects, with random values, in
# deploy/secrets/ (or $SECRETS_DIR). Never overwrites a file that exists.
#
#   deploy/init-secrets.sh            # reads POSTGRES_USER / POSTGRES_DB from .env if set
#
# With the real bot, put the bot's admin API key in deploy/secrets/bot_admin_key (before or
# after running this; a generated one only suits the demo profile's simulator).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SECRETS_DIR:-$root/deploy/secrets}"

# The same defaults as docker-compose.yml; .env (if any) and the environment override them.
env_value() {
  local name="$1" default="$2" value=""
  if [[ -n "${!name:-}" ]]; then
    value="${!name}"
  elif [[ -f "$root/.env" ]]; then
    value="$(sed -n "s/^[[:space:]]*${name}[[:space:]]*=[[:space:]]*//p" "$root/.env" | tail -n 1 | tr -d '\r' | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/")"
  fi
  printf '%s' "${value:-$default}"
}

random_hex() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex 32
  else
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'
    echo
  fi
}

# Secret files: folder 0700 for the host, files 0444 so the containers' non-root user
# (uid 10001) can read its bind-mounted copy.
write_secret() {
  local name="$1" value="$2"
  if [[ -e "$dir/$name" ]]; then
    echo "kept     $dir/$name"
    return
  fi
  (umask 077 && printf '%s\n' "$value" >"$dir/$name")
  chmod 0444 "$dir/$name"
  echo "created  $dir/$name"
}

mkdir -p "$dir"
chmod 0700 "$dir"

user="$(env_value POSTGRES_USER dnb)"
db="$(env_value POSTGRES_DB dnb_control_center)"
if [[ ! "$user" =~ ^[A-Za-z0-9_]+$ || ! "$db" =~ ^[A-Za-z0-9_]+$ ]]; then
  echo "POSTGRES_USER and POSTGRES_DB must match [A-Za-z0-9_]+ (got '$user', '$db')" >&2
  exit 1
fi

if [[ -e "$dir/postgres_password" ]]; then
  password="$(head -n 1 "$dir/postgres_password")"
  echo "kept     $dir/postgres_password"
else
  password="$(random_hex)"
  write_secret postgres_password "$password"
fi
if [[ ! -e "$dir/database_url" && ! "$password" =~ ^[A-Za-z0-9._~-]+$ ]]; then
  echo "postgres_password has characters that need percent-encoding: write $dir/database_url yourself" >&2
  exit 1
fi
write_secret database_url "postgres://${user}:${password}@postgres:5432/${db}"
write_secret bot_admin_key "$(random_hex)"
write_secret jwt_secret "$(random_hex)"
write_secret secrets_encryption_key "$(random_hex)"

echo "Secrets are in $dir. With the real bot, bot_admin_key must hold the bot's admin API key."
