"""The archive's documents from the store: catalogue volumes and their exports, shared by the
CLI, the UI and the bench. Rows come from the caller's connection (a worker opens its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from officedesk.storage import archive, settings
from officedesk.storage.db import Store


def catalogue_volumes(store: Store, year: int | None = None, *, by_retention: bool = False,
                      retention: str | None = None) -> list[Any]:  # fmt: skip
    """The 归档文件目录 volumes (exports.archive_catalogue.Volume), newest year first."""
    from officedesk.exports.archive_catalogue import Volume

    names = dict(archive.orgs(store))
    fonds, fonds_name = archive.fonds_no(store), archive.fonds_name(store)
    out = []
    for vol_year, vol_retention in archive.volumes(store, by_retention or retention is not None):
        if year is not None and vol_year != year:
            continue
        if retention is not None and vol_retention != retention:
            continue
        rows = archive.catalogue_rows(store, vol_year, vol_retention)
        codes = sorted({str(r["org_code"]) for r in rows if r.get("org_code")})
        orgs = "、".join(f"{names.get(c, c)}({c})" for c in codes)
        out.append(Volume(fonds, fonds_name, vol_year, vol_retention, orgs, rows))
    return out


def export_meta(store: Store, subtitle: str = "") -> Any:
    """ExportMeta with the unit's name."""
    from officedesk.exports import ExportMeta

    return ExportMeta(unit_name=str(settings.get(store, "unit_name")), subtitle=subtitle)


def export_catalogue(store: Store, path: Path, year: int | None = None, *,
                     by_retention: bool = False, progress: Any = None) -> int:  # fmt: skip
    """Write the 归档文件目录 to `path` (.docx with covers, .xlsx one sheet); the 件 written."""
    from officedesk.exports.archive_catalogue import write_catalogue_docx, write_catalogue_xlsx
    from officedesk.exports.common import ExportError

    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        from officedesk.printing.archive_catalogue import catalogue_job
        from officedesk.printing.service import ensure_gui_app, print_to_pdf

        ensure_gui_app()
        volumes = catalogue_volumes(store, year, by_retention=by_retention)
        if not volumes:
            raise ExportError(f"没有可导出的归档文件，未生成「{path}」。", Path(path))
        print_to_pdf(catalogue_job(volumes, fonds_name_of(store)), Path(path))
        return sum(len(v.rows) for v in volumes)
    if suffix == ".docx":
        volumes = catalogue_volumes(store, year, by_retention=by_retention)
        return write_catalogue_docx(Path(path), volumes, export_meta(store), progress)
    if suffix == ".xlsx":
        rows = archive.iter_catalogue(store, year)
        subtitle = f"全宗号：{archive.fonds_no(store)}" + (f"　{year}年度" if year else "")
        return write_catalogue_xlsx(Path(path), rows, export_meta(store, subtitle), progress)
    raise ExportError(f"归档文件目录只能导出为 .docx、.xlsx 或 .pdf，不是「{path}」", Path(path))


def fonds_name_of(store: Store) -> str:
    """The 全宗名称 (or the unit's name)."""
    return archive.fonds_name(store)
