"""MinHash signatures of feature sets, and their compact byte form for storage.

Every signature in one index must come from the same hash scheme and seed: datasketch 2.0's
`affine32` values are not comparable with 1.x `legacy` ones, so both are fixed here.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"


def signature(items: Iterable[str]) -> LeanMinHash:
    """MinHash signature of a set of strings (shingles)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([item.encode("utf-8") for item in items])
    return LeanMinHash(minhash)


def to_bytes(sig: LeanMinHash) -> bytes:
    """The 512-byte form kept in the database (uint32 hash values)."""
    return np.asarray(sig.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(blob: bytes) -> LeanMinHash:
    """Rebuild a signature stored by `to_bytes`."""
    values = np.frombuffer(blob, dtype=np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
