"""Smoke-test a built program: python packaging/smoke_test.py dist/officedesk/officedesk[.exe]

Runs the frozen executable on a scratch data folder: version, demo (the small path and the
parallel one, which starts worker processes), search, check, exports (registers, the 归档文件目录,
the 督办通报), selftest. Exit 0 = all ok.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    exe = Path(sys.argv[1]).resolve()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "small", Path(tmp) / "big"
        steps = [
            ["--version"],
            ["--data-dir", str(small), "demo", "--rows", "300"],
            ["--data-dir", str(big), "demo", "--rows", "60000"],
            ["--data-dir", str(big), "search", "lyj", "--json"],
            ["--data-dir", str(big), "check"],
            ["--data-dir", str(small), "export", "documents", str(Path(tmp) / "x.xlsx")],
            ["--data-dir", str(small), "export", "documents", str(Path(tmp) / "x.docx")],
            ["--data-dir", str(small), "export", "documents", str(Path(tmp) / "x.pdf")],
            ["--data-dir", str(small), "export", "visitors", str(Path(tmp) / "v.csv")],
            ["--data-dir", str(small), "catalogue", str(Path(tmp) / "cat.docx")],
            ["--data-dir", str(small), "catalogue", str(Path(tmp) / "cat.pdf")],
            ["--data-dir", str(small), "report", str(Path(tmp) / "tb.docx")],
            ["--data-dir", str(small), "selftest"],
        ]
        for args in steps:
            out = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                                 timeout=300)  # fmt: skip
            status = "ok " if out.returncode == 0 else "FAIL"
            print(f"{status} {' '.join(args)}: {(out.stdout or out.stderr).strip()[:120]}")
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return 1
        for name in ("x.xlsx", "x.docx", "x.pdf", "v.csv", "cat.docx", "cat.pdf", "tb.docx"):
            if (Path(tmp) / name).stat().st_size < 1000:
                print(f"FAIL {name} is too small")
                return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
