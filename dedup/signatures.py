"""MinHash signatures of feature sets, and their compact byte form for storage.

Signatures are computed by rensa's Rust MinHash (about 50 times faster than datasketch's
`update_batch`, where building signatures was the cost) and handed to datasketch as `LeanMinHash`, whose
MinHashLSH indexes them. The `affine32` label only satisfies datasketch 2.0's constructor: these values
must never share an index with signatures datasketch hashed itself, which is why every signature of
newsfold comes from `signature()`. `VERSION` names everything a stored signature depends on; a stored
one of another version is recomputed from its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from datasketch import LeanMinHash
from rensa import RMinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
#: Bump when the features, their views or the hashing change.
VERSION = f"rensa0.5-{NUM_PERM}-{SEED}-lead3+skeleton5-3"
#: Bytes of one view's signature: NUM_PERM uint32 hash values.
VIEW_BYTES = NUM_PERM * 4


def signature(items: Iterable[str]) -> LeanMinHash:
    """MinHash signature of a set of strings (shingles)."""
    minhash = RMinHash(NUM_PERM, SEED)
    minhash.update(list(items))
    return LeanMinHash(seed=SEED, hashvalues=np.asarray(minhash.digest(), dtype=np.uint32), scheme=SCHEME)


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
