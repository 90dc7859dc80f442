"""Stage: keep the article's paragraphs, remove the page furniture, say why for each.

needs: body      adds: body (article text only), removed

A line classifier for text that is already out of its HTML: plain-text
inputs, and trafilatura's output for HTML inputs. No library does this part
(trafilatura and jusText work on the DOM; here the DOM is gone), so it is
written here, as a few passes over the lines, each adding labels:

  1. header zone   site name, tagline, section, date line, byline, title (`page_header`)
  2. markers       lines that say what they are ("© 2023 ...", "READ MORE:", "Share")
  3. lists         what follows "Related Articles" / "Recent Posts" until prose resumes
  4. repetition    the title again, a paragraph again, a lede repeated by the next paragraph
  5. strays        headlines injected mid-body, picture credits, spam, trailing stubs (`strays`)

Extractor output gets passes 1-4 with only stated titles and site names
trusted (`guess=False`), and a narrower pass 5: trafilatura has already
dropped most furniture, so only confident decisions are worth making there.
Every removed line is kept as a `RemovedBlock` with its reason; consecutive
lines removed for the same reason form one block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..model import Document, RemovedBlock
from . import rules, strays
from .page_header import read_header
from .shapes import is_paragraph_shaped, line_key


@dataclass(slots=True)
class Unit:
    """One line (or one hard-wrapped paragraph) and the blank-line block it sits in."""

    text: str
    block: int


def split_units(body: str) -> list[Unit]:
    units: list[Unit] = []
    for number, block in enumerate(body.split("\n\n")):
        lines = [line for line in block.split("\n") if line.strip()]
        if rules.is_hard_wrapped(lines):
            units.append(Unit("\n".join(lines), number))
        else:
            units.extend(Unit(line, number) for line in lines)
    return units


@dataclass(slots=True)
class Decisions:
    """Per line: the reason it is boilerplate (None: article text); lines cut in part."""

    reasons: list[str | None]
    trims: rules.Trims


def classify(
    texts: list[str],
    *,
    blocks: list[int] | None = None,
    guess: bool,
    title_hints: list[str],
    site_hints: list[str],
) -> Decisions:
    """Decide, line by line, what is article text and why the rest is not.

    `blocks` numbers the blank-line block each line sits in (default: each
    line its own block, as in extractor output).
    """
    blocks = blocks if blocks is not None else list(range(len(texts)))
    header = read_header(texts, title_hints=title_hints, site_hints=site_hints, guess=guess)
    reasons: dict[int, str] = dict(header.reasons)
    site_keys = {line_key(h) for h in site_hints} | {
        line_key(texts[i]) for i, reason in header.reasons.items() if reason == "header"
    }
    title = texts[header.title_index] if header.title_index is not None else None
    title_keys = {line_key(t) for t in [*title_hints, title] if t}
    tail = 1 + max((i for i, text in enumerate(texts) if is_paragraph_shaped(text)), default=len(texts) - 1)
    headings = rules.mark_markers(texts, reasons, tail=max(tail, header.end))
    rules.sweep_lists(texts, reasons, headings, site_keys)
    rules.mark_repetition(texts, reasons, title_keys - {""})
    trims: rules.Trims = {}
    rules.mark_repeated_lede(texts, reasons, trims, start=header.end)
    strays.mark_strays(texts, blocks, reasons, start=header.end, guess=guess)
    return Decisions([reasons.get(i) for i in range(len(texts))], trims)


def assemble(units: list[Unit], decisions: Decisions) -> tuple[str, list[RemovedBlock]]:
    """The kept units as a body (same-block lines stay together) and the removed blocks."""
    paragraphs: list[list[str]] = []
    removed: list[RemovedBlock] = []
    last_block: int | None = None
    previous: str | None = None
    for i, (unit, reason) in enumerate(zip(units, decisions.reasons, strict=True)):
        if reason is not None:
            if reason == previous and not reason.endswith("title"):
                removed[-1].text += "\n" + unit.text
            else:
                removed.append(RemovedBlock(unit.text, reason))
            previous = reason
            continue
        previous = None
        text = unit.text
        if i in decisions.trims:
            text, cut = decisions.trims[i]
            removed.append(RemovedBlock(cut, "duplicate-paragraph"))
        if paragraphs and unit.block == last_block:
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        last_block = unit.block
    return "\n\n".join("\n".join(lines) for lines in paragraphs), removed


class RemoveBoilerplate:
    name: ClassVar[str] = "remove_boilerplate"
    needs: ClassVar[frozenset[str]] = frozenset({"body"})
    adds: ClassVar[frozenset[str]] = frozenset({"body", "removed"})

    def run(self, doc: Document) -> Document:
        units = split_units(doc.body)
        if not units:
            return doc
        title_hints = [t for t in (doc.given.get("title"), doc.html_metadata.get("title")) if t]
        site_hints = [s for s in (doc.given.get("site"), doc.html_metadata.get("sitename")) if s]
        decisions = classify(
            [unit.text for unit in units],
            blocks=[unit.block for unit in units],
            guess=not doc.is_html,
            title_hints=title_hints,
            site_hints=site_hints,
        )
        doc.body, removed = assemble(units, decisions)
        doc.removed.extend(removed)
        return doc
