"""No module of the core or the front end grows past 400 lines (issue 9): each keeps one clear job."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for package in ("wellbeing_app", "ui")
        for path in (ROOT / package).rglob("*.py")
    }
    assert len(sizes) > 100
    assert {name: size for name, size in sizes.items() if size > LIMIT} == {}
