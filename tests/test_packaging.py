"""pyproject.toml declares every package that onrecord's code imports.

A package that only happens to be installed (pulled in by an extra or by the dev tools) makes
`pip install .` break for users; this compares the imports of every module with the declared
requirements. CI also installs without extras into a fresh venv and runs a smoke check
(``make smoke-install``), which catches what imports alone cannot show (a library's own
undeclared dependency, such as jusText's lxml_html_clean).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PYPROJECT = ROOT / "pyproject.toml"
PACKAGE = ROOT / "onrecord"

#: imports that belong to an optional extra: module -> (extra, distribution)
OPTIONAL = {"followthemoney": ("ftm", "followthemoney"), "textacy": ("bench", "textacy")}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, requirement
    return _normalise(match[1])


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    core = {_requirement_name(r) for r in project["dependencies"]}
    extras = {extra: {_requirement_name(r) for r in reqs} for extra, reqs in project["optional-dependencies"].items()}
    return core, extras


def _imports() -> dict[str, list[tuple[str, bool]]]:
    """Third-party top-level module -> [(file, imported at module level)]."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                module = name.split(".")[0]
                if module in sys.stdlib_module_names or module == "onrecord":
                    continue
                found.setdefault(module, []).append((str(path.relative_to(ROOT)), id(node) in top_level))
    return found


pytestmark = pytest.mark.skipif(not PYPROJECT.exists(), reason="needs the source checkout (pyproject.toml)")


def test_the_scan_finds_the_known_imports() -> None:
    imports = _imports()
    assert {"spacy", "sqlalchemy", "trafilatura", "followthemoney"} <= set(imports)
    assert "json" not in imports and "onrecord" not in imports


def test_every_import_is_a_declared_dependency() -> None:
    core, _ = _declared()
    distributions = packages_distributions()
    undeclared = []
    for module, places in sorted(_imports().items()):
        if module in OPTIONAL:
            continue
        names = {_normalise(d) for d in distributions.get(module, [module])}
        if not names & core:
            undeclared.append(f"{module} (imported in {places[0][0]}; distribution {sorted(names)})")
    assert not undeclared, "imported but not in [project] dependencies: " + "; ".join(undeclared)


def test_optional_imports_are_in_their_extra_and_imported_lazily() -> None:
    _, extras = _declared()
    imports = _imports()
    for module, (extra, distribution) in OPTIONAL.items():
        assert _normalise(distribution) in extras.get(extra, set()), f"{distribution} missing from extra {extra!r}"
        eager = [file for file, at_top in imports.get(module, []) if at_top]
        assert not eager, f"{module} is optional ({extra!r}) but imported at module level in {eager}"


def test_html_extraction_dependency_is_declared() -> None:
    """trafilatura → jusText imports lxml.html.clean, a separate distribution since lxml 5.2."""
    core, _ = _declared()
    assert "trafilatura" in core
    assert "lxml-html-clean" in core
