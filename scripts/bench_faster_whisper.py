#!/usr/bin/env python3
"""The benchmark's peer: faster-whisper on the same CTranslate2 weights our ggml file is
converted from, on the same 16 kHz WAVs, with the settings the workers use (greedy, Spanish, no
timestamps, no temperature fallback, no VAD). Driven by workers/benches/whisper.rs, which
interleaves its runs with ours so that both engines see the same machine.

    bench_faster_whisper.py CT2_DIR --threads 2 < paths

Loads the model, transcribes the first path once as a warm-up, then answers every line of
standard input (a WAV's path) with one JSON line: {"file", "text", "seconds"}.
"""

import argparse
import json
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model_dir")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        sys.exit("faster-whisper is missing: pip install faster-whisper==1.2.1")

    model = WhisperModel(
        args.model_dir, device="cpu", compute_type="int8", cpu_threads=args.threads, num_workers=1
    )

    def transcribe(path):
        segments, _ = model.transcribe(
            path,
            language="es",
            beam_size=1,
            best_of=1,
            temperature=0.0,
            without_timestamps=True,
            condition_on_previous_text=False,
            vad_filter=False,
        )
        return "".join(s.text for s in segments).strip()

    warmed = False
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        if not warmed:
            transcribe(path)
            warmed = True
        started = time.perf_counter()
        text = transcribe(path)
        seconds = time.perf_counter() - started
        print(json.dumps({"file": path, "text": text, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
