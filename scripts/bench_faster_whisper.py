#!/usr/bin/env python3
"""The benchmark's peer: faster-whisper on the same CTranslate2 weights our ggml file is
converted from, on the same 16 kHz WAVs, with the settings the workers use (greedy, Spanish, no
timestamps, no temperature fallback, no VAD). Called by workers/benches/whisper.rs.

    bench_faster_whisper.py CT2_DIR --threads 2 --runs 3 A.wav B.wav ...

Prints one JSON object per file: {"file", "text", "seconds"} (median of the timed runs of the
first two files, one run of the others, after
one warm-up run on the first file).
"""

import argparse
import json
import statistics
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model_dir")
    p.add_argument("wavs", nargs="+")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--runs", type=int, default=3, help="timed runs of the first two files (the rest: one)")
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

    transcribe(args.wavs[0])  # warm-up
    for i, path in enumerate(args.wavs):
        times, text = [], ""
        for _ in range(args.runs if i < 2 else 1):
            started = time.perf_counter()
            text = transcribe(path)
            times.append(time.perf_counter() - started)
        print(json.dumps({"file": path, "text": text, "seconds": statistics.median(times)}), flush=True)


if __name__ == "__main__":
    main()
