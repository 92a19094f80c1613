#!/usr/bin/env bash
# Runs a command against a throwaway OS keychain, so that the keychain tests use the real
# Secret Service (gnome-keyring through libsecret) without touching the developer's own:
#   - a private D-Bus session bus (dbus-run-session): nothing reaches the desktop's bus;
#   - gnome-keyring on that bus, unlocked with a fixed password, its files under a temporary
#     XDG_DATA_HOME and XDG_RUNTIME_DIR that are removed afterwards;
#   - VAULT_TEST_KEYRING=1, without which the keychain tests fail rather than skip.
# Usage: scripts/with-keyring.sh COMMAND [ARG...]    (`npm test` runs vitest through it)
# Exits with COMMAND's status. Prints nothing of its own unless the keychain cannot start.
set -euo pipefail

readonly INSTALL='apt-get install gnome-keyring dbus libsecret-1-0'

die() {
  echo "with-keyring: $*" >&2
  exit 2
}

[ "$#" -gt 0 ] || die "usage: $0 COMMAND [ARG...]"
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool not found. The keychain tests need a private D-Bus session and GNOME Keyring; install them with: sudo $INSTALL"
done

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/vault-keyring.XXXXXX")
# The daemon may still be flushing its files as it exits with the bus: retry once.
cleanup() { rm -rf "$keyring_home" 2>/dev/null || { sleep 0.2 && rm -rf "$keyring_home"; }; }
trap cleanup EXIT
# Without these, bash would die of the signal and skip the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 700 "$keyring_home/run"
readonly daemon_log="$keyring_home/daemons.log" ready_marker="$keyring_home/ready"
# Exported to dbus-daemon too, so a keyring it might activate by itself also lives in the temp dir.
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" VAULT_TEST_KEYRING=1
export WITH_KEYRING_READY="$ready_marker"

# Runs inside the private bus. `--unlock` creates and unlocks the login keyring from stdin;
# `--start` then waits until the secrets component owns its bus name (without it, the first
# client can race the daemon and D-Bus starts a second one). The command gets the original
# stderr back from fd 3; the daemons keep the log as theirs.
# shellcheck disable=SC2016 # expanded by the inner bash
inner='
  printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null 3>&- &&
    gnome-keyring-daemon --start --components=secrets >/dev/null 3>&- || exit 1
  : >"$WITH_KEYRING_READY"
  unset WITH_KEYRING_READY
  exec "$@" 2>&3 3>&-
'

status=0
# dbus-daemon writes its notices (e.g. "Failed to set fd limit") to its stderr: that goes to
# the log, which is shown only if the keychain failed to start.
dbus-run-session -- bash -c "$inner" with-keyring "$@" 3>&2 2>>"$daemon_log" || status=$?

if [ ! -e "$ready_marker" ]; then
  echo "with-keyring: could not start a private D-Bus session with an unlocked GNOME Keyring." >&2
  grep -v 'Failed to set fd limit' "$daemon_log" >&2 || true
  echo "with-keyring: if a package is missing: sudo $INSTALL" >&2
  exit $((status == 0 ? 1 : status))
fi
exit "$status"
