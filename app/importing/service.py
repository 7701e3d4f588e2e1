"""The import as one call each, for the command line and the window.

``preview_*`` reads and plans without writing; ``import_*`` plans and writes in
the caller's transaction and saves the report. Both remember nothing
themselves: the officer's header mapping is loaded/saved with ``columns``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session

from app.context import Context
from app.importing.catalog_import import CatalogPlan, CatalogResult, apply_catalog, plan_catalog, read_catalog_file
from app.importing.columns import load_mapping
from app.importing.dossier_file import CheckFn, DossierFile, ProgressFn, read_dossier_file
from app.importing.dossier_import import ImportPlan, ImportResult, plan_import
from app.importing.dossier_write import apply_import
from app.importing.report import write_report


def read_for_source(session: Session, path: str | Path, source: str | None = None, *,
                    progress: ProgressFn | None = None, check: CheckFn | None = None) -> DossierFile:
    mapping = load_mapping(session, source or Path(path).name)
    return read_dossier_file(path, mapping, progress=progress, check=check)


def preview_dossiers(session: Session, ctx: Context, path: str | Path, source: str | None = None, *,
                     parsed: DossierFile | None = None, progress: ProgressFn | None = None,
                     check: CheckFn | None = None) -> ImportPlan:
    parsed = parsed or read_for_source(session, path, source, progress=progress, check=check)
    return plan_import(session, ctx, parsed, progress=progress, check=check)


def import_dossiers(session: Session, ctx: Context, path: str | Path, source: str | None = None, *,
                    parsed: DossierFile | None = None, create_procedures: bool = False,
                    skip_rejected: bool = False, progress: ProgressFn | None = None,
                    check: CheckFn | None = None, create_units: bool = False) -> tuple[ImportPlan, ImportResult]:
    """Plan and write in the caller's transaction. The report is saved once the write went through;
    the caller commits (a failure after this point still rolls everything back)."""
    plan = preview_dossiers(session, ctx, path, source, parsed=parsed, progress=progress, check=check)
    result = apply_import(session, ctx, plan, create_procedures=create_procedures, skip_rejected=skip_rejected,
                          progress=progress, check=check, create_units=create_units)
    report = save_dossier_report(ctx, plan, result)
    return plan, dataclasses.replace(result, report_path=str(report))


def save_dossier_report(ctx: Context, plan: ImportPlan, result: ImportResult | None) -> Path:
    summary: list[tuple[str, int | str]] = [("Số dòng dữ liệu", plan.file.data_rows), ("Thêm mới", plan.added), ("Cập nhật", plan.updated),
               ("Không đổi", plan.unchanged), ("Không nhập được", plan.rejected)]
    if plan.file.rating_scale is not None:
        summary.append(("Đánh giá hài lòng ghi nhận (thang điểm 1–" + str(plan.file.rating_scale) + ")", plan.rated))
    if result is None:
        summary.insert(0, ("Chế độ", "Xem trước (chưa ghi vào sổ)"))
    else:
        summary.append(("Thủ tục mới tạo", result.procedures_created))
        summary.append(("Đơn vị mới tạo", result.units_created))
        summary.append(("Sự kiện ghi vào lịch sử", result.events))
    extra = [("Thủ tục chưa có trong danh mục", u.code, u.name, u.rows) for u in plan.unknown_procedures]
    extra += [("Đơn vị chưa có trong danh sách", "", u.name, u.rows) for u in plan.unknown_units]
    return write_report(ctx.now(), "ho-so", plan.file.name, summary, plan.problems, extra)


def preview_catalog(session: Session, path: str | Path, source: str | None = None) -> CatalogPlan:
    mapping = load_mapping(session, source or Path(path).name, kind="catalog")
    return plan_catalog(session, read_catalog_file(path, mapping))


def import_catalog(session: Session, ctx: Context, path: str | Path, source: str | None = None, *,
                   skip_rejected: bool = False, check: CheckFn | None = None) -> tuple[CatalogPlan, CatalogResult]:
    plan = preview_catalog(session, path, source)
    result = apply_catalog(session, plan, skip_rejected=skip_rejected, check=check)
    summary = [("Thêm mới", plan.added), ("Cập nhật", plan.updated), ("Không đổi", plan.unchanged),
               ("Không nhập được", plan.rejected)]
    report = write_report(ctx.now(), "danh-muc", plan.file_name, summary, plan.problems)
    return plan, dataclasses.replace(result, report_path=str(report))
