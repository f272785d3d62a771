#!/usr/bin/env bash
# Runs the whole suite twice: on the embedded SQLite database, then on a throwaway PostgreSQL
# cluster started here (initdb/pg_ctl into a temporary directory, loopback only).
set -euo pipefail
PY=${PY:-.venv/bin/python}
# Two workers (pytest-xdist) on 2 cores, about half the time of one; PYTEST_WORKERS=0 runs it in one process.
WORKERS=${PYTEST_WORKERS:-2}

echo "== capuy: bộ kiểm thử trên SQLite / test suite on SQLite =="
sqlite_status=0
env -u CAPUY_DATABASE_URL "$PY" -m pytest -q -n "$WORKERS" --durations=10 "$@" || sqlite_status=$?

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ]; then
  echo "PostgreSQL không có / not installed: run 'make system-deps'" >&2
  exit 1
fi
tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$tmp"
as_pg "$pgbin/initdb" -D "$tmp/data" -U capuy --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c log_min_duration_statement=2000 -c autovacuum=off" start >/dev/null
# autovacuum=off: a test fills tables inside its transaction; autovacuum, vacuuming the dead rows
# earlier tests rolled back, writes reltuples = 0 over them in place (rows still in progress are not
# counted), and the planner then nests loops over full scans — one roll-up test took over 10 minutes
# that way (0,4 s without the vacuum; reproduced by a VACUUM from a second connection mid-test).
cleanup() { as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

echo "== capuy: bộ kiểm thử trên PostgreSQL / test suite on PostgreSQL (port $port) =="
pg_status=0
# The PostgreSQL half runs the tests that reach the database (pytest-django's fixtures or the
# "database" mark; tests/conftest.py, CAPUY_TESTS_DATABASE_ONLY): the readers, the checker, the
# renderer and OCR — two thirds of the suite — never touch it, give the same result on either
# engine and run once, above. The browser tests (marker "browser", ~60 tests, 2–3 min) drive the
# pages through chromium; what they check does not depend on the database engine, and every
# database-specific path has tests of its own that run here. Both cuts keep CI well under its 30
# minutes as the suite grows; CAPUY_PG_ALL=1 runs the whole suite on PostgreSQL too.
pg_marks=(-m "not browser")
pg_env=(CAPUY_TESTS_DATABASE_ONLY=1)
if [ "${CAPUY_PG_ALL:-0}" = "1" ]; then pg_marks=(); pg_env=(CAPUY_TESTS_DATABASE_ONLY=0); fi
env "${pg_env[@]}" CAPUY_DATABASE_URL="postgresql://capuy@127.0.0.1:$port/postgres" "$PY" -m pytest -q -n "$WORKERS" --durations=10 "${pg_marks[@]}" "$@" || pg_status=$?

# Statements that took more than 2 s (log_min_duration_statement above): none is expected; when
# one test's queries once ran for minutes (a plan gone wrong), this is what names them.
slow=$(grep -c "duration: " "$tmp/server.log" 2>/dev/null || true); slow=${slow:-0}
echo "== PostgreSQL: câu lệnh chạy quá 2 giây / statements over 2 s: $slow =="
if [ "$slow" -gt 0 ]; then grep -A1 "duration: " "$tmp/server.log" | cut -c1-400 | head -n 40 || true; fi

# Both halves always run; the script fails if either failed (pytest's 5, "no tests", fails too).
echo "== SQLite: exit $sqlite_status, PostgreSQL: exit $pg_status =="
[ "$sqlite_status" -eq 0 ] && [ "$pg_status" -eq 0 ]
