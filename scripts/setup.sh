#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh machine:
# Debian packages (when apt-get is there), then the exact npm dependencies,
# including Node 24 itself (the `node` devDependency every npm script runs on).
set -euo pipefail
cd "$(dirname "$0")/.."

# libsecret-1-dev: keytar builds against it. gnome-keyring, dbus, libsecret-tools: a
# throwaway OS keychain for the keychain tests. chromium: end-to-end tests drive the
# real renderer in it. xvfb, xauth: a display for Electron e2e runs where a binary exists.
# python3, make, g++, pkg-config: node-gyp, for keytar's native module.
# openssh-client: ssh-keygen, which the SSH key tests check our keys against.
# poppler-utils: pdftotext and pdftoppm, which read the Emergency Kit PDF back in its tests.
APT_PACKAGES=(libsecret-1-dev gnome-keyring dbus libsecret-tools chromium xvfb xauth python3 make g++ pkg-config openssh-client poppler-utils)
# postgresql, postgresql-15-pgtap, libtap-parser-sourcehandler-pgtap-perl (pg_prove): the
# Supabase-side tests run our migrations on a throwaway local cluster (scripts/postgres-test-cluster.sh).
APT_PACKAGES+=(postgresql postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl)

install_debian_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: Debian packages already installed"
    return
  fi
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

if command -v apt-get >/dev/null 2>&1; then
  install_debian_packages
else
  echo "setup: not a Debian system; install these yourself (or your OS's equivalents): ${APT_PACKAGES[*]}" >&2
fi

command -v npm >/dev/null 2>&1 || { echo "setup: npm is missing; install Node.js (any version with npm 10+) first" >&2; exit 1; }
npm ci --no-audit --no-fund
echo "setup: done. Node for npm scripts: $(npm exec -- node --version)"
