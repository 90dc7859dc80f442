"""Words that carry the signal for attribution: reporting verbs, pronouns,
speaker nouns, in English and German.

No library ships a reporting-verb lexicon tuned for news attribution, so this
is written here; the lists are deliberately general (no names, no outlets).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Reporting verbs in the forms news prose uses them. Past tense and present
# are the bulk; "has said" etc. is handled by allowing auxiliaries before them.
_ENGLISH_CUES = """
said says say saying told tells telling added adds adding replied replies answered answers
stated declared declares announced announces asked asks explained explains noted notes
insisted insists argued argues warned warns claimed claims stressed stresses underlined underlines
emphasized emphasizes emphasised emphasises acknowledged acknowledges admitted admits suggested suggests
wrote writes tweeted tweets posted continued continues concluded concludes recalled recalls
observed observes remarked remarks commented comments responded responds confirmed confirms
denied denies conceded concedes urged urges predicted predicts promised promises vowed vows
pledged pledges believes believed thinks thought reported reports mused quipped joked shouted
cautioned contended contends maintained maintains accused accuses charged alleged alleges
complained complains indicated indicates estimated estimates hopes hoped expects expected
considered considers feels felt knows knew worries worried fears feared agreed agrees
disagreed assured assures reiterated reiterates recounted explained countered countering
conceded testified testifies announcing arguing warning claiming insisting suggesting
noting adding describing describes described called calls dismissed dismisses rejected
criticized criticised praised ruled proclaimed boasted demanded demands signaled signalled
think believe argue argued show shows showed found finds suggest want wants wanted
seemed seems appears appeared endorsed endorses defended defends proposed proposes accusing
acknowledging blamed blames mocked insist predict fear hope expect know agree worry doubt
recommended recommends questioned questions touted touts
declined refused support supports supported supporting backing backed opposed opposes opposing
proposing referring referred defending praising expressed expresses pledging promising vowing
mentioned mentions decried condemned condemns slammed slams blasted blasts attacked attacking
welcomed welcomes applauded touting cited cites citing quoted quoting endorsing calling
acknowledge admit deny claim warn insists predicted
assume assumed assumes doubted doubts hoping fearing understood understands recognized recognizes
learned realized realize acknowledging accept accepted accepts pushed pushing signaling
disputed disputes highlighted highlighting lamented reminded
""".split()

_ENGLISH_PHRASES = [
    # "went on to attack/suggest …" continues a speaker's turn whatever the verb
    r"(?:went|goes|go) on to [a-z]+",
    r"pointed out",
    r"ruled out",
    r"points out",
    r"made clear",
    r"has learned",
    r"said in a statement",
]

_GERMAN_CUES = """
sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten meinte meint
berichtete berichtet berichteten kritisierte kritisiert warnte warnt forderte fordert
äußerte äußert bestätigte bestätigt schrieb schreibt verkündete behauptete behauptet
antwortete antwortet ergänzte ergänzt teilte mitteilte sprach unterstrich versicherte
kündigte räumte wies hieß heißt glaubt glaubte vermutete zitierte gab nannte fragte fragt
bezeichnete schilderte würdigte warf begrüßte kommentierte bekräftigte verwies argumentierte
fügte bestritt dementierte schätzt schätzte befürchtet befürchtete hofft hoffte meldete meldet
mitteilte stellte lobte teilt teilten gaben gibt kündigt kündigten warnen warnten fordern forderten
kritisieren kritisierten erklären betonen berichten vermutet vermuten befürchten glauben hoffen
bestätigten bezeichnet bezeichnen sprachen spricht wirft warfen verwiesen beklagte beklagt
verteidigte verteidigt bekräftigt behaupten schreiben schrieben zeigte räumt weist wiesen
erinnerte begründete begründet beschrieb beschreibt rief riefen skandierte skandierten fasste resümierte
bilanzierte formulierte zitiert zitieren mahnte mahnt appellierte beteuerte unterstrichen sagen
""".split()

GERMAN_CUE_WORDS = frozenset(_GERMAN_CUES)
CUE_WORDS = frozenset(_ENGLISH_CUES) | GERMAN_CUE_WORDS

CUE_PATTERN = (
    r"(?:" + r"|".join(_ENGLISH_PHRASES) + r"|" + r"|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")"
)
# Not inside a hyphenated word ("so-called" reports nothing), and not a noun
# after a determiner or possessive ("his comments", "Trump's remarks").
_NOT_AFTER = "".join(
    rf"(?<!\b{w} )"
    for w in "the The a an his her their its our my your these those such no new recent latest previous past same other many some any".split()
)
CUE_RE = re.compile(r"(?<![\w-])" + _NOT_AFTER + r"(?<!['’]s )" + CUE_PATTERN + r"\b")

# First words of every cue: a sentence without one of them has no cue, which a
# set lookup tells faster than the cue pattern's long alternation.
_CUE_FIRST_WORDS = CUE_WORDS | frozenset("went goes go pointed points ruled made has said".split())
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+")


def iter_cues(body: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches `CUE_RE.finditer` gives, tried only where a cue's first word stands."""
    last_end = start
    for word in _WORD_TOKEN_RE.finditer(body, start, end):
        if word.start() >= last_end and word.group() in _CUE_FIRST_WORDS:
            cue = CUE_RE.match(body, word.start(), end)
            if cue:
                last_end = cue.end()
                yield cue


# Auxiliaries and adverbs allowed between a subject and its reporting verb:
# "Marovic has also said", "he later told".
AUX_WORDS = frozenset(
    """has have had is was were be been will would could also later then further previously
    repeatedly once again earlier recently first separately subsequently reportedly publicly
    privately quickly flatly bluntly simply never just already now hat haben habe""".split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "er", "sie"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who", "er", "sie", "es", "wir", "ich", "you"})
DETERMINERS = frozenset(
    """the a an another one two three several many some both his her their its our
    der die das des dem den ein eine einer eines einem""".split()
)

# Nouns that name a speaker without naming a person: "sources said".
SOURCE_NOUNS = frozenset(
    """sources source officials official analysts experts critics aides observers residents
    witnesses police authorities diplomats lawmakers investigators supporters opponents
    spokesman spokeswoman spokesperson people voters reports polls documents data""".split()
)

# Role nouns and the roles they may stand for ("the top diplomat" ~ secretary of state).
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"diplomat", "secretary", "minister", "ambassador", "envoy"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson", "press"}),
    "spokeswoman": frozenset({"spokesman", "spokeswoman", "spokesperson", "press"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson", "press"}),
    "leader": frozenset({"leader", "president", "chancellor", "minister", "premier", "king"}),
    "official": frozenset({"official", "secretary", "minister", "director", "adviser"}),
}

# Nationality/affiliation words that make a role incompatible with another's.
NATIONALITY_RE = re.compile(r"^(?:US|U\.S\.|UK|EU|[A-Z][a-z]+(?:an|ian|ish|ese|ese|i|ic))$")
