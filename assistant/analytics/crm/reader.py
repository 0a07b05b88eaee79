"""CRM/MA exports met while ingesting a folder: recognised by their headers and counted by
event month, never read as feedback.  This is the ``ExportReader`` the ingest pipeline is
given (``assistant.ingest.tables``), so ingest itself knows no tool."""

from __future__ import annotations

from assistant.analytics.crm.importer import import_bytes, to_loaded_file
from assistant.analytics.crm.mappings import TOOLS
from assistant.analytics.crm.read import _recognised, _roles, detect_any
from assistant.domain import LoadedFile
from assistant.errors import IngestError
from assistant.ingest.tabular import Table


class CrmExportReader:
    """Recognises exports of the tools Axis knows by their headers (never kintone's, whose
    headers are the customer's own: those need ``axis kpi import kintone`` with a mapping)."""

    def detect(self, header: list[str]) -> str | None:
        found = detect_any(header)
        return found[0].name if found else None

    def needs_mapping(self, header: list[str]) -> str | None:
        for tool in TOOLS.values():
            if not tool.confirm:
                continue
            for report in tool.reports:
                roles = _roles(header, report)
                if _recognised(report, roles):
                    found = " ".join(f"--map '{header[i]}={role}'" for role, i in roles.items())
                    return (
                        f"looks like a {tool.name} export: its columns are your app's own, so Axis "
                        f"counts it only with a mapping you confirm — check and run: axis kpi "
                        f"import {tool.id} FILE {found}"
                    )
        return None

    def load(self, data: bytes, *, suffix: str, source: str, table: Table | None) -> LoadedFile:
        filename = source.split("#", 1)[0]
        result = import_bytes(data, filename=filename, system="auto", source=source, table=table)
        if not result.months:
            raise IngestError(
                "is a CRM export with no record that has a readable stage date — nothing to "
                "count (see the skipped rows with axis kpi import)",
                path=source,
            )
        loaded = to_loaded_file(result)
        loaded.kind_basis = f"{TOOLS[result.system].name} export ({result.title})"
        if result.skipped:
            from assistant.domain import IngestWarning

            loaded.warnings.append(
                IngestWarning(
                    path=source,
                    message=f"{len(result.skipped):,} record(s) not counted (first: row "
                    f"{result.skipped[0].row}: {result.skipped[0].reason}) — see them with "
                    f"axis kpi import {result.system} FILE",
                )
            )
        return loaded
