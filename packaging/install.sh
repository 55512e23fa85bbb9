#!/usr/bin/env bash
# Installs a published Qubes Pool Console (the folder this script is in, made by packaging/publish.sh) on dom0.
# Run as root in dom0:  sudo ./install.sh --user USER [--grant-etc-qubes]
#
#   /opt/qubes-pool-console/                    the self-contained build (root-owned, read-only for the service)
#   /etc/qubes-pool-console/appsettings.json    settings (written once, never overwritten)
#   /var/lib/qubes-pool-console/                state: history, lock, audit log, login token (USER:qubes, 0750)
#   /etc/systemd/user/qubes-pool-console.service        the user unit (+ .service.d/sandbox.conf on systemd >= 253)
#
# --grant-etc-qubes  makes /etc/qubes writable by group qubes (the safe save renames a temp file in that folder).
# --root DIR         installs under DIR instead of / (for tests and packaging); skips ownership changes and systemd.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="" user="" grant=no
while [ $# -gt 0 ]; do
  case "$1" in
    --user) user="$2"; shift 2 ;;
    --root) root="${2%/}"; shift 2 ;;
    --grant-etc-qubes) grant=yes; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$root" ]; then
  [ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo), or use --root DIR" >&2; exit 2; }
  [ -n "$user" ] || { echo "install.sh: name the dom0 user that runs the console: --user USER" >&2; exit 2; }
  id "$user" >/dev/null 2>&1 || { echo "install.sh: no user $user" >&2; exit 2; }
  id -nG "$user" | tr ' ' '\n' | grep -qx qubes || echo "warning: $user is not in group qubes; the console will not be able to write storage.conf" >&2
fi
[ -x "$here/QubesPoolConsole" ] || { echo "install.sh: $here/QubesPoolConsole missing: run packaging/publish.sh first" >&2; exit 2; }

opt="$root/opt/qubes-pool-console"
etc="$root/etc/qubes-pool-console"
state="$root/var/lib/qubes-pool-console"
units="$root/etc/systemd/user"

# The build: replace the previous one as a whole, so no stale assembly stays behind.
rm -rf "$opt.new"
mkdir -p "$opt.new"
cp -a "$here/." "$opt.new/"
rm -f "$opt.new/install.sh"
rm -rf "$opt"
mv "$opt.new" "$opt"
chmod -R u=rwX,go=rX "$opt"

mkdir -p "$etc"
if [ ! -e "$etc/appsettings.json" ]; then
  install -m 0644 "$here/appsettings.dom0.json" "$etc/appsettings.json"
else
  echo "kept $etc/appsettings.json (compare with $opt/appsettings.dom0.json)"
fi

mkdir -p "$state"
chmod 0750 "$state"

mkdir -p "$units"
install -m 0644 "$here/qubes-pool-console.service" "$units/qubes-pool-console.service"
systemd_version=$(systemctl --version 2>/dev/null | awk 'NR==1 {print $2}' || true)
if [ "${systemd_version:-0}" -ge 253 ] 2>/dev/null; then
  mkdir -p "$units/qubes-pool-console.service.d"
  install -m 0644 "$here/qubes-pool-console.service.d/sandbox.conf" "$units/qubes-pool-console.service.d/sandbox.conf"
else
  echo "systemd ${systemd_version:-unknown} < 253: the file-system sandbox drop-in is not installed (a user unit cannot apply it)."
fi

if [ -z "$root" ]; then
  chown -R root:root "$opt"
  chown "$user:qubes" "$state"
  if [ "$grant" = yes ]; then
    chgrp qubes /etc/qubes && chmod g+w /etc/qubes
  elif ! sudo -u "$user" test -w /etc/qubes 2>/dev/null; then
    echo "note: /etc/qubes is not writable by $user: saving storage.conf will fail until you run"
    echo "      chgrp qubes /etc/qubes && chmod g+w /etc/qubes   (or rerun with --grant-etc-qubes)"
  fi
  echo "installed. As $user:  systemctl --user daemon-reload && systemctl --user enable --now qubes-pool-console"
  echo "then:  journalctl --user -u qubes-pool-console   shows the login URL and the token file."
else
  echo "installed under $root"
fi
