"""Who said what: direct quotes and fragments, reported speech, interview
turns, cues and speakers. Stages run in this order: interview turns first
(their answers are not re-read as direct quotes), then direct quotes,
reported speech, and speaker resolution over the document's entities."""

from .direct import FindDirectQuotes
from .indirect import FindIndirectQuotes
from .interview import FindInterviewTurns
from .speakers import ResolveSpeakers

__all__ = ["FindDirectQuotes", "FindIndirectQuotes", "FindInterviewTurns", "ResolveSpeakers", "quote_stages"]


def quote_stages() -> list:
    """The issue-4 stages in pipeline order (entities first: speakers resolve against them)."""
    from ..entities import FindEntities

    return [FindEntities(), FindInterviewTurns(), FindDirectQuotes(), FindIndirectQuotes(), ResolveSpeakers()]
