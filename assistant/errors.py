"""Errors Axis raises, each carrying enough to tell the user what to do.

    AxisError                     base; ``str(err)`` is a complete, user-facing message
    ├── ConfigError               a setting is invalid (names the setting / env var)
    │   ├── PromptError           a prompt file is malformed or rendered with the wrong inputs
    │   └── ChecklistError        the shipped checklist data is malformed
    ├── InputError                a value the user gave cannot be used (empty text, bad amount)
    ├── IngestError               a file cannot be read whole (path, row, column)
    ├── NotFoundError             a named thing (document, month, ...) does not exist
    ├── StoreError                the local store is locked, inconsistent or cannot be written
    ├── FeedbackError             feedback notes cannot be synthesised (none, too many, no words)
    ├── AnalyticsError            the KPI figures asked for cannot be computed from the data
    ├── ReviewError               a review action the draft's state (or its author) does not allow
    ├── LLMResponseError          the LLM answered, but not with something Axis can use
    └── ServiceUnavailableError   a server (Chroma, LLM, database) cannot be reached

The CLI maps ``ServiceUnavailableError`` to exit code 3 and every other ``AxisError`` to 1;
the UI shows the message with ``st.error``.  Library code never prints.
"""

from __future__ import annotations

from pathlib import Path


class AxisError(Exception):
    """Base class: the message says what happened, where, and what to do.

    ``str(err)`` is the English message (logs, the CLI's ``--json`` mode); ``ja`` is the same
    message in Japanese when the raiser wrote one, and ``localized(lang)`` picks the one a
    user of that language should read.
    """

    exit_code = 1

    def __init__(self, message: str = "", *args: object, ja: str | None = None) -> None:
        self.ja = ja
        super().__init__(message, *args)

    def localized(self, lang: str) -> str:
        return self.ja if lang == "ja" and self.ja else str(self)


class ConfigError(AxisError):
    """A setting has a value Axis cannot use."""


class PromptError(ConfigError):
    """A prompt file is malformed, missing, or rendered with the wrong inputs."""


class ChecklistError(ConfigError):
    """The checklist data file is malformed (the message names the item and the fix)."""


class InputError(AxisError):
    """A value the user typed or passed cannot be used; the message says what to give."""


class IngestError(AxisError):
    """A file (or one row/column of it) cannot be ingested.

    ``path``/``row``/``column`` are kept as attributes so callers can build structured
    reports (``{"path", "error"}``) without parsing the message.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.row = row
        self.column = column
        self.reason = message
        where = []
        if self.path:
            where.append(self.path)
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        prefix = (" ".join(where) + ": ") if where else ""
        super().__init__(prefix + message)


class NotFoundError(AxisError):
    """Something the user named does not exist; the message lists what does."""


class StoreError(AxisError):
    """The knowledge store could not complete an operation (e.g. lock timeout)."""


class FeedbackError(AxisError):
    """Feedback notes Axis cannot synthesise; the message says what to paste or change.

    ``run_id`` names the persisted run when the notes were saved before the problem was
    found, so nothing the user pasted is lost.
    """

    def __init__(self, message: str, *, run_id: int | None = None, ja: str | None = None) -> None:
        self.run_id = run_id
        super().__init__(message, ja=ja)


class AnalyticsError(AxisError):
    """The numbers asked for cannot be computed from the data (the message says which and
    what to add or pass instead)."""


class ReviewError(AxisError):
    """A review action that the draft's state does not allow; the message says what would."""


class LLMResponseError(AxisError):
    """The LLM answered, but not with something Axis can use (bad JSON, refused request)."""


class ServiceUnavailableError(AxisError):
    """A server Axis depends on did not answer."""

    exit_code = 3

    def __init__(
        self, message: str, *, service: str, url: str | None = None, ja: str | None = None
    ) -> None:
        self.service = service
        self.url = url
        super().__init__(message, ja=ja)
