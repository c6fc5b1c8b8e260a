"""The dependency direction of the package (model ← extraction ← lang ← pipeline ← storage/batch ←
api/web ← cli): no module of a layer imports a layer above it, at module level or inside a
function. Read from the source with :mod:`ast`, so the test needs no optional extra."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "onrecord"

#: layer -> the onrecord modules/packages it must never import
FORBIDDEN: dict[str, frozenset[str]] = {
    "model.py": frozenset({"extraction", "lang", "pipeline", "storage", "batch", "api", "web", "cli"}),
    "extraction": frozenset({"lang", "pipeline", "storage", "batch", "api", "web", "cli"}),
    "data_files.py": frozenset({"extraction", "lang", "pipeline", "storage", "batch", "api", "web", "cli"}),
    "lang": frozenset({"pipeline", "storage", "batch", "api", "web", "cli"}),
    "pipeline.py": frozenset({"storage", "batch", "api", "web", "cli"}),
    "storage": frozenset({"lang", "extraction", "batch", "api", "web", "cli"}),
    "batch": frozenset({"api", "web", "cli"}),
    "api": frozenset({"cli"}),
    "web": frozenset({"cli"}),
}

#: third-party packages a layer must not import (storage knows nothing of spaCy)
FORBIDDEN_THIRD_PARTY: dict[str, frozenset[str]] = {
    "storage": frozenset({"spacy"}),
    "model.py": frozenset({"spacy"}),
}


def _imported(path: Path, package: str) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in ``path`` (a module of ``package``), relative
    imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.append((node.lineno, module))
            names.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return names


def _files(layer: str) -> list[Path]:
    target = PACKAGE / layer
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_a_layer_above_it(layer: str) -> None:
    wrong = []
    for path in _files(layer):
        package = ".".join(path.relative_to(PACKAGE.parent).parts[:-1])
        for line, name in _imported(path, package):
            parts = name.split(".")
            if parts[0] == "onrecord" and len(parts) > 1 and parts[1] in FORBIDDEN[layer]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name}")
            if parts[0] in FORBIDDEN_THIRD_PARTY.get(layer, frozenset()):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name}")
    assert wrong == []


def test_the_scanner_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    """An upward import hidden in a function body, absolute or relative, is found (so the test
    above can fail)."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from onrecord.lang.de import load\n    from ..lang import en\n", encoding="utf-8")
    names = [name for _, name in _imported(sample, "onrecord.extraction")]
    assert "onrecord.lang.de" in names
    assert "onrecord.lang.en" in names
