"""Data files shipped with the app (crisis lines, stylesheet, icons), found in editable and wheel installs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file shipped in this package, e.g. ``resource_path("data", "crisis_lines.json")``."""
    root = resources.files(__name__)
    return Path(str(root.joinpath(*parts)))


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
