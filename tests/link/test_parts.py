import numpy as np
import pytest

from newstrace.link.families import align_words, are_variants, contained, families_of, related_quotes
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


def test_no_word_swap_table_links_synonyms_on_their_own() -> None:
    # Families come from general evidence: two single swapped words share nothing.
    assert not are_variants("the government's objectives", "the government's goals")


def test_fragment_joins_the_family_of_the_quote_it_comes_from() -> None:
    full = Quote(
        "q1", "d1", "We got the nights back and we kept our dignity on the quayside", 0, 10, "direct",
        speaker="Maren Okafor",
    )  # fmt: skip
    piece = Quote("q2", "d2", "kept our dignity on the quayside", 0, 5, "fragment", speaker="Okafor")
    other = Quote("q3", "d2", "the cranes are too old to climb", 9, 20, "direct", speaker="Okafor")
    assert contained(piece.text, full.text) == 1.0
    origin = {"d1": ("2024-03-07", "", "d1"), "d2": ("2024-03-09", "", "d2")}.__getitem__
    links = {q.id: related_quotes(q, [full, piece, other]) for q in (piece, other)}
    families = families_of([other, piece, full], links, origin)
    together = [f for f in families if "q1" in f.quote_ids]
    assert together[0].quote_ids == ["q1", "q2"] and together[0].first_document_id == "d1"
    assert families == families_of([full, piece, other], links, origin)  # order of input does not matter


def test_different_named_speakers_never_share_a_family() -> None:
    said = "the harbour will reopen to container ships on Friday morning"
    a = Quote("q1", "d1", said, 0, 10, "direct", speaker="Maren Okafor")
    b = Quote("q2", "d2", said, 0, 10, "direct", speaker="Tobias Lindqvist")
    assert related_quotes(a, [b]) == []
    assert related_quotes(a, [Quote("q3", "d3", said, 0, 10, "direct")]) == ["q3"]


def test_align_words_marks_the_changed_words() -> None:
    runs = align_words("a gun to Ukraine’s head", "a gun at the head of Ukraine")
    assert runs[0] == ("equal", "a gun", "a gun")
    assert {op for op, _, _ in runs} <= {"equal", "replace", "delete", "insert"}
    assert " ".join(a for _, a, _ in runs if a) == "a gun to Ukraine ’ s head"


def test_rarity_weighs_rare_words_and_names_above_common_ones() -> None:
    from newstrace.link.rarity import MAX_RARITY, rarity, zipf_table

    table = zipf_table("en")
    assert rarity("the", table) < rarity("government", table) < rarity("compressor", table)
    assert rarity("okafor", table) == MAX_RARITY
    assert zipf_table("xx") is zipf_table("en")  # an unknown language falls back to English


def test_story_vectors_of_one_story_are_alike_and_names_meet_across_scripts() -> None:
    from newstrace.link.features import cosine, story_terms, story_vector

    def vector(text: str, language: str = "en") -> dict[str, float]:
        return story_vector(story_terms(text, language)[0])

    a = vector("Fed's Plosser says weak data caused by weather, taper should go on")
    b = vector("Plosser: weather caused weak data, Fed taper on track")
    other = vector("Apple unveils new iPhone with bigger screen")
    assert cosine(a, b) > 0.5 > 0.1 > cosine(a, other)
    assert cosine(vector("Ильза Марович"), vector("Ilse Marovic")) > 0.4


def test_story_keys_are_windowed_by_week_and_every_document_has_unwindowed_ones() -> None:
    from newstrace.link.profile import stated_day, story_keys

    terms = ["okafor", "quayside"]
    march_7, march_12, april_30 = (stated_day(d) for d in ("2024-03-07", "2024-03-12", "2024-04-30"))
    assert stated_day("2024-03") is None  # a month is too coarse to window
    stored = {d: set(story_keys(terms, d)[0]) for d in (march_7, march_12, april_30, None)}
    lookup = {d: set(story_keys(terms, d)[1]) for d in (march_7, march_12, april_30, None)}
    weekly = {d: stored[d] - stored[None] for d in (march_7, march_12, april_30)}
    assert lookup[march_7] & weekly[march_12] and lookup[march_12] & weekly[march_7]
    assert not lookup[march_7] & weekly[april_30]
    for dated in (march_7, april_30):
        assert lookup[None] & stored[dated] and lookup[dated] & stored[None]


def _profile(doc_id: str, vector: dict[str, float], day: int | None = None, page_day: int | None = None):
    from newstrace.link.index import LinkProfile

    norm = sum(w * w for w in vector.values()) ** 0.5
    unit = {t: w / norm for t, w in vector.items()}
    return LinkProfile(doc_id, None, None, None, None, False, day, page_day, unit, unit, "en", [], b"")


def test_a_document_like_one_member_but_not_the_story_does_not_join() -> None:
    from newstrace.link.clustering import absorb, empty_state, similarity

    state = empty_state("s")
    for i in range(4):  # four reports of a strike: the same core words
        absorb(state, _profile(f"d{i}", {"strike": 1.0, "harbour": 1.0, "okafor": 1.0, f"extra{i}": 0.5}))
    # shares one member's side word and one core word: like that member a little, not the story
    chained = _profile("x", {"extra0": 1.0, "frost": 1.0, "apple": 1.0, "harbour": 0.3})
    member_like = _profile("y", {"strike": 1.0, "harbour": 1.0, "okafor": 0.8})
    assert similarity(chained, state) < 0.2 < 0.8 < similarity(member_like, state)
    assert state.members == 4 and len(state.centroid) <= 300


def test_dates_keep_events_apart_and_republications_may_come_later() -> None:
    from newstrace.link.clustering import absorb, empty_state, fits_in_time

    state = empty_state("s")
    absorb(state, _profile("a", {"strike": 1.0}, day=738953))
    window = 7
    assert fits_in_time(_profile("b", {}, day=738955), state, window)
    assert not fits_in_time(_profile("c", {}, day=738953 + 30), state, window)
    # A page date only bounds from above: a page published later may report the event...
    assert fits_in_time(_profile("d", {}, page_day=738953 + 400), state, window)
    # ...but not one published before it happened.
    assert not fits_in_time(_profile("e", {}, page_day=738953 - 30), state, window)
    # A document dated far later joins only with quotation evidence.
    late = _profile("f", {}, day=738953 + 400)
    assert not fits_in_time(late, state, window) and fits_in_time(late, state, window, quoted=True)
