import numpy as np
import pytest

from newstrace.link.families import align_words, are_variants, contained, quote_families
from newstrace.link.features import band_keys, estimated_jaccard, lsh_shape, shingles, signature, words
from newstrace.model import Quote


def test_lsh_shape_is_derived_from_the_threshold_and_checked() -> None:
    bands, rows = lsh_shape(0.8, 128)
    assert bands * rows <= 128 and rows > lsh_shape(0.25, 128)[1]
    with pytest.raises(ValueError, match="between 0 and 1"):
        lsh_shape(1.5, 128)


def test_near_copies_share_a_band_key_and_unrelated_texts_do_not() -> None:
    base = "the harbour master said ships would be unloaded again from friday morning " * 3
    text = base + " and the backlog of forty vessels would clear within a week after the long strike"
    copy = base + " and the backlog of forty vessels would clear within about a week after the long strike"
    other = "a late frost in the northern valleys destroyed half of the apple blossom growers said on monday"
    sig = {name: signature(shingles(words(t)), 128) for name, t in (("a", text), ("b", copy), ("c", other))}
    keys = {name: set(band_keys(s, "dup", *lsh_shape(0.5, 128))) for name, s in sig.items()}
    assert keys["a"] & keys["b"] and not keys["a"] & keys["c"]
    assert estimated_jaccard(sig["a"], sig["b"]) > 0.5 > estimated_jaccard(sig["a"], sig["c"])
    assert isinstance(sig["a"], np.ndarray)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("on a reciprocal basis", "on the basis of reciprocity"),
        (
            "one of the mayor's objectives is to rebuild the bridge",
            "one of the mayor's goals is to rebuild the bridge",
        ),
        ("We're committed to solving this peacefully", "We are committed to resolving this peacefully"),
    ],
)
def test_reworded_variants_match(a: str, b: str) -> None:
    assert are_variants(a, b)


def test_different_statements_are_not_variants() -> None:
    assert not are_variants("the bridge will open next spring", "the harvest was the worst in decades")
    assert not are_variants("aggression", "aggression")  # too short to say


def test_fragment_joins_the_family_of_the_quote_it_comes_from() -> None:
    full = Quote(
        "q1", "d1", "We got the nights back and we kept our dignity", 0, 10, "direct", speaker="Maren Okafor"
    )
    piece = Quote("q2", "d2", "kept our dignity", 0, 5, "fragment", speaker="Okafor")
    other = Quote("q3", "d2", "the cranes are too old to climb", 9, 20, "direct", speaker="Okafor")
    assert contained(piece.text, full.text) == 1.0
    origin = {"d1": ("2024-03-07", "", "d1"), "d2": ("2024-03-09", "", "d2")}.__getitem__
    families = quote_families([other, piece, full], origin)
    together = [f for f in families if "q1" in f.quote_ids]
    assert together[0].quote_ids == ["q1", "q2"] and together[0].first_document_id == "d1"
    assert families == quote_families([full, piece, other], origin)  # order of input does not matter


def test_align_words_marks_the_changed_words() -> None:
    runs = align_words("a gun to Ukraine’s head", "a gun at the head of Ukraine")
    assert runs[0] == ("equal", "a gun", "a gun")
    assert {op for op, _, _ in runs} <= {"equal", "replace", "delete", "insert"}
    assert " ".join(a for _, a, _ in runs if a) == "a gun to Ukraine ’ s head"


def test_headlines_of_one_story_are_candidates_and_match() -> None:
    from newstrace.link.features import content_terms
    from newstrace.link.short import is_short, short_same_story, term_pair_keys

    a = content_terms("Fed's Plosser says weak data caused by weather, taper should go on")
    b = content_terms("Plosser: weather caused weak data, Fed taper on track")
    other = content_terms("Apple unveils new iPhone with bigger screen")
    assert is_short(a) and is_short(b)
    assert set(term_pair_keys(a)) & set(term_pair_keys(b)) and not set(term_pair_keys(a)) & set(
        term_pair_keys(other)
    )
    assert short_same_story(a, b) and not short_same_story(a, other)


def test_story_keys_are_windowed_by_stated_week_and_undated_documents_meet_everyone() -> None:
    from newstrace.link.profile import story_week, windowed_story_keys

    keys = [11, -22, 33]
    march_7, march_12, april_30 = (story_week(d, True) for d in ("2024-03-07", "2024-03-12", "2024-04-30"))
    assert (
        story_week("2024-03-07", False) is None and story_week("2024-03", True) is None
    )  # only stated days/weeks
    stored = {w: set(windowed_story_keys(keys, w)[0]) for w in (march_7, march_12, april_30, None)}
    lookup = {w: set(windowed_story_keys(keys, w)[1]) for w in (march_7, march_12, april_30, None)}

    def candidates(a, b) -> bool:
        return bool(lookup[a] & stored[b])

    assert candidates(march_7, march_12) and candidates(march_12, march_7)
    assert not candidates(march_7, april_30) and not candidates(april_30, march_7)
    for dated in (march_7, april_30):
        assert candidates(dated, None) and candidates(None, dated)
    assert candidates(None, None)
