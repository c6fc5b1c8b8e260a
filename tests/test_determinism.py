"""`onrecord analyze` is deterministic: byte-identical output under any PYTHONHASHSEED, in any
process, one article at a time or in batches, and `onrecord batch` (Dask worker processes)
writes exactly what `analyze` prints. Original German and English texts, real extractors, each
run a fresh process (so hash seeds really differ); about 40 s, most of it loading models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# names that appear in several roles (person / organisation / place) and several spellings,
# so an entity's type and name come from votes that may tie
RECORDS = [
    {
        "id": "det-de-1",
        "lang": "de",
        "published": "2025-03-04",
        "source": "Kreisbote",
        "title": "Streit um die Bad Bank der Sparkasse",
        "text": (
            "Die Sparkasse Oberland will ihre faulen Kredite in eine Bad Bank auslagern. „Die Bad Bank "
            "ist keine Rettung, sondern ein Aufschub“, sagte Landrätin Ines Hartmann am Dienstag in "
            "Weilheim. Hartmann verlangte einen Bericht bis zum Sommer.\n\n"
            "Der Vorstandschef der Sparkasse, Georg Lindner, widersprach. „Wir handeln, bevor es zu "
            "spät ist“, sagte Lindner. Die Bad Bank solle in Murnau sitzen, erklärte er. Hartmanns "
            "Fraktion will am Donnerstag abstimmen. „Wir werden genau hinsehen“, sagte Jonas Brandt "
            "von den Freien Wählern.\n"
        ),
    },
    {
        "id": "det-en-1",
        "lang": "en",
        "published": "2025-03-05",
        "source": "Harbour Gazette",
        "title": "Port authority delays dredging plan",
        "text": (
            "The Harbour Authority of Portsmouth postponed its dredging plan on Wednesday. "
            '"We cannot spend money we do not have," chair Margaret Ellison told the board. '
            "Ellison said Portsmouth would ask London for help.\n\n"
            'Fishermen were angry. "Every month of delay costs us boats," said Tom Reddy, who '
            "speaks for the Solent Fishing Cooperative. Reddy added that Southampton had already "
            'dredged its channel. "Portsmouth is falling behind," he said.\n'
        ),
    },
    {
        "id": "det-de-2",
        "lang": "de",
        "published": "2025-03-06",
        "source": "Kreisbote",
        "title": "Lindner verteidigt Sparkurs",
        "text": (
            "Sparkassenchef Georg Lindner hat den Sparkurs verteidigt. „Ohne Einschnitte verlieren wir "
            "unsere Unabhängigkeit“, sagte Lindner der Zeitung. Landrätin Hartmann nannte das "
            "„eine Drohung“. Die Bad Bank werde Weilheim Geld kosten, warnte Ines Hartmann.\n"
        ),
    },
    {
        "id": "det-en-2",
        "lang": "en",
        "published": "2025-03-07",
        "source": "Harbour Gazette",
        "title": "Ellison wins vote",
        "text": (
            "Margaret Ellison won Thursday's vote on the dredging plan by seven votes to four. "
            '"This is a good day for Portsmouth," Ellison said. Tom Reddy was less sure: '
            '"A vote does not move mud," Reddy said outside the Harbour Authority.\n'
        ),
    },
]


def _start(args: list[str], seed: int, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return subprocess.Popen(
        [sys.executable, "-m", "onrecord", *args],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Three processes at once (their model loading overlaps): `analyze` of all texts in one
    batch under PYTHONHASHSEED=0, one article at a time under 1, and `batch` under 2."""
    pytest.importorskip("spacy")
    folder = tmp_path_factory.mktemp("det")
    (folder / "in").mkdir()
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
    (folder / "in" / "articles.jsonl").write_text(lines, encoding="utf-8")
    processes = {
        "batched": _start(["analyze", "in/articles.jsonl", "-f", "jsonl"], 0, folder),
        "one_by_one": _start(["analyze", "in/articles.jsonl", "-f", "jsonl", "--batch-size", "1"], 1, folder),
        "batch": _start(["batch", "in", "--out", "out", "--workers", "1", "--format", "jsonl"], 2, folder),
    }
    outputs = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        outputs[name] = stdout
    return folder, outputs


def test_analyze_is_byte_identical_under_another_hash_seed_one_article_at_a_time(
    runs: tuple[Path, dict[str, str]],
) -> None:
    _, outputs = runs
    lines = outputs["batched"].splitlines()
    assert len(lines) == len(RECORDS)
    assert all(json.loads(line)["quotes"] for line in lines)  # real analyses, not empty ones
    assert outputs["one_by_one"] == outputs["batched"]


def test_batch_writes_what_analyze_prints(runs: tuple[Path, dict[str, str]]) -> None:
    folder, outputs = runs
    (part,) = sorted((folder / "out").glob("part-*.jsonl"))
    assert part.read_text(encoding="utf-8") == outputs["batched"]
