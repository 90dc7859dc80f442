"""Typed settings, resolved once: shipped defaults < user file < environment < flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import UsageError

ENV_PREFIX = "NEWSTRACE_"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    jobs: int
    chunk_size: int
    store_batch: int
    html_timeout_seconds: float
    # limits on what one input may cost (read/limits.py, pipeline.py)
    page_max_bytes: int
    input_max_bytes: int
    decompressed_max_bytes: int
    compression_max_ratio: float
    page_max_seconds: float
    page_max_quotes: int
    republication_days: int
    analysis_parse: str
    # link phase
    near_duplicate_threshold: float
    minhash_permutations: int
    story_threshold: float
    undated_story_margin: float
    story_window_days: int
    link_posting_cap: int
    # serve
    serve_connections: int

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values (e.g. command-line flags) applied."""
        given = {name: value for name, value in overrides.items() if value is not None}
        return replace(self, **_coerce(given)) if given else self


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(Settings)}
    coerced: dict[str, Any] = {}
    for name, value in values.items():
        if name not in types:
            raise UsageError(f"unknown setting {name!r}; known: {', '.join(sorted(types))}")
        wanted = {"int": int, "float": float, "str": str}[str(types[name])]
        try:
            coerced[name] = wanted(value)
        except (TypeError, ValueError):
            raise UsageError(f"setting {name!r} must be {wanted.__name__}, got {value!r}") from None
    return coerced


def user_config_path() -> Path:
    explicit = os.environ.get(ENV_PREFIX + "CONFIG")
    if explicit:
        return Path(explicit)
    return Path.home() / ".config" / "newstrace" / "config.toml"


def load_settings(**flags: Any) -> Settings:
    values: dict[str, Any] = tomllib.loads(
        resources.files("newstrace").joinpath("defaults.toml").read_text(encoding="utf-8")
    )
    user_file = user_config_path()
    if user_file.is_file():
        try:
            values.update(tomllib.loads(user_file.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as error:
            raise UsageError(f"{user_file}: not valid TOML ({error})") from None
    for name in values:
        from_env = os.environ.get(ENV_PREFIX + name.upper())
        if from_env is not None:
            values[name] = from_env
    return Settings(**_coerce(values)).with_overrides(**flags)
