"""The command line: formats, exit codes, one-line errors (never a traceback), eval/train/bench wiring."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from fake_extractor import FakeExtractor, fake_loader
from typer.testing import CliRunner

from onrecord.bench import analysis as bench_module
from onrecord.cli import app
from onrecord.errors import DataError
from onrecord.extraction import ExtractionResult
from onrecord.extraction.outlets import OwnOutlet
from onrecord.model import Analysis

ROOT = Path(__file__).parents[1]
SAMPLE_DE = ROOT / "onrecord" / "samples" / "sample-de.txt"
SAMPLE_EN = ROOT / "onrecord" / "samples" / "sample-en.txt"
SHARED = ROOT.parent / "shared"
FRENCH = (
    "Le conseil municipal a reporté mardi le vote sur la hausse des tarifs des bus. "
    "« Nous avons négocié pendant des mois », a déclaré le maire devant les journalistes.\n"
)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose analyses use the fake extractor (no language models needed)."""
    monkeypatch.setattr("onrecord.pipeline.get_extractor", fake_loader)
    return CliRunner()


def parse_jsonl(stdout: str) -> list[Analysis]:
    return [Analysis.model_validate(json.loads(line)) for line in stdout.splitlines() if line.strip()]


def assert_one_line_error(stderr: str, *needles: str) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("onrecord: error:")]
    assert len(errors) == 1, stderr
    assert all(needle in errors[0] for needle in needles), stderr
    assert "Traceback" not in stderr


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "eval", "train", "bench"):
        assert command in result.stdout


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("analyze", "eval", "train", "bench"):
        assert f"onrecord {command}" in readme
    assert "make demo" in readme and "make test" in readme


def test_analyze_jsonl_is_the_default_off_a_terminal(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE_DE)])
    assert result.exit_code == 0, result.stderr
    (analysis,) = parse_jsonl(result.stdout)
    assert analysis.id == "sample-de" and analysis.language == "de"
    assert (analysis.meta.published, analysis.meta.place) == ("2024-03-12", "Leipzig, Deutschland")
    assert analysis.quotes and all(analysis.text[b:e] == q.text for q in analysis.quotes for b, e in q.spans)


def test_json_is_an_object_for_one_article_and_a_list_for_several(runner: CliRunner) -> None:
    one = runner.invoke(app, ["analyze", str(SAMPLE_DE), "--format", "json"])
    assert one.exit_code == 0
    assert Analysis.model_validate(json.loads(one.stdout)).id == "sample-de"
    two = runner.invoke(app, ["analyze", str(SAMPLE_DE), str(SAMPLE_EN), "-f", "json"])
    assert two.exit_code == 0
    data = json.loads(two.stdout)
    assert [Analysis.model_validate(obj).language for obj in data] == ["de", "en"]
    assert all(next(iter(obj)) == "schema" for obj in data)


def test_text_format_prints_a_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE_DE), "--format", "text"])
    assert result.exit_code == 0
    assert "sample-de" in result.stdout and "Leipzig" in result.stdout and "quote" in result.stdout
    assert "monatelang" in result.stdout and "direct" in result.stdout


def test_malformed_jsonl_line_prints_the_good_ones_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mix.jsonl"
    path.write_text(
        '{"id": "gut1", "text": "„Wir bleiben“, sagte sie.", "lang": "de"}\n'
        '{"id": "kaputt", "text": \n'
        '{"id": "gut2", "text": "\\"We stay,\\" she said.", "lang": "en"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    assert [a.id for a in parse_jsonl(result.stdout)] == ["gut1", "gut2"]
    assert_one_line_error(result.stderr, f"{path}:2", "malformed JSON")
    assert "2 of 3 articles analysed, 1 failed" in result.stderr


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-"], input='{"id": "s", "text": "„Ja“, sagte er.", "lang": "de"}\n')
    assert result.exit_code == 0, result.stderr
    assert [a.id for a in parse_jsonl(result.stdout)] == ["s"]


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [("bild.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"), ("leer.txt", b"", "empty")],
)
def test_bad_files_fail_with_one_line(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path), str(SAMPLE_DE)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, name, needle)
    assert [a.id for a in parse_jsonl(result.stdout)] == ["sample-de"]


def test_unsupported_lang_option_fails_before_reading(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE_DE), "--lang", "fr"])
    assert result.exit_code == 3
    assert_one_line_error(result.stderr, "unsupported language 'fr'")
    assert result.stdout == ""


