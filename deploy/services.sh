#!/usr/bin/env bash
# PostgreSQL, Redis and nginx for `make cluster` and the cluster tests, on this machine.
#
# The project's machines (developers' and CI's) run PostgreSQL on 127.0.0.1:5432 (trust auth) and
# Redis on 127.0.0.1:6379 as services; this only checks them. Elsewhere, as root with apt-get, it
# installs Debian's packages and starts them on loopback (as it does for Chromium); otherwise it
# says what to install. nginx is only installed: `make cluster` starts its own on loopback.
#
# PostgreSQL's authentication is left as Debian installs it (a password over TCP, peer on the
# socket) unless the test harness asks otherwise: TRUST_LOOPBACK_POSTGRES=1 (set by the Makefile
# for test-integration, test-cluster and bench-cluster only) lets a cluster this script just
# installed accept loopback connections without a password, as on the project's test machines.
# Never set it on a server: docs/deploy.md uses a password.
set -euo pipefail

# A freshly installed cluster's pg_hba.conf files under $1 (/etc/postgresql): password-less
# loopback only when asked for.
loopback_auth() {
  if [ "${TRUST_LOOPBACK_POSTGRES:-}" != 1 ]; then
    echo "PostgreSQL keeps password authentication: give DATABASE_URL a user and password (docs/deploy.md)." >&2
    return 0
  fi
  echo "==> TRUST_LOOPBACK_POSTGRES=1 (test machine): loopback connections to PostgreSQL need no password"
  for hba in "$1"/*/main/pg_hba.conf; do
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  done
}
# Sourced (by tests/unit/test_deploy.py): the function only.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then return 0; fi

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
    loopback_auth /etc/postgresql
  fi
  can_install || { echo "PostgreSQL is installed but not running on 127.0.0.1:5432: start it." >&2; exit 1; }
  echo "==> Starting PostgreSQL on 127.0.0.1:5432"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
fi

for _ in $(seq 50); do port_open 5432 && port_open 6379 && break; sleep 0.2; done
port_open 5432 || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
port_open 6379 || { echo "Redis did not come up on 127.0.0.1:6379" >&2; exit 1; }
echo "PostgreSQL, Redis and nginx are ready."
