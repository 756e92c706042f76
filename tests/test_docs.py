"""Every command is documented: in the README's table and with a runnable example in its --help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import ROOT
from newsfold.cli import main

COMMANDS = sorted(main.commands)


def test_there_are_commands() -> None:
    assert {"demo", "simweb", "crawl", "digest", "cluster", "extract"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme(command: str) -> None:
    assert f"`newsfold {command}" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and f"newsfold {command}" in result.output and "Example" in result.output
