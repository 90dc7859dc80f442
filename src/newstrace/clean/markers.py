"""The words pages use to label their furniture, and the reason each one stands for.

Two kinds of marker:
  line markers   the line itself is boilerplate ("© 2023 X. All rights reserved.",
                 "READ MORE: ...", "Share", "Disclaimer: ...")
  list headings  the line opens a list of links or teasers ("Related Articles",
                 "Recent Posts", "You may also like"); the cleaner then removes
                 what follows until running prose starts again.
The phrases are the generic ones publishing platforms print, in the languages
the benchmarks cover; none is specific to a site.
"""

from __future__ import annotations

import re

from .shapes import word_count

_I = re.IGNORECASE

# A news or photo agency alone on a line is the credit of a picture the
# extractor dropped ("Reuters", "© AFP / Jane Doe"). Credits of agencies not
# listed here are found by their place on the page (`rules.mark_shapes`).
_AGENCY_CREDIT = re.compile(
    r"^(?:©\s*)?(?P<agency>reuters|ap|afp|tass|itar-tass|ria novosti|interfax|xinhua|epa|epa-efe|efe|dpa|ansa|"
    r"anadolu(?: agency)?|kyodo|yonhap|pti|ians|ani|upi|getty images|shutterstock|ap photo|pa(?: wire| media)?|"
    r"alamy|imago|keystone|belga|anp|ntb|ritzau)(?:\s*(?:/|\||,|via)\s*.{0,60})?$",
    _I,
)

# (pattern, reason, most words); the first that matches a line wins. The word
# limit keeps a marker from claiming a sentence that merely starts the same way.
_LINE_MARKERS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    (
        re.compile(
            r"^(?:©|\(c\)|ⓒ|copyright\s*(?:©|\(c\)|\d{4}))"
            r"|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b",
            _I,
        ),
        "copyright",
        30,
    ),
    (re.compile(r"^copyright\b", _I), "copyright", 12),
    # markup the page printed as text: an embed code, a stray tag
    (
        re.compile(r"^<\/?(?:iframe|div|script|img|embed|object|video|blockquote|figure|style|link|meta|span|a|p)\b[^>]*>?", _I),
        "markup",
        300,
    ),
    # a site's software talking: "An error occurred while compiling your sass files"
    (
        re.compile(
            r"\ban error (?:has )?occurred while\b|\berror (?:while )?compiling\b|^(?:fatal error|parse error|"
            r"warning|notice|deprecated|strict standards)\s*:\s*\w+|\bundefined (?:index|variable|offset)\b|"
            r"\bstack trace\b|\bin \S+\.php on line \d+\b",
            _I,
        ),
        "error-message",
        40,
    ),
    (
        re.compile(
            r"^(?:subscribe (?:now )?to (?:continue|read)|already a subscriber|(?:log|sign) in to (?:continue|read)|"
            r"create a free account to|to continue reading|this (?:article|content) is (?:for|reserved for) subscribers|"
            r"you have reached your (?:free )?(?:article )?limit|become a (?:member|subscriber) to)\b",
            _I,
        ),
        "paywall",
        40,
    ),
    (re.compile(r"^(?:disclaimer|haftungsausschluss)\b", _I), "disclaimer", 80),
    (
        re.compile(
            r"^[(\[]?\s*(?:read more|read also|also read|read next|see also|related|more|"
            r"more on (?:the|this) (?:subject|topic|story)|also on [\w.\-]+|recommended|watch|listen|"
            r"leggi anche(?: su)?|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|"
            r"leia também|lee también|lea también|читайте также|смотрите также)\b\s*[:–—\-]",
            _I,
        ),
        "read-more",
        30,
    ),
    # "Read more" alone is a button under a teaser, not the heading of a list.
    (
        re.compile(
            r"^(?:read more|continue reading|weiterlesen|lire la suite|leia mais|leer más|continua a leggere)\W*$",
            _I,
        ),
        "read-more",
        3,
    ),
    (
        re.compile(
            r"^(?:categories|category|filed under|posted in|tags|tagged|topics|rubrik|kategorien?|"
            r"schlagwörter|catégories?|categorias?|categorías?)\s*:",
            _I,
        ),
        "category",
        30,
    ),
    (
        re.compile(
            r"^\(?(?:(?:additional|further) )?(?:reporting|writing|editing|edited|compiled|produced|translated|"
            r"written|published|posted|photos?)\s+by\b"
            r"|\bcontributed (?:reporting|to this (?:report|story|article))\b",
            _I,
        ),
        "credit",
        40,
    ),
    (
        re.compile(
            r"^(?:photo|image|picture|video|source|credit|foto|bild|quelle|fonte|fuente)s?\s*(?:credit)?\s*:",
            _I,
        ),
        "credit",
        15,
    ),
    (
        re.compile(
            r"^(?:share|share this(?: article| story| post| page)?|share on \w+|share via \w+|tweet|e-?mail|print|"
            r"whatsapp|facebook|twitter|linkedin|pinterest|telegram|reddit)\s*[:!]?$"
            r"|\bshare (?:it|this) with (?:a|your) friends?\b"
            r"|^follow (?:us|\w+(?: \w+){0,5}) on (?:twitter|facebook|instagram|youtube|linkedin|tiktok|telegram)\b",
            _I,
        ),
        "share",
        20,
    ),
    (
        re.compile(
            r"^(?:discuss|comments?|\d+\s+comments?|leave a (?:comment|reply)|add a comment|post a comment|"
            r"join the discussion|show comments|view comments|tell us what you think\W*|explore further|"
            r"print article|order reprints|kommentare?|commentaires?|comentários?|comentarios?)$",
            _I,
        ),
        "footer",
        6,
    ),
    (
        re.compile(
            r"^(?:\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|close|×|✕|✖|x|play|pause|mute|unmute|replay|fullscreen|"
            r"advertisement|advertising|anzeige|publicité|publicidad|ad|sponsored|loading\W*|skip ad|menu|search|"
            r"next|previous|back to top|scroll to top|newsletters?|subscribe|sign up|log ?in|register)$"
            r"|^(?:reading time|lesezeit|tempo de leitura|temps de lecture|tiempo de lectura)\s*:"
            r"|^\d+\s*(?:min(?:ute)?s?|m)\s+read$",
            _I,
        ),
        "widget",
        10,
    ),
)

