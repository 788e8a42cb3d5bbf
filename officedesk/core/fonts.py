"""Which font families this PC has, as far as the program knows (the GUI tells, from Qt).

Generated 公文 name, for each role, the first font of the unit's chain that is installed; the
command line has no font database and uses each chain's first font.
"""

from __future__ import annotations

from collections.abc import Iterable

_installed: frozenset[str] | None = None


def set_installed(families: Iterable[str]) -> None:
    """Remember the installed font families (called once by the GUI at start)."""
    global _installed
    _installed = frozenset(families)


def installed() -> frozenset[str] | None:
    """The installed font families, or None when unknown."""
    return _installed
