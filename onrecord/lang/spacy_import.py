"""Import spaCy without its command line (a third of ``import spacy``).

``spacy/__init__.py`` imports ``spacy.cli.info`` only to offer ``spacy.info``, and that drags in
the whole spaCy CLI: typer commands, weasel, requests, httpx, jinja2 (about 0.9 s of CPU out of
2.4 s on the development machine). Nothing on the analysis path uses the CLI. While spaCy is
imported here, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins; afterwards they are removed
again, so a later ``import spacy.cli`` (``python -m spacy``, the benchmark peer) imports the real
one, and ``spacy.info`` calls the real ``info`` on first use.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's CLI only when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy (once per process) without importing ``spacy.cli``; a no-op if already imported."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _STAND_INS):
        return
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy  # noqa: F401
    finally:
        for name in _STAND_INS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
