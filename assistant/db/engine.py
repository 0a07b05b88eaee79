"""Engines are cached per URL: creating one per request would defeat connection pooling."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Engine, MetaData, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError

from assistant.errors import ServiceUnavailableError

log = logging.getLogger(__name__)
_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets the app keep reading while `axis ingest` writes in another process;
    # busy_timeout makes a writer wait for the other instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def get_engine(url: str) -> Engine:
    """Return the engine for ``url``, creating its tables on first use."""
    with _lock:
        engine = _engines.get(url)
        if engine is not None:
            return engine
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        from assistant.db.schema import metadata

        try:
            metadata.create_all(engine)
            _add_missing_columns(engine, metadata)
        except OperationalError as exc:
            raise ServiceUnavailableError(
                f"Cannot open the database at {engine.url.render_as_string(hide_password=True)}"
                f" — is it running and reachable? (set AXIS_DB_URL) [{exc.orig}]",
                service="database",
                url=str(engine.url),
            ) from exc
        _engines[url] = engine
        return engine


def _add_missing_columns(engine: Engine, metadata: MetaData) -> None:
    """Additive schema upgrades: a column added in a newer Axis appears in older databases.

    ``create_all`` creates missing tables but never alters existing ones.  New columns are
    added as nullable (readers treat NULL like the column's default), so an upgrade never
    needs a rewrite of existing rows.  Anything beyond adding columns needs a real migration.
    """
    inspector = inspect(engine)
    existing_tables = set(inspector.get_table_names())
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            if table.name not in existing_tables:
                continue
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in have:
                    continue
                ddl_type = column.type.compile(dialect=engine.dialect)
                preparer = engine.dialect.identifier_preparer
                conn.execute(
                    text(
                        f"ALTER TABLE {preparer.quote(table.name)} "
                        f"ADD COLUMN {preparer.quote(column.name)} {ddl_type}"
                    )
                )
                log.info("added column %s.%s to the database", table.name, column.name)


def display_url(url: str) -> str:
    """The database URL as it may be shown (password hidden)."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def dispose_all() -> None:
    """Close every pooled connection (tests and shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
