"""Readable text summaries of a collection and of one document, for the terminal."""

from __future__ import annotations

from collections import Counter

from .collection import Collection, IngestReport
from .model import Citation, Document, Quote


def collection_summary(collection: Collection, report: IngestReport | None = None) -> str:
    docs = list(collection.documents())
    lines = []
    if report is not None:
        lines += [report.summary(), ""]
    lines.append(f"{len(docs)} documents")
    by_site = Counter(doc.site or "(unknown site)" for doc in docs)
    lines.append("\nDocuments by site:")
    lines += [
        f"  {count:4d}  {site}" for site, count in sorted(by_site.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    lines.append("\nDocuments by stated date:")
    for doc in sorted(docs, key=lambda d: (d.published or "~", d.id)):
        lines.append(f"  {doc.published or 'unknown':10s}  {doc.id}  {_clip(doc.title or '(no title)', 60)}")
    copies = [doc for doc in docs if doc.duplicate_of]
    lines.append(f"\nDuplicates: {len(copies)}")
    lines += [f"  {doc.id} is a copy of {doc.duplicate_of}" for doc in copies]
    quotes = collection.quotes()
    if quotes:
        speakers = Counter(quote.speaker or "(unattributed)" for quote in quotes)
        lines.append(f"\nQuotes by speaker ({len(quotes)}):")
        lines += [f"  {count:4d}  {name}" for name, count in speakers.most_common(15)]
    stories = collection.stories()
    if stories:
        lines.append(f"\nStories ({len(stories)}):")
        lines += [f"  {len(s.document_ids):2d} documents  {_clip(s.title, 60)}" for s in stories]
    rejections = collection.rejections()
    if rejections:
        lines.append(f"\nInputs that could not be read ({len(rejections)}):")
        lines += [f"  {rejection}" for rejection in rejections]
    return "\n".join(lines)


def document_summary(doc: Document) -> str:
    fields = [
        ("id", doc.id), ("source", doc.source), ("format", doc.format), ("site", doc.site),
        ("title", doc.title), ("title language", doc.title_language), ("language", doc.language),
        ("author", doc.author),
        ("published", f"{doc.published} ({doc.published_precision}; {doc.published_text!r})" if doc.published else None),
        ("categories", ", ".join(doc.categories) or None), ("content date", doc.content_date),
        ("duplicate of", doc.duplicate_of), ("republished from", doc.republished_from),
        ("story", doc.story_id),
    ]  # fmt: skip
    lines = [f"{name:>16}: {value}" for name, value in fields if value is not None]
    lines += ["", doc.body, ""]
    if doc.removed:
        lines.append(f"Removed ({len(doc.removed)} blocks):")
        lines += [f"  [{block.reason}] {_clip(block.text, 100)}" for block in doc.removed]
    if doc.quotes:
        lines.append(f"\nQuotes ({len(doc.quotes)}):")
        lines += [quote_line(quote) for quote in doc.quotes]
    return "\n".join(lines)


def speaker_label(quote: Quote) -> str:
    """Who said it, as far as the text tells: the resolved speaker, else the words the page
    uses ("officials"), marked as unresolved, else nobody."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_mention:
        return f"{quote.speaker_mention!r} (not resolved to a person)"
    return "(unattributed)"


def quote_line(quote: Quote) -> str:
    when = quote.said_on or "date unknown"
    return f"  {speaker_label(quote)} [{quote.kind}, {when}]: {_clip(quote.text, 120)}"


def cited_quote_lines(quote: Quote, citation: Citation) -> str:
    """A quote with everything needed to cite it: speaker, date said, outlet, title, where."""
    said = f"said {quote.said_on}" if quote.said_on else "date said unknown"
    outlet = citation.site or "(unknown outlet)"
    published = f", published {citation.published}" if citation.published else ""
    return "\n".join(
        [
            f"{speaker_label(quote)} ({quote.kind}, {said}):",
            f"  {_clip(quote.text, 300)}",
            f"  {outlet}: {_clip(citation.title or '(no title)', 100)}{published}",
            f"  document {citation.document_id}  {citation.where}",
        ]
    )


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
