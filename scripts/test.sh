#!/usr/bin/env bash
# The whole suite on the embedded SQLite database, then (when asked, as CI does) again on
# PostgreSQL. Tests of the PostgreSQL and Redis paths skip with a reason on a machine without
# those servers, and fail instead when SAFEPRACTICE_REQUIRE_SERVICES=1 (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
export SAFEPRACTICE_INSTANCE="${SAFEPRACTICE_INSTANCE:-$(mktemp -d)}"
export DJANGO_ALLOW_ASYNC_UNSAFE=true
echo "== SQLite"
env -u DATABASE_URL "$bin/pytest" "$@"
if [ "${SAFEPRACTICE_TEST_POSTGRES:-0}" = "1" ]; then
  echo "== PostgreSQL"
  DATABASE_URL="${SAFEPRACTICE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}" \
    "$bin/pytest" "$@"
fi
