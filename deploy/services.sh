#!/usr/bin/env bash
# PostgreSQL, Redis and nginx for `make cluster` and the cluster tests, on this machine.
#
# The project's machines (developers' and CI's) run PostgreSQL on 127.0.0.1:5432 (trust auth) and
# Redis on 127.0.0.1:6379 as services; this only checks them. Elsewhere, as root with apt-get, it
# installs Debian's packages and starts them on loopback (as it does for Chromium); otherwise it
# says what to install. nginx is only installed: `make cluster` starts its own on loopback.
set -euo pipefail

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
updated=""
install() {
  if ! can_install; then
    echo "Missing: $*. Install them (Debian/Ubuntu: sudo apt-get install $*) and start them on 127.0.0.1." >&2
    exit 1
  fi
  [ -n "$updated" ] || { apt-get update -qq; updated=1; }
  echo "==> Installing $* (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || install nginx

if ! port_open 6379; then
  command -v redis-server >/dev/null || install redis-server
  echo "==> Starting Redis on 127.0.0.1:6379 (nothing kept on disk)"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi

if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    install postgresql
    # A fresh cluster on a test machine: loopback connections need no password, as on ours.
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
      sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    done
  fi
  can_install || { echo "PostgreSQL is installed but not running on 127.0.0.1:5432: start it." >&2; exit 1; }
  echo "==> Starting PostgreSQL on 127.0.0.1:5432"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
fi

for _ in $(seq 50); do port_open 5432 && port_open 6379 && break; sleep 0.2; done
port_open 5432 || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
port_open 6379 || { echo "Redis did not come up on 127.0.0.1:6379" >&2; exit 1; }
echo "PostgreSQL, Redis and nginx are ready."
