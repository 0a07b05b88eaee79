"""Settings one workspace keeps for itself: a company's fiscal year does not change with the
machine Axis runs on, so it is stored with the company's data, not in an environment variable.

Values are text; ``assistant.analytics.options`` validates and reads them (an environment
variable gives the default for workspaces that set nothing).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select

from assistant.db.engine import get_engine
from assistant.db.schema import workspace_settings


def load_workspace_settings(db_url: str, workspace: str) -> dict[str, str]:
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            select(workspace_settings.c.key, workspace_settings.c.value).where(
                workspace_settings.c.workspace == workspace
            )
        )
        return {key: value for key, value in rows}


def save_workspace_setting(db_url: str, workspace: str, key: str, value: str | None) -> None:
    """Set ``key`` (``None`` removes it, so the default applies again)."""
    with get_engine(db_url).begin() as conn:
        conn.execute(
            delete(workspace_settings).where(
                workspace_settings.c.workspace == workspace, workspace_settings.c.key == key
            )
        )
        if value is not None:
            conn.execute(
                insert(workspace_settings).values(
                    workspace=workspace, key=key, value=value, updated_at=dt.datetime.now(dt.UTC)
                )
            )
