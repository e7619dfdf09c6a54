#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium for the
# end-to-end tests, PostgreSQL for the database tests, CJK fonts so the Chinese and Japanese
# screens (and their screenshots) show characters, not boxes. Safe to run again; quiet when done.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
fc-list :lang=ja 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "Missing Debian packages: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)

echo "Installing ${missing[*]} from Debian (once per machine)…"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts a cluster on 5432 after installing; the tests run their own, so stop it.
"${as_root[@]}" service postgresql stop >/dev/null 2>&1 || true
