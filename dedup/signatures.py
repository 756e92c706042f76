"""MinHash signatures of feature views, and their compact byte form for storage.

Signatures are computed by rensa's Rust MinHash (about 50 times faster than datasketch's
`update_batch`, where building signatures was the cost), straight from the views' gram hashes
(`text.grams`), in one call per article. They must never share an index with signatures datasketch
hashed itself (another hash scheme). `VERSION` names everything a stored signature depends on; a
stored one of another version is recomputed from its text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from rensa import RMinHash

NUM_PERM = 128
SEED = 1
#: Bump when the features, their views or the hashing change.
VERSION = f"rensa0.5-{NUM_PERM}-{SEED}-grams64-lead3+skeleton5-3+words"
#: Bytes of one view's signature: NUM_PERM uint32 hash values.
VIEW_BYTES = NUM_PERM * 4
#: Every value of the signature of an empty set: nothing to find it by.
EMPTY = 0xFFFFFFFF


def sign_views(views: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """One signature (NUM_PERM uint32 values) per view, from each view's gram hashes."""
    names = list(views)
    offsets = np.cumsum([0, *(len(views[v]) for v in names)], dtype=np.uint64)
    flat = np.concatenate([np.asarray(views[v], dtype=np.uint64) for v in names])
    rows = RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED).to_rows()
    matrix = np.array(rows, dtype=np.uint32)
    return {view: matrix[i] for i, view in enumerate(names)}


def pack(signatures: Mapping[str, np.ndarray], views: Sequence[str]) -> bytes:
    """The stored form: each view's 512 bytes (uint32 hash values), in `views` order."""
    return b"".join(np.asarray(signatures[v], dtype=np.uint32).tobytes() for v in views)


def unpack(blob: bytes, views: Sequence[str]) -> dict[str, np.ndarray]:
    """Rebuild the signatures stored by `pack`."""
    if len(blob) != VIEW_BYTES * len(views):
        raise ValueError(f"a stored signature of {len(blob)} bytes does not hold {len(views)} views")
    values = np.frombuffer(blob, dtype=np.uint32)
    return {view: values[i * NUM_PERM : (i + 1) * NUM_PERM] for i, view in enumerate(views)}
