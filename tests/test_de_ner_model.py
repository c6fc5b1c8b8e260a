"""The shipped German NER model (with its word classes and common-word list) on original sentences."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.lang.de.ner import NerTagger
from onrecord.lang.de.tokens import prepare
from onrecord.lang.de.train import MODEL_DIR, NER_FILE


def _names(text: str) -> list[tuple[str, str]]:
    doc = prepare(text)
    spans = NerTagger(MODEL_DIR / NER_FILE).spans(doc)
    return [(s.type, " ".join(t.text for t in doc.tokens[s.begin : s.end])) for s in spans]


def test_a_double_name_after_a_role_is_not_cut() -> None:
    text = "Wie Innenministerin Marlene Szabo-Kurz am Dienstag mitteilte, werde die Grenze kontrolliert."
    assert ("PER", "Marlene Szabo-Kurz") in _names(text)


def test_an_unknown_surname_before_zufolge_is_a_person() -> None:
    assert ("PER", "Kessock") in _names("Kessock zufolge sei der Konvoi am Abend in Mossul eingetroffen.")


def test_ner_only_does_not_go_with_folds(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path), "--ner-only", "--folds", "2"])
    assert result.exit_code == 2