# Calls to action around newsletters and apps: short lines that ask, not tell.
_CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe|get|click|download|join|receive|listen|follow)\b|\b(?:in|to) your inbox\b", _I
)
_NEWSLETTER = re.compile(r"\bnewsletters?\b|\bapp\b|\bpodcast\b", _I)

_LIST_HEADINGS = re.compile(
    r"^(?:related(?: articles?| stories| posts?| news| content| coverage| reading| videos?| links| topics)?|"
    r"recent (?:posts|articles|stories|news)|latest(?: news| stories| posts| articles| videos)?|"
    r"more (?:stories|news|articles|videos|headlines|to read|from [\w .&'’\-]{2,40}|on [\w .&'’\-]{2,40}|in [\w .&'’\-]{2,40})|"
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|you may have missed|also read|read next|"
    r"most (?:read|popular|viewed|shared|commented)(?: [\w .&'’\-]{2,40})?|popular(?: (?:on|in|now) [\w .&'’\-]{2,40}| now| stories| posts)?|"
    r"trending(?: now| stories| topics)?|top stories|don'?t miss|do not miss|recommended(?: for you| stories| articles)?|"
    r"editor'?s picks|what to read next|see also|further reading|in other news|around the web|from the web|"
    r"sponsored (?:content|stories|links)|promoted (?:stories|content)|tags|"
    r"weitere artikel|das könnte sie auch interessieren|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|"
    r"leia também|veja também|notícias relacionadas|artículos relacionados|te puede interesar|"
    r"articoli correlati|potrebbe interessarti|читайте также|похожие статьи|другие новости)"
    r"\s*[:.…]*$",
    _I,
)
_MAX_CALL_WORDS = 20
_MAX_HEADING_WORDS = 7


def line_marker(line: str) -> str | None:
    """The reason `line` is boilerplate by what it says, or None."""
    text = line.strip()
    count = word_count(text)
    if _AGENCY_CREDIT.match(text):
        return "credit"  # before copyright: "© AFP / Jane Doe" credits a picture
    for pattern, reason, most_words in _LINE_MARKERS:
        if count <= most_words and pattern.search(text):
            return reason
    if count <= _MAX_CALL_WORDS and _CALL_TO_ACTION.search(text) and _NEWSLETTER.search(text):
        return "widget"
    return None


def agency_name(line: str) -> str | None:
    """The agency a credit line names ('© AFP / Jane Doe' -> 'AFP'), or None."""
    match = _AGENCY_CREDIT.match(line.strip())
    return match.group("agency") if match else None


def list_heading(line: str) -> str | None:
    """The reason for the list `line` opens ("Related Articles" -> related-links), or None."""
    text = line.strip()
    if word_count(text) > _MAX_HEADING_WORDS or not _LIST_HEADINGS.match(text):
        return None
    return "category" if text.lower().rstrip(":. ") == "tags" else "related-links"
