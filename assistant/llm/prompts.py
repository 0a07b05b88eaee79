"""Prompt files: ``prompts/<lang>/<name>.md``, a small header and a Jinja body.

    ---
    name: chat_answer
    version: 3
    inputs: [question, sources, facts]
    ---
    ...{{ question }}...

The registry checks, when it loads a file, that the header's ``inputs`` are exactly the
variables the body uses, and, when it renders, that the caller passed exactly those inputs —
so a prompt and its caller cannot silently disagree.  Rendering uses ``StrictUndefined``:
a missing variable or attribute raises instead of rendering as an empty string.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.meta
import yaml

from assistant.errors import PromptError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
LANGUAGES: tuple[str, ...] = ("ja", "en")
_env = jinja2.Environment(
    undefined=jinja2.StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True
)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    lang: str
    inputs: frozenset[str]
    path: Path
    template: jinja2.Template

    def render(self, **values: object) -> str:
        given = set(values)
        if given != self.inputs:
            missing = sorted(self.inputs - given)
            extra = sorted(given - self.inputs)
            raise PromptError(
                f"{self.path}: rendered with the wrong inputs (missing {missing}, "
                f"unexpected {extra}) — update the caller or the file's `inputs:` header"
            )
        try:
            return self.template.render(**values).strip()
        except jinja2.UndefinedError as exc:
            raise PromptError(f"{self.path}: {exc} — pass it or fix the template") from exc


def parse_prompt(path: Path, *, lang: str) -> Prompt:
    """Read one prompt file, checking its header against its body."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise PromptError(f"{path}: must start with a '---' header (name, version, inputs)")
    header_text, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise PromptError(f"{path}: the header is not closed with '---'")
    header = yaml.safe_load(header_text) or {}
    if not isinstance(header, Mapping) or not {"name", "version", "inputs"} <= set(header):
        raise PromptError(f"{path}: the header needs name, version and inputs")
    if header["name"] != path.stem:
        raise PromptError(f"{path}: header name {header['name']!r} differs from the file name")
    declared = frozenset(header["inputs"] or [])
    try:
        used = jinja2.meta.find_undeclared_variables(_env.parse(body))
    except jinja2.TemplateSyntaxError as exc:
        raise PromptError(f"{path} line {exc.lineno}: {exc.message}") from exc
    if used != declared:
        raise PromptError(
            f"{path}: header inputs {sorted(declared)} differ from the variables the body "
            f"uses {sorted(used)} — make them agree"
        )
    return Prompt(
        name=str(header["name"]),
        version=int(header["version"]),
        lang=lang,
        inputs=declared,
        path=path,
        template=_env.from_string(body),
    )


class PromptRegistry:
    """All prompts under a folder, loaded lazily and cached."""

    def __init__(self, root: Path = PROMPTS_DIR) -> None:
        self.root = root
        self._cache: dict[tuple[str, str], Prompt] = {}
        self._lock = threading.Lock()

    def names(self, lang: str) -> list[str]:
        return sorted(p.stem for p in (self.root / lang).glob("*.md"))

    def get(self, name: str, *, lang: str) -> Prompt:
        if lang not in LANGUAGES:
            raise PromptError(f"No prompts in language {lang!r} — use one of {list(LANGUAGES)}")
        key = (name, lang)
        with self._lock:
            if key not in self._cache:
                path = self.root / lang / f"{name}.md"
                if not path.is_file():
                    known = ", ".join(self.names(lang)) or "none"
                    raise PromptError(f"No prompt {name!r} in {self.root / lang} (have: {known})")
                self._cache[key] = parse_prompt(path, lang=lang)
            return self._cache[key]

    def render(self, name: str, *, lang: str, **values: object) -> str:
        return self.get(name, lang=lang).render(**values)


@functools.cache
def default_registry() -> PromptRegistry:
    return PromptRegistry()
