"""Start-up of the command line: only the command being run is built (issue 16, point 4)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import pytest
from typer.testing import CliRunner

import onrecord.cli as cli


def _built_names(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> list[list[str]]:
    """The command names ``main()`` builds its application with, for this command line."""
    built: list[list[str]] = []

    def stop(prog_name: str) -> None:
        raise SystemExit(0)

    def fake_build(names: Iterable[str] = cli.COMMANDS) -> Callable[[str], None]:
        built.append(list(names))
        return stop

    monkeypatch.setattr(cli, "build_app", fake_build)
    monkeypatch.setattr(sys, "argv", ["onrecord", *argv])
    with pytest.raises(SystemExit):
        cli.main()
    return built


def test_main_builds_only_the_named_command(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _built_names(monkeypatch, ["analyze", "--help"]) == [["analyze"]]
    assert _built_names(monkeypatch, ["bench-store", "--help"]) == [["bench-store"]]


def test_main_builds_every_command_without_a_command_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _built_names(monkeypatch, ["--help"]) == [list(cli.COMMANDS)]
    assert _built_names(monkeypatch, ["no-such-command"]) == [list(cli.COMMANDS)]


def test_a_single_command_app_behaves_as_the_full_one() -> None:
    runner = CliRunner()
    for argv in (["analyze", "--help"], ["stats", "--help"], ["analyze"], ["analyze", "--no-such-option", "x"]):
        full = runner.invoke(cli.app, argv)
        alone = runner.invoke(cli.build_app([argv[0]]), argv)
        assert (alone.exit_code, alone.output) == (full.exit_code, full.output)


def test_the_full_app_lists_every_command() -> None:
    output = CliRunner().invoke(cli.app, ["--help"]).output
    assert all(name in output for name in cli.COMMANDS)
