"""Words that carry the signal for attribution: reporting verbs, pronouns,
speaker nouns, in English and German.

No library ships a reporting-verb lexicon tuned for news attribution, so this
is written here; the lists are deliberately general (no names, no outlets).
"""

from __future__ import annotations

import re

# Reporting verbs in the forms news prose uses them. Past tense and present
# are the bulk; "has said" etc. is handled by allowing auxiliaries before them.
_ENGLISH_CUES = """
said says say saying told tells telling added adds adding replied replies answered answers
stated states declared declares announced announces asked asks explained explains noted notes
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
kündigte räumte wies hieß heißt glaubt glaubte vermutete zitierte
""".split()

# "so X" and "laut X" / "X zufolge" introduce the speaker without a verb.
GERMAN_SO = r"so"
GERMAN_LAUT = r"laut|nach Angaben (?:von|des|der)|zufolge"

CUE_WORDS = frozenset(_ENGLISH_CUES) | frozenset(_GERMAN_CUES)

CUE_PATTERN = (
    r"(?:" + r"|".join(_ENGLISH_PHRASES) + r"|" + r"|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")"
)
# Not inside a hyphenated word: "so-called" reports nothing.
CUE_RE = re.compile(r"(?<![\w-])" + CUE_PATTERN + r"\b")

# Auxiliaries and adverbs allowed between a subject and its reporting verb:
# "Blinken has also said", "he later told".
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
