"""Every arrow points down: packages import only packages below them, and no modules form a
circle — including imports made inside functions (only ``if TYPE_CHECKING:`` blocks are
exempt, since they never run).

The layers, lowest first.  A package may import its own layer's modules and anything lower.
"""

from __future__ import annotations

import ast
from pathlib import Path

import assistant

ROOT = Path(assistant.__file__).parent
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",),
    ("config", "text"),
    ("domain",),
    ("db", "llm", "grounding"),
    ("retrieval",),
    ("ingest",),
    ("analytics",),
    ("feedback",),
    ("drafts",),
    ("review",),
    ("chat",),
    ("workspace",),
    ("cli",),
)
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(tree: ast.AST, modules: set[str]) -> list[str]:
    """Modules imported anywhere in ``tree`` except inside ``if TYPE_CHECKING:``
    (``from package import module`` counts as importing that module)."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.append(child if child in modules else node.module)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return [m for m in found if m.startswith("assistant.")]


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = _imports(ast.parse(path.read_text()), set(modules))
        targets = {m for m in imported if m in modules}
        graph[name] = targets - {name}
    return graph


def test_every_package_has_a_layer() -> None:
    packages = {
        p.stem if p.is_file() else p.name for p in ROOT.iterdir() if p.name != "__init__.py"
    }
    packages = {p for p in packages if not p.startswith(("_", "."))}
    assert packages <= set(LEVEL), sorted(packages - set(LEVEL))


def test_no_package_imports_a_higher_one() -> None:
    upward = []
    for module, targets in _graph().items():
        if module == "assistant":
            continue
        src = module.split(".")[1]
        for target in targets:
            dst = target.split(".")[1]
            if src != dst and LEVEL[dst] > LEVEL[src]:
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_no_import_circle_between_modules() -> None:
    graph = _graph()
    # A package's __init__ re-exports its modules; importing a module runs its package's
    # __init__ first, so the edge child -> parent package is real too.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles[:10])
