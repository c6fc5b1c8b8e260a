"""Load benchmark of the HTTP API: a bounded number of requests from N concurrent clients
against ``onrecord serve`` on loopback, reporting throughput, latency percentiles and errors.

Two workloads: quote queries (a deterministic mix of the filters of ``GET /api/quotes``, drawn
from the store's own speakers, organisations and words) and analysing a ~600-word article
(``POST /api/analyze``). The server runs as a separate process, as users run it.
"""

from __future__ import annotations

import asyncio
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["LoadReport", "LoadRun", "run_load_bench"]

#: method, path, JSON body
Request = tuple[str, str, dict[str, str] | None]


@dataclass
class LoadRun:
    """One workload's numbers."""

    name: str
    requests: int
    concurrency: int
    seconds: float
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    errors: int
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadReport:
    """All workloads, and the server they ran against."""

    db: str
    server_workers: int
    runs: list[LoadRun] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain data."""
        return asdict(self)


def run_load_bench(
    db: str,
    concurrency: int = 50,
    query_requests: int = 2000,
    analyze_requests: int = 200,
    server_workers: int = 1,
    article: str | None = None,
    step: Callable[[str], None] = lambda _message: None,
) -> LoadReport:
    """Start ``onrecord serve`` on a free loopback port over ``db`` and drive it (see the module)."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "onrecord",
        "serve",
        "--db",
        db,
        "--port",
        str(port),
        "--workers",
        str(server_workers),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    report = LoadReport(db=db, server_workers=server_workers)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, server)
        step("warm-up")
        paths = asyncio.run(_query_paths(base))
        text = article or default_article()
        asyncio.run(_drive(base, [("POST", "/api/analyze", {"text": text})] * server_workers * 2, concurrency))
        step(f"{query_requests} quote queries")
        queries = [("GET", paths[i % len(paths)], None) for i in range(query_requests)]
        report.runs.append(_summarise("quote queries", asyncio.run(_drive(base, queries, concurrency)), concurrency))
        step(f"{analyze_requests} analyses of a {len(text.split())}-word article")
        analyses = [("POST", "/api/analyze", {"text": text})] * analyze_requests
        name = f"analyze {len(text.split())}-word article"
        report.runs.append(_summarise(name, asyncio.run(_drive(base, analyses, concurrency)), concurrency))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report


def default_article() -> str:
    """A German article of about 600 words (the bundled sample, continued with its own paragraphs)."""
    sample = (Path(__file__).parents[1] / "samples" / "sample-de.txt").read_text(encoding="utf-8")
    body = sample.split("—", 1)[-1].strip()
    paragraphs = body.split("\n\n")
    words: list[str] = []
    out: list[str] = []
    while len(words) < 600:
        for paragraph in paragraphs:
            out.append(paragraph)
            words.extend(paragraph.split())
            if len(words) >= 600:
                break
    return "\n\n".join(out) + "\n"


async def _query_paths(base: str) -> list[str]:
    """Quote-query URLs built from the store's content: speakers, organisations, words, filters."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        entities = (await client.get("/api/entities", params={"limit": 30, "type": "person"})).json()["items"]
        orgs = (await client.get("/api/entities", params={"limit": 10, "type": "organization"})).json()["items"]
    paths = ["/api/quotes?limit=20", "/api/quotes?kind=direct&lang=de&limit=20", "/api/quotes?since=2020&until=2023-06"]
    paths += [f"/api/quotes?speaker={_q(e['name'])}&limit=20" for e in entities]
    paths += [f"/api/quotes?organization={_q(o['name'])}&limit=20" for o in orgs]
    paths += [f"/api/quotes?about={_q(w)}&limit=20" for w in ("Regierung", "Polizei", "president", "Preise", "Krieg")]
    paths += ["/api/search?q=Regierung&limit=10", "/api/quotes?outlet=a&kind=indirect&limit=20"]
    return paths


def _q(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


async def _drive(base: str, requests: Sequence[Request], concurrency: int) -> _Timings:
    import httpx

    timings = _Timings()
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:

        async def worker() -> None:
            while not queue.empty():
                method, path, body = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, json=body)
                    status = str(response.status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                timings.add(time.perf_counter() - started, status)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        timings.seconds = time.perf_counter() - started
    return timings


@dataclass
class _Timings:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, latency: float, status: str) -> None:
        self.latencies.append(latency)
        self.statuses[status] = self.statuses.get(status, 0) + 1


def _summarise(name: str, timings: _Timings, concurrency: int) -> LoadRun:
    ms = sorted(1000 * t for t in timings.latencies)
    errors = sum(n for status, n in timings.statuses.items() if not status.startswith("2"))
    return LoadRun(
        name=name,
        requests=len(ms),
        concurrency=concurrency,
        seconds=round(timings.seconds, 2),
        requests_per_s=round(len(ms) / timings.seconds, 1) if timings.seconds else 0.0,
        p50_ms=round(statistics.median(ms), 1) if ms else 0.0,
        p95_ms=round(ms[int(0.95 * (len(ms) - 1))], 1) if ms else 0.0,
        max_ms=round(ms[-1], 1) if ms else 0.0,
        errors=errors,
        statuses=dict(sorted(timings.statuses.items())),
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            message = server.stderr.read().decode() if server.stderr else ""
            raise RuntimeError(f"the server exited: {message.strip()}")
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")
