"""The README stays true: every `mandate ...` command it shows exists with the options it uses."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from mandate_tracker.cli import app
from tests.helpers import ROOT

COMMAND_LINE = re.compile(r"^\s{4}(mandate .+?)(?:\s+#.*)?$", re.MULTILINE)


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for line in COMMAND_LINE.findall(text):
        for part in line.split("&&"):
            commands.append(shlex.split(part.strip())[1:])
    return commands


@pytest.mark.parametrize("words", readme_commands(), ids=" ".join)
def test_readme_command_exists_with_its_options(words: list[str]) -> None:
    path = [w for w in words[:2] if re.fullmatch(r"[a-z]+", w)]
    if path[:1] == ["obligations"] and path[1:] not in (["list"], ["update"]):
        path = ["obligations", "extract"]  # `mandate obligations FILE` is `... extract FILE`
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    for option in (w.split("=")[0] for w in words if w.startswith("--")):
        assert option in result.output, f"{option} not offered by mandate {' '.join(path)}"
