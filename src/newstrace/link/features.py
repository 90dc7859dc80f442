"""What the link phase compares: words, shingles, names and MinHash signatures.

Every feature is a function of one document alone (no collection-wide
statistics such as IDF), so a pair scores the same whichever documents were
stored before it: linking results cannot depend on the order of the inputs.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
# Capitalised words anywhere (names, places, organisations, acronyms): they
# survive translation, which makes them the bridge between languages.
_NAME = re.compile(r"\w+(?:[’'-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SEED = 1  # every signature in every store must use the same permutations
DUPLICATE_SHINGLE_WORDS = 5

# Function words of the languages the collection mostly holds; they say
# nothing about which story a page reports.
STOPWORDS = frozenset(
    """a about after again against all also am an and any are as at be because been before being
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just more most my no nor
    not now of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your said says say told tell according
    new one two year years week day days last first like get got make made may might must us re ll ve
    der die das und den dem des ein eine einer eines einem einen ist sind war waren wird werden wurde
    nicht mit von zu zum zur im am auf aus bei für über nach vor als auch es er sie wir ihr sich dass
    daß oder aber wie wenn nur noch so bis um durch gegen hat haben sei seit
    el la los las y en de del un una que por con para es se su al lo como más pero sus le ya o
    le les et des du une est pour pas qui dans sur au avec ce il ne plus par
    il lo gli di da che non con per una sono
    """.split()
)
_SUFFIXES = ("ities", "ity", "ies", "ing", "ed", "es", "al", "s")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """A crude, language-blind stem: enough to make 'reciprocal' meet 'reciprocity'."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:7]


def content_terms(text: str) -> set[str]:
    """Stems of the words that carry content; CJK text (no spaces) as character bigrams."""
    terms = set()
    has_cjk = _CJK.search(text) is not None  # one search per text, not one per word
    for word in words(text):
        if has_cjk and _CJK.search(word):
            terms.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
        elif len(word) > 2 and word not in STOPWORDS and not word.isdigit():
            terms.add(stem(word))
    return terms


def name_terms(text: str) -> set[str]:
    found = set()
    for name in _NAME.findall(text):
        if not name[0].isupper():
            continue
        key = name.casefold().replace("’", "'").removesuffix("'s")
        if key not in STOPWORDS and len(key) > 1:
            found.add(key)
    return found


def shingles(tokens: list[str], size: int = DUPLICATE_SHINGLE_WORDS) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


# --- MinHash and LSH -----------------------------------------------------------


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> np.ndarray:
    # Drawing them is a third of the cost of a short document's signature:
    # draw once, and hand the same ones (the same as datasketch's) to every MinHash.
    return MinHash(num_perm=num_perm, seed=_SEED).permutations


def signature(items: set[str], num_perm: int) -> np.ndarray:
    minhash = MinHash(num_perm=num_perm, seed=_SEED, permutations=_permutations(num_perm), scheme="affine32")
    if items:
        minhash.update_batch([item.encode("utf-8") for item in items])
    return minhash.hashvalues


def to_bytes(hashvalues: np.ndarray) -> bytes:
    return hashvalues.astype("<u8").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=32)
def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) for a Jaccard threshold, as datasketch derives them (equal weight to
    false positives and false negatives)."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"an LSH threshold must lie strictly between 0 and 1, got {threshold}")
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(hashvalues: np.ndarray, scheme: str, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band: documents sharing a key are candidates.

    The scheme name is hashed in, so the keys of different indexes (near
    duplicates, stories) never collide in one table.
    """
    raw = hashvalues.astype("<u8")
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(
            raw[band * rows : (band + 1) * rows].tobytes(),
            digest_size=8,
            person=f"{scheme}{band}".encode()[:16],
        )
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys
