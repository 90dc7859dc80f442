"""Handing the memory a link pass freed back to the operating system.

A link pass holds thousands of decoded profiles and story states at once, then
frees them. CPython returns its own small-object arenas when they empty, but
everything larger (a vector's dict, a decoded JSON string) comes from the C
allocator, which keeps freed pages for reuse: the storing process's resident
memory then shows the largest pass so far, and climbs in steps over a long
ingest although what it holds between passes does not grow. glibc's
`malloc_trim` gives free pages back; no library wraps it, hence these lines.
Elsewhere (another C library, another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc
        return None


def give_back_freed_memory() -> None:
    """Return the C allocator's free pages to the system (glibc; a no-op elsewhere)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
