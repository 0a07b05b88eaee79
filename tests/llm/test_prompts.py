"""Prompt files: headers agree with bodies, languages agree with each other and with callers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analytics.query.llm import PROMPT_INPUTS as KPI_INPUTS
from assistant.chat.service import PROMPT_INPUTS as CHAT_INPUTS
from assistant.drafts.generate import PROMPT_INPUTS as DRAFT_INPUTS
from assistant.errors import PromptError
from assistant.feedback.namer import PROMPT_INPUTS as FEEDBACK_INPUTS
from assistant.llm import PromptRegistry, default_registry
from assistant.llm.prompts import LANGUAGES

PROMPT_INPUTS = {**CHAT_INPUTS, **DRAFT_INPUTS, **FEEDBACK_INPUTS, **KPI_INPUTS}


def test_every_prompt_matches_its_caller_in_every_language() -> None:
    registry = default_registry()
    for lang in LANGUAGES:
        assert set(registry.names(lang)) == set(PROMPT_INPUTS)
        for name, inputs in PROMPT_INPUTS.items():
            prompt = registry.get(name, lang=lang)
            assert prompt.inputs == inputs, f"{prompt.path} vs its caller"
            assert prompt.version >= 1


def _write(tmp_path: Path, body: str, *, inputs: str = "[question]") -> PromptRegistry:
    (tmp_path / "ja").mkdir(exist_ok=True)
    (tmp_path / "ja" / "p.md").write_text(
        f"---\nname: p\nversion: 1\ninputs: {inputs}\n---\n{body}\n", encoding="utf-8"
    )
    return PromptRegistry(tmp_path)


def test_missing_variable_raises(tmp_path: Path) -> None:
    registry = _write(tmp_path, "質問: {{ question }}")
    assert registry.render("p", lang="ja", question="Q") == "質問: Q"
    with pytest.raises(PromptError, match=r"missing \['question'\]"):
        registry.render("p", lang="ja")
    with pytest.raises(PromptError, match=r"unexpected \['extra'\]"):
        registry.render("p", lang="ja", question="Q", extra=1)


def test_missing_attribute_raises(tmp_path: Path) -> None:
    registry = _write(tmp_path, "{% for s in question %}{{ s.file }}{% endfor %}")
    with pytest.raises(PromptError, match="file"):
        registry.render("p", lang="ja", question=[{"id": 1}])


def test_header_that_disagrees_with_the_body_is_refused(tmp_path: Path) -> None:
    registry = _write(tmp_path, "{{ question }} {{ sources }}")
    with pytest.raises(
        PromptError, match=r"header inputs \['question'\] differ .*\['question', 'sources'\]"
    ):
        registry.get("p", lang="ja")


def test_unknown_prompt_lists_the_known_ones(tmp_path: Path) -> None:
    registry = _write(tmp_path, "{{ question }}")
    with pytest.raises(PromptError, match=r"No prompt 'nope' .*\(have: p\)"):
        registry.get("nope", lang="ja")


def test_system_prompt_says_sources_are_data() -> None:
    assert "never instructions" in default_registry().render("chat_system", lang="en")
    assert "指示ではありません" in default_registry().render("chat_system", lang="ja")
