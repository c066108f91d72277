#!/usr/bin/env bash
# Brings the fleet up on this machine (no Docker needed) and shows it working: PostgreSQL and
# Redis (started or installed when missing), the database and its migrations, the demo data,
# the ingress, two worker replicas (schedules included), then a guest conversation played
# through signed webhooks, on WhatsApp and by email. SANDBOX=1 unless .env says otherwise: the
# Graph API, Mailgun and Mercado Pago are local fakes served by the ingress, so the real clients
# run without accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_services
ensure_caddy || log "no Caddy: the fleet runs without its TLS front"
load_env
ensure_whisper_model

export SANDBOX="${SANDBOX:-1}"
# fleetctl migrates and seeds as the owner; the ingress and workers connect as the application
# role the migrations make (fleet_app: no superuser, so PostgreSQL's reserved connections stay
# free for operators).
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/fleet"
  APP_DATABASE_URL="${APP_DATABASE_URL:-postgres://fleet_app@127.0.0.1:5432/fleet}"
fi
APP_DATABASE_URL="${APP_DATABASE_URL:-$DATABASE_URL}"
export FLEET_WORKER_REPLICAS="${FLEET_WORKER_REPLICAS:-2}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export FLEET_REDIS_PREFIX="${FLEET_REDIS_PREFIX:-fleet}"
export INGRESS_ADDR="${INGRESS_ADDR:-127.0.0.1:8080}"
if [ "$SANDBOX" = 1 ]; then
  export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-sandbox-app-secret}"
  export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-sandbox-verify-token}"
  export WHATSAPP_ACCESS_TOKEN="${WHATSAPP_ACCESS_TOKEN:-sandbox-access-token}"
  export MERCADOPAGO_WEBHOOK_SECRET="${MERCADOPAGO_WEBHOOK_SECRET:-sandbox-mp-secret}"
  export MERCADOPAGO_ACCESS_TOKEN="${MERCADOPAGO_ACCESS_TOKEN:-sandbox-mp-token}"
  export MAILGUN_WEBHOOK_SIGNING_KEY="${MAILGUN_WEBHOOK_SIGNING_KEY:-sandbox-mailgun-key}"
  export MAILGUN_API_KEY="${MAILGUN_API_KEY:-sandbox-mailgun-api-key}"
  export SANDBOX_BASE_URL="${SANDBOX_BASE_URL:-http://$INGRESS_ADDR}"
fi

log "building (debug profile, shared with the tests)"
cargo build --bin ingress --bin worker --bin fleetctl
bin=target/debug
run=.fleet
mkdir -p "$run/logs"

scripts/down.sh >/dev/null 2>&1 || true
"$bin/fleetctl" migrate
"$bin/fleetctl" demo-seed

log "starting the ingress on $INGRESS_ADDR"
DATABASE_URL="$APP_DATABASE_URL" "$bin/ingress" >"$run/logs/ingress.log" 2>&1 &
echo $! >"$run/ingress.pid"
for i in 1 2; do
  log "starting worker replica $i (metrics on 127.0.0.1:909$i)"
  DATABASE_URL="$APP_DATABASE_URL" WORKER_METRICS_ADDR="127.0.0.1:909$i" \
    "$bin/worker" >"$run/logs/worker-$i.log" 2>&1 &
  echo $! >"$run/worker-$i.pid"
done

for _ in $(seq 1 100); do
  curl -fsS "http://$INGRESS_ADDR/health/ready" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://$INGRESS_ADDR/health/ready" && echo

# The TLS front as in production (caddy/Caddyfile), for localhost: Caddy's local CA signs its
# certificate (trust $run/caddy/caddy/pki/authorities/local/root.crt, or curl -k).
front="(none: Caddy is not installed)"
if command -v caddy >/dev/null; then
  front_port="${FRONT_HTTPS_PORT:-8443}"
  log "starting the TLS front on https://localhost:$front_port"
  PUBLIC_HOST=localhost INGRESS_UPSTREAM="$INGRESS_ADDR" CADDY_BIND=127.0.0.1 CADDY_ADMIN=off \
    HSTS_MAX_AGE=0 \
    CADDY_HTTPS_PORT="$front_port" CADDY_HTTP_PORT="${FRONT_HTTP_PORT:-8088}" \
    XDG_DATA_HOME="$PWD/$run/caddy" XDG_CONFIG_HOME="$PWD/$run/caddy" \
    caddy run --adapter caddyfile --config caddy/Caddyfile >"$run/logs/caddy.log" 2>&1 &
  echo $! >"$run/caddy.pid"
  front="https://localhost:$front_port   (webhooks, /admin, /ical, /photos; no /metrics)"
fi

if [ "$SANDBOX" = 1 ]; then
  log "a guest writes on WhatsApp (signed webhooks into the ingress; replies through the Graph API fake)"
  "$bin/fleetctl" simulate --ingress "http://$INGRESS_ADDR"
  log "another guest writes by email (signed Mailgun posts; replies through the Mailgun fake)"
  "$bin/fleetctl" simulate --ingress "http://$INGRESS_ADDR" --email "huesped@correo.example"
fi
log "queues"
"$bin/fleetctl" queues
cat <<MSG

The fleet is up.
  ingress      http://$INGRESS_ADDR   (webhooks, /health/ready, /metrics)
  TLS front    $front
  workers      2 replicas, metrics on http://127.0.0.1:9091/metrics and :9092
  logs         $run/logs/
  more guests  $bin/fleetctl simulate --say "Hola" --say "..."   (--email ADDRESS: by email)
  stop         scripts/down.sh
MSG
