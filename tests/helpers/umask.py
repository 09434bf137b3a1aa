"""A fixture for tests that run main() in-process: main() sets the umask to 0o077, right for a real process."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """Put the umask back after the test, so main()'s setting does not leak into other tests."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)
