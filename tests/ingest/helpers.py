"""Test data builders shared by the ingest tests."""

from __future__ import annotations

import io
from pathlib import Path

DATA = Path(__file__).parent / "data"


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A real .xlsx workbook written by openpyxl, one sheet per entry (in order)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
