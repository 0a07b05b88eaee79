"""The error tree has one home: every ``AxisError`` is defined in ``assistant.errors`` and drawn
in its docstring, and no library code raises the bare base class."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import assistant
from assistant import errors

ROOT = Path(assistant.__file__).parent


def _all_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages([str(ROOT)], prefix="assistant.")]


def test_every_error_class_lives_in_errors_and_is_in_the_tree() -> None:
    for name in _all_modules():
        importlib.import_module(name)

    def walk(cls: type) -> list[type]:
        return [cls, *(c for sub in cls.__subclasses__() for c in walk(sub))]

    classes = walk(errors.AxisError)
    assert len(classes) > 8
    for cls in classes:
        assert cls.__module__ == "assistant.errors", f"{cls.__name__} is in {cls.__module__}"
        assert cls.__name__ in (errors.__doc__ or ""), f"{cls.__name__} is not drawn in the tree"


def test_no_bare_axis_error_is_raised() -> None:
    offenders = []
    for path in [*ROOT.rglob("*.py"), *(ROOT.parent / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name)
                and node.exc.func.id == "AxisError"
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
