"""Fixtures for printing tests: the Qt application every print needs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Printing measures fonts: every test runs with the (offscreen) application."""
