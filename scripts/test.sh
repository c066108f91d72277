#!/usr/bin/env bash
# Runs every test of the workspace against a real PostgreSQL and Redis (started or installed
# when missing). Each test makes its own database or Redis key prefix, so they run in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_services
ensure_audio_tools
ensure_browser_tools
ensure_caddy || log "no Caddy: the TLS front test will say it was skipped"
ensure_whisper_model
ensure_ical_reference
# Tests create their own databases from this server-level URL.
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
export REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
log "cargo test --workspace"
cargo test --workspace "$@"
# The queue protocol suite again, on a local three-primary Redis Cluster the script starts and
# stops (the same test binary: nothing is rebuilt). Only for a whole run, not a filtered one.
if [[ $# -eq 0 ]]; then
    scripts/test-redis-cluster.sh
fi
