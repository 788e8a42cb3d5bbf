"""Shared fixtures: a fresh store in a temporary data folder, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from officedesk.storage.db import Store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A fresh store (writer, migrated) in a temporary data folder."""
    s = Store.open(data_dir)
    try:
        yield s
    finally:
        s.close()
