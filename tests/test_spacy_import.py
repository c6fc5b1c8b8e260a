"""Loading a language pipeline imports spaCy without spaCy's command line (start-up time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("spacy")

_SCRIPT = """
import sys
from onrecord.lang.spacy_import import import_spacy
import_spacy()
import spacy
assert "spacy.cli" not in sys.modules, "spacy.cli was imported"
assert callable(spacy.info)
import spacy.cli.info  # the real one is still there when asked for
assert hasattr(sys.modules["spacy.cli.info"], "info_model")
print("ok")
"""


def test_import_spacy_leaves_the_cli_out_until_asked_for() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
