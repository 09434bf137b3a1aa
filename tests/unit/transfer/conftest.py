"""Fixtures for export and import: the sample files (more empty vaults come from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import NewServices

DATA = Path(__file__).with_name("data")

__all__ = ["NewServices"]


@pytest.fixture
def daylio_sample() -> str:
    return (DATA / "daylio_renamed.csv").read_bytes().decode("utf-8")
