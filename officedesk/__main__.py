"""python -m officedesk, and the entry point of the frozen (PyInstaller) program."""

import multiprocessing

from officedesk.cli import main

if __name__ == "__main__":
    # A frozen program starts its worker processes (demo data) by running itself again:
    # freeze_support hands those runs to multiprocessing instead of the command line.
    multiprocessing.freeze_support()
    raise SystemExit(main())
