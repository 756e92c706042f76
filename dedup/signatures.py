"""MinHash signatures of feature sets, and their compact byte form for storage.

Every signature in one index must come from the same hash scheme and seed: datasketch 2.0's
`affine32` values are not comparable with 1.x `legacy` ones, so both are fixed here. `VERSION` names
everything a stored signature depends on; a stored one of another version is recomputed from its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
#: Bump when the features, their views or the hashing change.
VERSION = f"{SCHEME}-{NUM_PERM}-{SEED}-lead3+skeleton5-2"
#: Bytes of one view's signature: NUM_PERM uint32 hash values.
VIEW_BYTES = NUM_PERM * 4


def signature(items: Iterable[str]) -> LeanMinHash:
    """MinHash signature of a set of strings (shingles)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([item.encode("utf-8") for item in items])
    return LeanMinHash(minhash)


def pack(signatures: Mapping[str, LeanMinHash], views: Sequence[str]) -> bytes:
    """The stored form: each view's 512 bytes (uint32 hash values), in `views` order."""
    return b"".join(np.asarray(signatures[v].hashvalues, dtype=np.uint32).tobytes() for v in views)


def unpack(blob: bytes, views: Sequence[str]) -> dict[str, LeanMinHash]:
    """Rebuild the signatures stored by `pack`."""
    if len(blob) != VIEW_BYTES * len(views):
        raise ValueError(f"a stored signature of {len(blob)} bytes does not hold {len(views)} views")
    values = np.frombuffer(blob, dtype=np.uint32)
    return {
        view: LeanMinHash(seed=SEED, hashvalues=values[i * NUM_PERM : (i + 1) * NUM_PERM], scheme=SCHEME)
        for i, view in enumerate(views)
    }
