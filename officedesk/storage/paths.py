"""Where the data folder is: --data-dir, OFFICEDESK_DATA, portable mode, or the user data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "officedesk"
DB_NAME = "officedesk.db"
PORTABLE_MARKER = "portable"


def program_dir() -> Path:
    """The folder of the program: the executable's when frozen, else the package's parent."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent.parent


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use, in order: argument, OFFICEDESK_DATA, portable marker, user data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("OFFICEDESK_DATA")
    if env:
        return Path(env).expanduser().resolve()
    here = program_dir()
    if (here / PORTABLE_MARKER).exists():
        return here / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def is_network_path(path: Path) -> bool:
    """Whether `path` lies on a network share, where WAL must not be used."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    return False
