"""Which reader an input needs: by its name first, then by its first bytes."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["text", "html", "jsonl", "warc", "zip", "tar", "gzip"]

# Longest suffixes first, so that ".warc.gz" is not taken for ".gz".
_BY_SUFFIX: tuple[tuple[str, Kind], ...] = (
    (".warc.gz", "warc"),
    (".tar.gz", "tar"),
    (".tgz", "tar"),
    (".tar.bz2", "tar"),
    (".tar.xz", "tar"),
    (".warc", "warc"),
    (".tar", "tar"),
    (".zip", "zip"),
    (".gz", "gzip"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt", "text"),
    (".text", "text"),
)
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<!--|<meta|<div|<p[ >])", re.I)


def kind_from_name(name: str) -> Kind | None:
    lowered = name.lower()
    for suffix, kind in _BY_SUFFIX:
        if lowered.endswith(suffix):
            return kind
    return None


def kind_from_content(data: bytes) -> Kind:
    """A best guess for inputs without a telling name (stdin, odd suffixes)."""
    head = data[:4096]
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"WARC/"):
        return "warc"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    if head.lstrip().startswith(b"{"):
        return "jsonl"
    return "text"