def test_nothing_to_analyse_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nur-leer.jsonl"
    path.write_text("\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_unexpected_failure_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(language: str) -> FakeExtractor:
        raise KeyError("lexicon")

    monkeypatch.setattr("onrecord.pipeline.get_extractor", broken)
    result = CliRunner().invoke(app, ["analyze", str(SAMPLE_DE)])
    assert result.exit_code == 70
    assert_one_line_error(result.stderr, "internal error", "KeyError")


def test_an_extractor_crash_on_one_article_fails_only_that_one(monkeypatch: pytest.MonkeyPatch) -> None:
    class Crashy(FakeExtractor):
        def extract(self, text: str, outlet: OwnOutlet | None = None) -> ExtractionResult:
            if "Leipzig" in text:
                raise IndexError("list index out of range")
            return super().extract(text, outlet)

    monkeypatch.setattr("onrecord.pipeline.get_extractor", lambda lang: Crashy(language=lang))
    result = CliRunner().invoke(app, ["analyze", str(SAMPLE_DE), str(SAMPLE_EN)])
    assert result.exit_code == 1
    assert [a.id for a in parse_jsonl(result.stdout)] == ["sample-en"]
    assert_one_line_error(result.stderr, "sample-de.txt", "extraction failed")
    assert "1 of 2 articles analysed, 1 failed" in result.stderr


def test_unsupported_language_end_to_end_in_a_subprocess(tmp_path: Path) -> None:
    """The installed entry point, as a user runs it: French text, exit 3, one line, no traceback."""
    path = tmp_path / "conseil.txt"
    path.write_text(FRENCH, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "onrecord", "analyze", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 3
    assert done.stdout == ""
    assert_one_line_error(done.stderr, "conseil.txt", "unsupported language", "'fr'")


# --------------------------------------------------------------------------- eval / train / bench wiring

REPORT = {
    "data": "quotes-de/dev",
    "language": "de",
    "documents": 150,
    "words": 60000,
    "seconds": 12.5,
    "extractor": "fake 0",
    "quote": {"precision": 0.8, "recall": 0.7, "f1": 0.7467, "predicted": 100, "gold": 114},
    "joint": {"precision": 0.6, "recall": 0.5, "f1": 0.5456, "predicted": 100, "gold": 114},
}


class _Report:
    def __init__(self, split: str) -> None:
        self.split = split

    def as_dict(self) -> dict[str, object]:
        return REPORT | {"data": f"quotes-de/{self.split}"}


def test_eval_prints_quote_and_joint_rows_per_split(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, str | None, str, int | None]] = []

    def run_eval(data: Path, language: str | None = None, split: str = "dev", limit: int | None = None) -> _Report:
        calls.append((data, language, split, limit))
        return _Report(split)

    monkeypatch.setattr("onrecord.evaluation.run_eval", run_eval)
    args = ["eval", "--data", "gold", "--lang", "de", "--split", "dev", "--split", "train", "--limit", "5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert calls == [(Path("gold"), "de", "dev", 5), (Path("gold"), "de", "train", 5)]
    rows = [line for line in result.stdout.splitlines() if "│ quote" in line or "│ joint" in line]
    assert len(rows) == 4 and "0.747" in result.stdout and "0.546" in result.stdout
    as_json = CliRunner().invoke(app, [*args, "--format", "json"])
    assert json.loads(as_json.stdout)["train"]["data"] == "quotes-de/train"


def test_eval_data_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def run_eval(data: Path, language: str | None = None, split: str = "dev", limit: int | None = None) -> None:
        raise DataError(f"{data}: no such folder")

    monkeypatch.setattr("onrecord.evaluation.run_eval", run_eval)
    result = CliRunner().invoke(app, ["eval", "--data", "/nirgends"])
    assert result.exit_code == 5
    assert_one_line_error(result.stderr, "/nirgends: no such folder")


def test_train_calls_the_german_trainer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[tuple[Path, Path | None, Path | None]] = []

    def train(
        data_path: Path,
        out_dir: Path | None = None,
        ner_data: Path | None = None,
        progress: object = None,
        ner_only: bool = False,
    ) -> dict[str, object]:
        assert callable(progress) and not ner_only
        progress("tagger")
        seen.append((data_path, out_dir, ner_data))
        return {"model": str(out_dir / "cue.crfsuite"), "f1": 0.9}

    fake = types.ModuleType("onrecord.lang.de.train")
    fake.train = train  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "onrecord.lang.de.train", fake)
    result = CliRunner().invoke(app, ["train", "--data", "corpus", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert seen == [(Path("corpus"), tmp_path, None)]
    assert json.loads(result.stdout)["f1"] == 0.9


def test_bench_without_data_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--data", str(tmp_path)])
    assert result.exit_code == 5
    assert_one_line_error(result.stderr, "benchmark data not found")


def test_bench_csv_conversion(tmp_path: Path) -> None:
    csv_path = tmp_path / "gnad.csv"
    csv_path.write_text(
        "Inland;'Der Kanzler sagte, es gebe ''keine Eile''.'\nSport;'Rapid gewinnt 2:0.'\n", encoding="utf-8"
    )
    out, articles, words = bench_module.gnad_to_jsonl(csv_path, tmp_path / "g.jsonl", limit=None)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert articles == 2 and words == 10
    assert records[0] == {"id": "gnad-0", "text": "Der Kanzler sagte, es gebe 'keine Eile'.", "lang": "de"}


def test_bench_measures_a_subprocess(tmp_path: Path) -> None:
    code = "x = bytearray(60 * 1024 * 1024); print('ok')"
    stats = bench_module.measure([sys.executable, "-c", code], tmp_path / "out.txt")
    assert stats.exit_code == 0 and stats.peak_rss_mb >= 60
    assert (tmp_path / "out.txt").read_text() == "ok\n"


def test_bench_end_to_end_on_a_small_slice() -> None:
    """Real extractors over three German and two English articles (skipped without them)."""
    from onrecord.lang import get_extractor

    if not (SHARED / "data" / "bench-de").exists():
        pytest.skip("../shared/data is not available")
    try:
        get_extractor("de"), get_extractor("en")
    except Exception as exc:  # the language pipelines are optional for this test
        pytest.skip(f"real extractors not available: {exc}")
    report = bench_module.run_bench(SHARED / "data", limit=3, peer=False)
    assert [run.exit_code for run in report.runs] == [0, 0]
    assert all(run.words > 0 and run.peak_rss_mb > 0 for run in report.runs)
    assert report.startup_s > 0
