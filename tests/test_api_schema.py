"""The whole API against its own OpenAPI description, as ``schemathesis run --checks all`` does it.

Schemathesis' engine runs every phase (examples, coverage, fuzzing, stateful) over every
operation with the API token, against a temporary store, with every check: no server error, only
documented status codes, content types and headers, bodies that match their schemas, invalid
requests refused, valid ones accepted, ``Allow`` on 405, auth not ignored, deleted resources
gone. The run is bounded (25 examples per operation) and deterministic (fixed seed, derandomized).

One documented exception: ``POST /api/analyze`` may refuse schema-valid text with 400 (an HTML
page without article text) or 422 (its language cannot be detected, or is neither German nor
English): its description in the schema says so. ``GET /api/search`` may refuse a
schema-valid query with 400 when it holds more than 12 words (the documented query cap).
Without schemathesis (the ``dev`` extra) the test skips.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.config import SchemathesisConfig  # noqa: E402
from schemathesis.engine import Status, events, from_schema  # noqa: E402

from onrecord.api.app import create_app  # noqa: E402
from onrecord.api.settings import ServerSettings  # noqa: E402
from onrecord.ingest import iter_articles  # noqa: E402
from onrecord.storage import Store, ingest, open_store  # noqa: E402

CORPUS = Path(__file__).parent / "data" / "kb-articles.jsonl"
TOKEN = "schema-run-token"
#: every check, every phase, both generation modes; bounded and derandomized
CONFIG = f"""
seed = 20261205
suppress-health-check = ["all"]

[generation]
mode = "all"
max-examples = 25
deterministic = true

[checks]
enabled = true

[auth.openapi.token]
bearer = "{TOKEN}"

[[operations]]
include-name = "POST /api/analyze"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "422"]

[[operations]]
include-name = "GET /api/search"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]
"""


@dataclass(frozen=True)
class Finding:
    """One failed check, with what was sent and what came back."""

    phase: str
    check: str
    operation: str
    status: int | None
    message: str
    request: str

    def __str__(self) -> str:
        where = f"[{self.phase}] {self.check} on {self.operation} -> {self.status}"
        return f"{where}: {self.message}\n  sent: {self.request}"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("schema") / "kb.db")
    assert ingest(store, iter_articles([CORPUS])).failed == 0
    yield store
    store.close()


def test_schemathesis_run_with_all_checks_finds_nothing(store: Store) -> None:
    settings = ServerSettings(token=TOKEN, allowed_hosts=("testserver",))  # the ASGI client names "testserver"
    app = create_app(settings, store=store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=SchemathesisConfig.from_str(CONFIG))

    findings: list[Finding] = []
    errors: list[str] = []
    operations: set[str] = set()
    statuses: dict[str, set[int]] = {}
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            for case_id, node in recorder.cases.items():
                case = node.value
                operations.add(case.operation.label)
                interaction = recorder.interactions.get(case_id)
                if interaction is not None and interaction.response is not None:
                    statuses.setdefault(case.operation.label, set()).add(interaction.response.status_code)
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.status != Status.FAILURE or check.failure_info is None:
                        continue
                    interaction = recorder.interactions.get(case_id)
                    response = interaction.response if interaction is not None else None
                    case = recorder.cases[case_id].value
                    sent = f"{case.method} {case.formatted_path} query={case.query!r} body={case.body!r}"
                    findings.append(
                        Finding(
                            phase=str(event.phase), check=check.name,
                            operation=check.failure_info.failure.operation or "?",
                            status=response.status_code if response is not None else None,
                            message=" ".join(check.failure_info.failure.message.split())[:300], request=sent[:300],
                        )  # fmt: skip
                    )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            errors.append(str(getattr(event, "info", event))[:500])

    unique = {(f.phase, f.check, f.operation, f.status): f for f in findings}
    assert not errors, "\n".join(errors)
    assert not unique, f"{len(findings)} failed checks:\n" + "\n".join(str(f) for f in unique.values())
    # the run reached every operation, and the writes got through with the token
    assert len(operations) >= 12, sorted(operations)
    assert 200 in statuses.get("POST /api/ingest", set()), statuses.get("POST /api/ingest")
    assert 401 in statuses.get("POST /api/ingest", set()), "the run also tried writes without the token"
    assert not any(code >= 500 for codes in statuses.values() for code in codes), statuses
