"""The knowledge-base commands end to end on a SQLite store: output formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"
SAMPLES = Path(__file__).parents[1] / "onrecord" / "samples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("kb") / "kb.db")
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), str(SAMPLES), "--db", path])
    assert result.exit_code == 0, result.output
    assert "6 added, 0 replaced, 0 unchanged, 0 failed" in result.output
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_quotes_as_json_csv_and_table(db: str) -> None:
    code, output = run("quotes", "--db", db, "--speaker", "Zelensky", "--format", "json")
    assert code == 0
    quotes = json.loads(output)
    assert quotes and {q["entity_name"] for q in quotes} == {"Wolodymyr Selenskyj"}
    assert {q["language"] for q in quotes} == {"de", "en"}

    code, output = run("quotes", "--db", db, "--about", "Kompromiss OR Zeit", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert code == 0 and rows and {row["article_id"] for row in rows} == {"sample-de"}

    code, output = run("quotes", "--db", db, "--outlet", "Tagesblatt", "--kind", "direct")
    assert code == 0 and "Menschenleben" in output and "of 3 quotes" in output


def test_entity_profile(db: str) -> None:
    code, output = run("entity", "Vogel", "--db", db, "--format", "json")
    profile = json.loads(output)
    assert code == 0 and profile["name"] == "Katrin Vogel" and profile["articles"] == 3
    code, output = run("entity", "Vogel", "--db", db)
    assert code == 0 and "Professorin für Osteuropastudien" in output and "quoted alongside" in output


def test_search_and_entities(db: str) -> None:
    code, output = run("search", "Sanktionen", "--db", db, "--format", "json")
    results = json.loads(output)
    assert code == 0 and results["articles"][0]["article_id"] in {"kb-de-1", "kb-de-2"}
    code, output = run("entities", "--db", db, "--type", "location", "--format", "jsonl")
    names = [json.loads(line)["name"] for line in output.splitlines()]
    assert code == 0 and "Moscow" in names and "Moskau" not in names  # one entity, the canonical name


def test_export_to_files(db: str, tmp_path: Path) -> None:
    target = tmp_path / "analyses.jsonl"
    code, _ = run("export", "analyses", "--db", db, "--out", str(target))
    assert code == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 6
    code, output = run("export", "quotes", "--db", db)
    assert code == 0 and output.startswith("id,article_id,published")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("quotes", "--since", "gestern"), 2, "not a date"),
        (("quotes", "--kind", "rumour"), 2, "--kind"),
        (("search", "--", "-nur -nichts"), 2, "nothing to search for"),
        (("entity", "Niemand Unbekannt"), 7, "no entity named"),
        (("merge", "Enope", "Enothing"), 7, "no entity with id"),
        (("split", "Enope"), 7, "no entity with id"),
    ],
)
def test_errors_are_one_line_with_an_exit_code(db: str, args: tuple[str, ...], code: int, message: str) -> None:
    exit_code, output = run(args[0], "--db", db, *args[1:])
    assert exit_code == code and message in output and "Traceback" not in output


def test_an_unreachable_database(tmp_path: Path) -> None:
    code, output = run("quotes", "--db", "postgresql://nobody@127.0.0.1:1/kb")
    assert code == 6 and "cannot connect to postgresql" in output
    code, output = run("stats", "--db", str(tmp_path / "missing" / "kb.db"))
    assert code == 6 and "does not exist" in output


def test_ingest_reports_failures_and_stores_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(CORPUS.read_text(encoding="utf-8").splitlines()[1] + "\n{broken\n", encoding="utf-8")
    code, output = run("ingest", str(bad), str(tmp_path / "nope.html"), "--db", str(tmp_path / "kb.db"))
    assert code == 2
    assert "bad.jsonl:2" in output and "nope.html" in output
    assert "1 added, 0 replaced, 0 unchanged, 2 failed" in output


def test_queries_do_not_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "elsewhere.db"
    for command in (("quotes",), ("entity", "Vogel"), ("search", "Sanktionen"), ("stats",), ("export", "quotes")):
        code, output = run(*command, "--db", str(missing))
        assert code == 6 and "no store at" in output and "onrecord ingest" in output
    assert not missing.exists()


def test_an_empty_query_is_an_input_error_for_quotes_about_and_search(db: str) -> None:
    for args in (("quotes", "--about", ""), ("search", ""), ("quotes", "--about", "  ")):
        code, output = run(*args, "--db", db)
        assert code == 2 and "nothing to search for" in output, (args, output)
