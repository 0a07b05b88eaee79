"""The SQL side of Axis: one engine per URL, the knowledge tables, and their readers.

SQLite under ``AXIS_HOME`` by default; PostgreSQL (or any SQLAlchemy URL) through
``AXIS_DB_URL``.  Only this package imports SQLAlchemy.
"""

from assistant.db.engine import get_engine
from assistant.db.schema import metadata

__all__ = ["get_engine", "metadata"]
