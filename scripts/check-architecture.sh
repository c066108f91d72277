#!/usr/bin/env bash
# Architecture invariants that the compiler does not check (CI runs this):
#  1. The decision crates are pure: `conversation`, `booking`, `calendar` and `signatures`
#     depend on no I/O crate (no database, network, async runtime) and read no clock.
#  2. A handler never imports another handler: what two handlers share lives in a store, a
#     pure crate or `workers::effects`.
# Each failure names the crate or file and what it must not do.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { printf 'architecture: %s\n' "$*" >&2; status=1; }

io_crates='^(sqlx|tokio|reqwest|redis|hyper|poem|apalis|apalis-core|mio|socket2|whisper-rs|jobs|store|channels) '
for crate in conversation booking calendar signatures; do
  # Normal dependencies only, as the crate itself resolves them.
  deps=$(cargo tree -p "$crate" -e normal --prefix none --format '{p}' 2>/dev/null | sort -u)
  if bad=$(grep -E "$io_crates" <<<"$deps"); then
    fail "$crate must stay pure, but depends on: $(tr '\n' ' ' <<<"$bad")"
  fi
  if clock=$(grep -rnE '(Utc|Local)::now|SystemTime::now|Instant::now' "$crate/src"); then
    fail "$crate must not read the clock (today comes in as an argument):"$'\n'"$clock"
  fi
done

handlers=workers/src/handlers
names=$(find "$handlers" -mindepth 1 -maxdepth 1 \( -name '*.rs' ! -name mod.rs -printf '%f\n' \) -o \( -type d -printf '%f\n' \) | sed 's/\.rs$//' | sort)
for name in $names; do
  files=$(find "$handlers/$name" "$handlers/$name.rs" -name '*.rs' 2>/dev/null || true)
  for other in $names; do
    [ "$other" = "$name" ] && continue
    for f in $files; do
      if grep -nE "(handlers::$other\b|super::$other\b|super::super::$other\b)" "$f"; then
        fail "handler $name imports handler $other ($f)"
      fi
    done
  done
done

[ "$status" = 0 ] && echo "architecture: pure decision crates, no handler imports another"
exit "$status"
