"""Copies and syndication: MinHash LSH over word shingles of normalized text.

The one module that imports datasketch.

Two articles whose shingle sets have Jaccard similarity ≥ ``threshold`` are copies of one report; the
earliest is the original. Only articles of nearby days are compared: a copy belongs to its original's story,
and stories span a few days at most.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 3
THRESHOLD = 0.6
SCHEME = "affine32"
"""The hashing scheme, fixed so that stored signatures stay comparable across datasketch versions.
Shingles are hashed with CRC-32 (C speed; datasketch's default SHA-1 took 2 ms an article)."""
MIN_SHINGLES = 6
"""Texts shorter than this (in shingles) are not compared: two one-line posts share too much by chance."""
_WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the text, lowercased, with ё → е, URLs and punctuation removed."""
    words = _WORD.findall(_URL.sub(" ", text.lower().replace("ё", "е")))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text (to store), or None when the text is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations(), hashfunc=zlib.crc32
    )
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(np.uint32).tobytes()


class CopyFinder:
    """An LSH index of signatures keyed by article id; deterministic: candidates are checked in key order."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # The bands are tuned below the threshold, for recall; the estimate then decides (see ``similar``).
        self._lsh = MinHashLSH(threshold=threshold * 0.75, num_perm=NUM_PERM)
        self._hashes: dict[str, np.ndarray] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._hashes

    def add(self, key: str, sig: bytes) -> None:
        if key in self._hashes:
            return
        minhash = _minhash(sig)
        self._hashes[key] = minhash.hashvalues
        self._lsh.insert(key, minhash)

    def remove(self, keys: Iterable[str]) -> None:
        for key in keys:
            if self._hashes.pop(key, None) is not None:
                self._lsh.remove(key)

    def similar(self, sig: bytes) -> list[tuple[str, float]]:
        """Stored articles that are copies of this signature: (id, estimated Jaccard), most similar first."""
        minhash = _minhash(sig)
        found = []
        for key in sorted(self._lsh.query(minhash)):
            estimate = float(np.mean(minhash.hashvalues == self._hashes[key]))
            if estimate >= self.threshold:
                found.append((key, estimate))
        found.sort(key=lambda kv: (-kv[1], kv[0]))
        return found

    def __len__(self) -> int:
        return len(self._hashes)


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    # Generating the permutations costs 1.5 ms; they depend only on the seed, so make them once.
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32).permutations


def _minhash(sig: bytes) -> LeanMinHash:
    # LeanMinHash: building a full MinHash from stored values regenerates its permutations (0.5 ms).
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype=np.uint32), scheme=SCHEME)
