"""Structured personas from JSON or YAML.

A persona file is one persona (a mapping with a name), a list of them, or
``{personas: [...]}``.  Keys may be English or Japanese (``challenges`` / ``課題``).  Each
persona is rendered as readable Japanese Markdown with section headings, so retrieval finds
"経理部長の課題" and a draft can quote a persona's objections word for word.  Keys Axis does
not know are kept as extra sections: nothing in the file is lost.
"""

from __future__ import annotations

import json
from pathlib import PurePath

import yaml

from assistant.domain import IngestWarning, LoadedFile, TextUnit
from assistant.errors import IngestError
from assistant.text.normalize import nfkc, normalize_cell, normalize_text

# field -> (heading, synonyms).  Profile fields are one line each; the rest are sections.
PERSONA_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("名前", ("名前", "氏名", "ペルソナ名", "ペルソナ", "name", "persona")),
    "role": ("役割", ("役割", "役職", "職種", "role", "job title", "position")),
    "industry": ("業種", ("業種", "業界", "industry")),
    "company_size": (
        "企業規模",
        ("企業規模", "会社規模", "従業員規模", "従業員数", "company size", "size", "employees"),
    ),
    "goals": ("目標", ("目標", "ゴール", "goals", "goal")),
    "challenges": ("課題", ("課題", "悩み", "ペイン", "challenges", "pains", "pain points")),
    "buying_process": (
        "購買プロセス",
        ("購買プロセス", "検討プロセス", "導入プロセス", "buying process"),
    ),
    "decision_makers": (
        "意思決定者",
        ("意思決定者", "決裁者", "decision makers", "decision maker"),
    ),
    "objections": (
        "よくある反論",
        ("よくある反論", "懸念/反論", "懸念・反論", "懸念", "反論", "objections", "concerns"),
    ),
    "info_sources": (
        "情報源",
        ("情報源", "情報収集", "情報収集源", "info sources", "information sources"),
    ),
}
PROFILE_FIELDS = ("role", "industry", "company_size")
SECTION_FIELDS = tuple(f for f in PERSONA_FIELDS if f not in ("name", *PROFILE_FIELDS))
_LIST_KEYS = frozenset({"personas", "ペルソナ一覧", "ペルソナリスト"})


def _key(text: object) -> str:
    return "".join(nfkc(str(text)).casefold().replace("_", " ").split())


_SYNONYMS = {
    _key(synonym): name
    for name, (_heading, synonyms) in PERSONA_FIELDS.items()
    for synonym in (name, *synonyms)
}


def _parse(text: str, *, suffix: str, source: str) -> object:
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(
                f"line {exc.lineno} column {exc.colno}: {exc.msg} — fix the JSON", path=source
            ) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise IngestError(f"{where}{problem} — fix the YAML", path=source) from exc


def _items(data: object, *, source: str) -> tuple[list[object], list[IngestWarning]]:
    warnings: list[IngestWarning] = []
    if isinstance(data, dict):
        list_key = next((k for k in data if _key(k) in _LIST_KEYS), None)
        if list_key is None:
            return [data], warnings
        warnings = [
            IngestWarning(path=source, message=f"top-level key '{k}' is not a persona — ignored")
            for k in data
            if k != list_key
        ]
        data = data[list_key]
    if not isinstance(data, list):
        raise IngestError(
            "must hold a persona (a mapping with 'name:' and its other keys), a list of "
            "them, or 'personas:' with a list — restructure the file",
            path=source,
        )
    if not data:
        raise IngestError("has no personas — add at least one with a name", path=source)
    return data, warnings


def _lines(value: object) -> list[str]:
    """A value as bullet lines: lists and mappings one item a line."""
    if isinstance(value, dict):
        return [f"- {normalize_cell(k)}: {', '.join(_inline(v))}" for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [f"- {', '.join(_inline(item))}" for item in value if _inline(item)]
    text = normalize_text(str(value)) if value is not None else ""
    return [text] if text else []


def _inline(value: object) -> list[str]:
    if isinstance(value, dict):
        return [f"{normalize_cell(k)}: {', '.join(_inline(v))}" for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _inline(item)]
    text = normalize_cell(value)
    return [text] if text else []


def render_persona(item: dict[object, object], *, index: int, source: str) -> tuple[str, str]:
    """Return ``(name, text)`` for one persona mapping; a missing name is an error."""
    fields: dict[str, object] = {}
    others: dict[str, object] = {}
    for raw_key, value in item.items():
        name = _SYNONYMS.get(_key(raw_key))
        if _key(raw_key) == "kind":  # the file says what it is; not part of the persona
            if _key(value) != "persona":
                raise IngestError(
                    f"persona {index}: kind '{value}' — a JSON/YAML file holds personas; "
                    "write 'kind: persona' or remove the key",
                    path=source,
                )
        elif name is None:
            others[normalize_cell(raw_key)] = value
        elif name in fields:
            raise IngestError(f"persona {index}: two keys mean '{name}' — keep one", path=source)
        else:
            fields[name] = value
    persona = normalize_cell(fields.get("name"))
    if not persona:
        raise IngestError(
            f"persona {index} has no name — add 'name:' (or '名前:') to item {index}",
            path=source,
        )
    parts = [f"# ペルソナ: {persona}"]
    profile = [
        f"- {PERSONA_FIELDS[f][0]}: {', '.join(_inline(fields[f]))}"
        for f in PROFILE_FIELDS
        if _inline(fields.get(f))
    ]
    if profile:
        parts.append("\n".join(profile))
    sections = [(PERSONA_FIELDS[f][0], fields[f]) for f in SECTION_FIELDS if f in fields]
    for heading, value in [*sections, *others.items()]:
        lines = _lines(value)
        if lines:
            parts.append(f"## {heading}\n" + "\n".join(lines))
    return persona, "\n\n".join(parts)


def load_personas(text: str, *, suffix: str, source: str) -> LoadedFile:
    """Every persona in a JSON/YAML file, one ``TextUnit`` each."""
    items, warnings = _items(_parse(text, suffix=suffix, source=source), source=source)
    units: list[TextUnit] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise IngestError(
                f"persona {index} is a {type(item).__name__}, not a mapping with a name — "
                "write it as 'name: ...' with its other keys",
                path=source,
            )
        name, body = render_persona(item, index=index, source=source)
        if name in seen:
            raise IngestError(
                f"persona '{name}' appears twice (items {seen[name]} and {index}) — "
                "merge them or rename one",
                path=source,
            )
        seen[name] = index
        units.append(TextUnit(text=body, metadata={"persona": name}))
    return LoadedFile(
        source=source,
        kind="persona",
        title=PurePath(source).stem,
        units=units,
        warnings=warnings,
    )
