"""The header zone of a page: site name, tagline, section, date line, byline, title.

Scraped text often opens with the site's masthead before the article:

    Harbour Gazette                       -> header
    News for the whole coast.             -> tagline
    Monday, Mar 04, 2024                  -> dateline
    Ferry operator promises timetable     -> title
    Ferry operator promises timetable     -> duplicate-title
    Islanders have waited three years     (kept: the standfirst)
    The transport minister has said ...   (first paragraph: the zone ends here)

`read_header` labels those lines. The cleaner removes them with these labels
as reasons, and the describe stages read them back from `doc.removed` through
`findings` (site from `header`, date from `dateline`, title from `title`), so
one reading of the header serves both and no stage re-guesses it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Document
from .datelines import is_date_line, looks_like_date_line
from .markers import line_marker
from .shapes import (
    capitalised_share,
    ends_sentence,
    is_headline_shaped,
    is_paragraph_shaped,
    is_relative_age,
    line_key,
    word_count,
)

# The header zone ends at the first paragraph of running prose, and is never
# longer than this many lines (a page that opens with a long menu has no
# header we can read with confidence).
MAX_ZONE_LINES = 12
_MAX_SITE_WORDS = 5
_MAX_TAGLINE_WORDS = 15

# Section names printed above a headline ("World", "Politics"). Common
# desk names, not a site's: a single such word over a headline is a section.
SECTION_NAMES = frozenset(
    """world news politics business economy economics markets finance money tech technology science health
    sport sports football opinion opinions analysis comment commentary editorial culture arts entertainment
    lifestyle life travel europe asia africa americas middle-east international national local
    us uk usa u.s. environment climate education media society religion military defence defense security
    crime justice law weather features feature video videos photos gallery podcast podcasts breaking
    interview interviews review reviews blog blogs sci-tech science&tech""".split()
) | {
    "middle east",
    "latin america",
    "north america",
    "south america",
    "south asia",
    "east asia",
    "breaking news",
    "top news",
    "top stories",
    "world news",
    "us news",
    "uk news",
    "local news",
    "science & tech",
    "science and technology",
    "arts & culture",
    "arts and culture",
}
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+(?=[A-ZÀ-ÞА-Я])", re.IGNORECASE)


@dataclass(slots=True)
class HeaderReading:
    """Line index -> reason for the header lines that are not article text."""

    reasons: dict[int, str] = field(default_factory=dict)
    title_index: int | None = None
    end: int = 0


def findings(doc: Document, *reasons: str) -> list[str]:
    """The texts the cleaner removed for any of `reasons`, in page order."""
    return [block.text for block in doc.removed if block.reason in reasons]


def is_byline(line: str) -> bool:
    """'By Jane Doe', 'By Jane Doe and John Roe, Reuters' (not 'By then, ...')."""
    text = line.strip()
    if not _BYLINE.match(text) or ends_sentence(text) or word_count(text) > 10:
        return False
    share, count = capitalised_share(text.split(None, 1)[1] if " " in text else "")
    return count >= 1 and share >= 0.7


_PART_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def line_parts(line: str) -> list[str]:
    """The line, then its parts where it sets them apart with bars or dots."""
    parts = _PART_SEPARATOR.split(line.strip())
    return [line] if len(parts) == 1 else [line, *parts]


def is_section_line(line: str) -> bool:
    return line.strip().rstrip(":").casefold() in SECTION_NAMES


def read_header(
    lines: Sequence[str],
    *,
    title_hints: Sequence[str] = (),
    site_hints: Sequence[str] = (),
    guess: bool = True,
) -> HeaderReading:
    """Label the header zone of `lines` (see the module docstring).

    `title_hints` and `site_hints` are titles and site names stated elsewhere
    (given, or in the HTML head); a line equal to one is labelled whatever
    its shape. With `guess` False (text an HTML extractor already trimmed)
    only those stated values, date lines, bylines and section lines are
    labelled: the shape-based guesses about mastheads are left out.
    """
    reading = HeaderReading()
    end = next(
        (
            i
            for i, line in enumerate(lines[:MAX_ZONE_LINES])
            if is_paragraph_shaped(line) and not (guess and _is_tagline_under_masthead(lines, i))
        ),
        min(len(lines), MAX_ZONE_LINES if guess else 3),
    )
    reading.end = end
    title_keys = [key for key in (line_key(h) for h in title_hints) if key]
    site_keys = {key for key in (line_key(h) for h in site_hints) if key}
    reasons = reading.reasons
    for i in range(end):
        line = lines[i]
        key = line_key(line)
        if not key:
            continue
        marker = line_marker(line)
        if key in site_keys:
            reasons[i] = "header"
        elif marker is not None:
            reasons[i] = marker
        elif is_relative_age(line) or any(
            looks_like_date_line(part) and is_date_line(part) for part in line_parts(line)
        ):
            # "Monday, Mar 04, 2024", or "POLITICS | 6 Dec 2023 | 4 min read"
            reasons[i] = "dateline"
        elif is_section_line(line) and i + 1 < end:
            reasons[i] = "category"
        elif is_byline(line):
            reasons[i] = "credit"
    title = _find_title(lines, end, reasons, title_keys, guess)
    if title is None:
        return reading
    reading.title_index = title
    reasons[title] = "title"
    title_key = line_key(lines[title])
    for i in range(end):
        if i != title and i not in reasons and line_key(lines[i]) == title_key:
            reasons[i] = "duplicate-title"
    if guess:
        _label_masthead(lines, title, reasons)
    return reading


def _is_tagline_under_masthead(lines: Sequence[str], index: int) -> bool:
    """A short sentence right under a short first line ("The Harbour Gazette" / "News for
    the whole coast since 1911."): the site's tagline, not the article's first paragraph."""
    filled = [i for i in range(index) if line_key(lines[i])]
    return (
        len(filled) == 1
        and word_count(lines[filled[0]]) <= _MAX_SITE_WORDS
        and word_count(lines[index]) <= _MAX_TAGLINE_WORDS
    )


def _matches_hint(key: str, hint_keys: Sequence[str]) -> bool:
    # A stated title may carry the site name ("Headline - Site") or lose a
    # trailing attribution, so a long common prefix counts as a match.
    for hint in hint_keys:
        if key == hint:
            return True
        shorter, longer = sorted((key, hint), key=len)
        if len(shorter.split()) >= 3 and longer.startswith(shorter) and len(shorter) >= 0.6 * len(longer):
            return True
    return False


def _find_title(
    lines: Sequence[str], end: int, reasons: dict[int, str], hint_keys: Sequence[str], guess: bool
) -> int | None:
    open_lines = [i for i in range(end) if i not in reasons and line_key(lines[i])]
    if hint_keys:
        for i in open_lines:
            if _matches_hint(line_key(lines[i]), hint_keys):
                return i
    if not guess:
        return None
    # A line printed twice at the top is the headline (masthead + article heading).
    seen: dict[str, int] = {}
    for i in open_lines:
        key = line_key(lines[i])
        if key in seen and len(key.split()) >= 2:
            return seen[key]
        seen.setdefault(key, i)
    candidates = [i for i in open_lines if is_headline_shaped(lines[i])]
    if not candidates:
        return None
    dated = [i for i in candidates if any(reasons.get(j) == "dateline" for j in range(i))]
    if dated and dated[0] != candidates[0]:
        # masthead and tagline above the date line, the headline under it
        return dated[0]
    first = candidates[0]
    if len(candidates) < 2 or first != 0:
        return first
    # "Site Name" over a longer headline, or over the date line that heads
    # the article: the first is the masthead.
    second = candidates[1]
    site_words = word_count(lines[first])
    shorter = site_words < _MAX_SITE_WORDS and word_count(lines[second]) > site_words
    dated_between = any(reasons.get(i) == "dateline" for i in range(first + 1, second))
    return second if shorter or dated_between else first


def _label_masthead(lines: Sequence[str], title: int, reasons: dict[int, str]) -> None:
    """Lines above the title that are none of the above: site name, then tagline."""
    for i in range(title):
        if i in reasons or not line_key(lines[i]):
            continue
        count = word_count(lines[i])
        previous = reasons.get(i - 1)
        if i == 0 and count <= _MAX_SITE_WORDS:
            reasons[i] = "header"
        elif previous == "header" and count <= _MAX_TAGLINE_WORDS:
            reasons[i] = "tagline"
        elif count <= _MAX_TAGLINE_WORDS:
            reasons[i] = "header"
