"""The README documents every command (as datasette's tests do for its CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from onrecord.cli import app

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_there_are_commands() -> None:
    assert {"analyze", "ingest", "quotes", "entity", "search", "serve", "batch"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"onrecord {command}" in README, f"README.md does not show `onrecord {command}`"


def _serve_options() -> list[str]:
    command = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    return sorted(opt for param in command.params for opt in param.opts if opt.startswith("--") and opt != "--help")


@pytest.mark.parametrize("option", _serve_options())
def test_every_server_setting_is_in_the_readme(option: str) -> None:
    assert f"`{option}`" in README, f"README.md does not document `onrecord serve {option}`"
