"""The error types newstrace raises and the one-line messages users see.

Every problem with an input becomes one `InputError` whose message names the
reason in plain words; the CLI prints `source: message` and goes on.
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base of every error newstrace raises on purpose."""


class InputError(NewstraceError):
    """An input (file, archive member, record) that cannot be read."""


class UsageError(NewstraceError):
    """A command or API call given arguments it cannot work with."""


class StoreError(NewstraceError):
    """The store cannot be opened or is of an unknown kind."""


class StoreBusy(StoreError):
    """Every connection the server may hold is answering other requests: try again shortly."""


# The reasons an input is turned away, in one catalogue so that the wording
# is the same wherever the problem is found.
EMPTY = "empty file"
BINARY = "binary data, not text, HTML, JSON Lines, WARC or an archive"
UNDECODABLE = "cannot be decoded as text in any known encoding"
NOT_FOUND = "no such file or folder"
UNREADABLE = "cannot be read"
NO_TEXT = "no article text (neither 'text' nor 'html')"
