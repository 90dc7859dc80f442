"""What the link phase compares: words, shingles, names and MinHash signatures.

Every feature is a function of one document alone: word rarity comes from a
general frequency list of the language (`rarity.py`), not from collection
statistics such as IDF, so a pair scores the same whichever documents were
stored before it and linking results cannot depend on the order of inputs.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from functools import lru_cache

import numpy as np
from anyascii import anyascii
from datasketch import MinHash, MinHashLSH

from .rarity import MAX_RARITY, rarity, zipf_table

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


# Word caches: a collection's vocabulary keeps growing (names), so they are bounded;
# this many words covers the common vocabulary of a language.
WORDS_CACHED = 65536


@lru_cache(maxsize=WORDS_CACHED)
def fold(word: str) -> str:
    """A word in Latin letters, without accents: "Марович" → "marovich", "Hélène" → "helene",
    so that names meet across scripts and spellings (anyascii's transliteration tables)."""
    return word if word.isascii() else anyascii(word).casefold()


@lru_cache(maxsize=WORDS_CACHED)
def stem(word: str) -> str:
    """A crude, language-blind stem: enough to make 'reciprocal' meet 'reciprocity'."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:7]


# A story vector keeps this many terms: enough for the event's names, places
# and rare words, few enough that comparing with a centroid costs the same
# for every document.
VECTOR_TERMS = 120
NAME_BOOST = 1.5  # a capitalised word (a name, place or organisation) survives translation
NUMBER_RARITY = 3.0  # "9.75", "40": shared figures are event evidence, but many are common
KEY_TERMS = 12  # the rarest terms of a document are its candidate keys
KEY_MIN_RARITY = 3.0  # Zipf 4 or rarer: "pipeline", "compressor", names; never "government"


Terms = dict[str, tuple[int, float]]


def story_terms(text: str, language: str | None) -> tuple[Terms, set[str]]:
    """Each content term of the text (a crude stem, a CJK bigram, or #number) with its count and
    rarity; and which of the terms were written capitalised (names, places, organisations)."""
    found: Terms = {}
    names: set[str] = set()
    has_cjk = _CJK.search(text) is not None  # one search per text, not one per word

    def add(term: str, weight: float) -> None:
        count, known = found.get(term, (0, 0.0))
        found[term] = (count + 1, max(known, weight))

    for token in _NAME.findall(text):
        if has_cjk and _CJK.search(token):
            word = _normal_word(token)
            for i in range(max(1, len(word) - 1)):
                add(word[i : i + 2], MAX_RARITY)
            continue
        reading = _word_term(token, language)
        if reading is not None:
            term, weight, is_name = reading
            if is_name:
                names.add(term)
            add(term, weight)
    return found, names


def _normal_word(token: str) -> str:
    return token.casefold().replace("’", "'").removesuffix("'s")


@lru_cache(maxsize=WORDS_CACHED)
def _word_term(token: str, language: str | None) -> tuple[str, float, bool] | None:
    """A word's term, weight and whether it is written as a name; None for a stopword, a word
    of two letters or a one-digit number. Cached: most of an article's words are common ones
    that every article repeats, and reading one takes a dozen string operations."""
    word = _normal_word(token)
    if word.isdigit():
        return (f"#{word}", NUMBER_RARITY, False) if len(word) >= 2 else None
    if len(word) <= 2 or word in STOPWORDS:
        return None
    term = stem(fold(word))
    weight = rarity(word, zipf_table(language))
    is_name = token[0].isupper()
    return term, weight * NAME_BOOST if is_name else weight, is_name


def story_vector(terms: Terms) -> dict[str, float]:
    """The strongest terms, weighted (1 + log count) × rarity, scaled to unit length."""
    weights = {term: (1.0 + math.log(count)) * weight for term, (count, weight) in terms.items()}
    top = heapq.nlargest(VECTOR_TERMS, weights.items(), key=lambda item: (item[1], item[0]))
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: round(w / norm, 5) for term, w in top}


def names_vector(terms: Terms, names: set[str]) -> dict[str, float]:
    """The story vector of the terms that survive translation: names and numbers."""
    return story_vector({t: v for t, v in terms.items() if t in names or t[0] == "#"})


def key_terms(terms: Terms) -> list[str]:
    """The rarest word terms (numbers and CJK bigrams aside), rarest first."""
    rare = [
        (weight, term) for term, (_, weight) in terms.items() if weight >= KEY_MIN_RARITY and term[0] != "#"
    ]
    return [term for _, term in sorted(rare, key=lambda item: (-item[0], item[1]))[:KEY_TERMS]]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors, divided by b's length (a is unit length)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    norm_b = math.sqrt(sum(w * w for w in b.values()))
    norm_a = math.sqrt(sum(w * w for w in a.values()))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


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


def key64(data: bytes, scheme: bytes) -> int:
    """A signed 64-bit index key for `data`; the scheme is hashed in, so the keys of different
    indexes (near-duplicate bands, story terms, quotation stems) never collide in one table."""
    digest = hashlib.blake2b(data, digest_size=8, person=scheme[:16])
    return int.from_bytes(digest.digest(), "little", signed=True)


def band_keys(hashvalues: np.ndarray, scheme: str, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band: documents sharing a key are candidates.

    The scheme name is hashed in, so the keys of different indexes (near
    duplicates, stories) never collide in one table.
    """
    raw = hashvalues.astype("<u8")
    return [
        key64(raw[band * rows : (band + 1) * rows].tobytes(), f"{scheme}{band}".encode())
        for band in range(bands)
    ]
