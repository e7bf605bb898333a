#!/usr/bin/env bash
# Makes sure the services the server tests use are up: PostgreSQL on 127.0.0.1:5432 (trust auth, database
# `test`) and Redis on 127.0.0.1:6379, or those named by TEST_DATABASE_URL / TEST_REDIS_URL. A local service that
# is installed but stopped is started; one that cannot be reached is named, and the tests are not run without it.
set -euo pipefail

reachable() {
  local host=$1 port=$2
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# host and port of a URL such as postgres://user@host:port/db
host_port() {
  local rest=${1#*://}
  rest=${rest#*@}
  rest=${rest%%/*}
  echo "${rest%%:*} ${rest##*:}"
}

wait_for() {
  local name=$1 host=$2 port=$3
  for _ in $(seq 1 30); do
    reachable "$host" "$port" && return 0
    sleep 1
  done
  echo "services: $name is not reachable on $host:$port" >&2
  return 1
}

read -r pg_host pg_port <<<"$(host_port "${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}")"
read -r redis_host redis_port <<<"$(host_port "${TEST_REDIS_URL:-redis://127.0.0.1:6379}")"

if ! reachable "$pg_host" "$pg_port"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  wait_for PostgreSQL "$pg_host" "$pg_port" || {
    echo "services: install and start PostgreSQL (trust auth, database test) or set TEST_DATABASE_URL" >&2
    exit 1
  }
fi

if ! reachable "$redis_host" "$redis_port"; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "services: starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no || true
  fi
  wait_for Redis "$redis_host" "$redis_port" || {
    echo "services: install and start Redis or set TEST_REDIS_URL" >&2
    exit 1
  }
fi

echo "services: PostgreSQL on $pg_host:$pg_port and Redis on $redis_host:$redis_port are up"
