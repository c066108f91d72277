#!/usr/bin/env bash
# Fuzzes the iCal parser (fuzz/fuzz_targets/parse.rs) with libFuzzer on the stable toolchain:
# the same coverage instrumentation `cargo fuzz run --sanitizer none` asks rustc for (all
# stable `-C` flags; no nightly, no AddressSanitizer: the parser has no unsafe code, so a
# panic is what there is to find). Seeds: every real calendar export the project keeps.
# A crash is written to fuzz/artifacts/ and the script exits non-zero.
#
#   scripts/fuzz.sh [seconds]      (default 300)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-300}
target=$(rustc -vV | sed -n 's/^host: //p')
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/fuzz}
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# --target keeps the flags off build scripts and proc macros, as cargo-fuzz does.
(cd fuzz && cargo build --release --bin parse --target "$target")
corpus=fuzz/corpus/parse
mkdir -p "$corpus" fuzz/artifacts
shopt -s nullglob
for f in ../shared/fixtures/ical/*.ics calendar/tests/data/ical/*.ics calendar/tests/fixtures/*.ics; do
    cp -n "$f" "$corpus/" 2>/dev/null || true
done
"$CARGO_TARGET_DIR/$target/release/parse" "$corpus" -max_total_time="$seconds" \
    -max_len=16384 -print_final_stats=1 -artifact_prefix=fuzz/artifacts/
