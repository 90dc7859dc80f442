"""Library noise kept off the user's terminal.

newstrace speaks on stderr in its own one-line messages only. Warnings that libraries
raise while reading pages (dateutil's `UnknownTimezoneWarning: tzname EST`, lxml's and
trafilatura's complaints about a broken page) are logged at debug level instead, and
library loggers get a handler that drops their records unless the user asks for them
with `NEWSTRACE_LOG=debug` (or info, warning).
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

LOGGER = logging.getLogger("newstrace")


def _warning_to_debug(message, category, filename, lineno, file=None, line=None) -> None:
    LOGGER.debug("%s: %s (%s:%s)", category.__name__, message, filename, lineno)


def quiet_library_warnings() -> None:
    """Send library warnings to the debug log; show logs only when NEWSTRACE_LOG asks."""
    warnings.showwarning = _warning_to_debug
    root = logging.getLogger()
    wanted = os.environ.get("NEWSTRACE_LOG", "").upper()
    if wanted in ("DEBUG", "INFO", "WARNING", "ERROR"):
        if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("newstrace log: %(name)s: %(message)s"))
            root.addHandler(handler)
        root.setLevel(wanted)
    elif not root.handlers:
        root.addHandler(logging.NullHandler())  # no "last resort" printing of library records
