"""One exception hierarchy: every class has its own code, and the CLI turns each into one line
on stderr and its exit code (the web edge's statuses are pinned in test_web_edge.py)."""

from __future__ import annotations

import inspect

import pytest

from mandate_tracker import errors
from mandate_tracker.cli import app, main
from mandate_tracker.errors import MandateError

CLASSES = [
    cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, MandateError)
]
EXPECTED_EXIT = {
    "MandateError": 1,
    "InputError": 2,
    "SourceError": 2,
    "NotAResolutionError": 2,
    "ValidationError": 2,
    "NotFoundError": 3,
    "ConflictError": 4,
    "StorageError": 5,
    "AuthError": 6,
    "PermissionDeniedError": 6,
    "RateLimitedError": 6,
    "RenderError": 7,
}


def test_every_class_is_pinned_and_codes_are_distinct() -> None:
    assert {cls.__name__ for cls in CLASSES} == set(EXPECTED_EXIT)
    codes = [cls.code for cls in CLASSES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("error_class", CLASSES, ids=lambda cls: cls.__name__)
def test_cli_prints_one_line_and_exits_with_the_class_code(
    error_class: type[MandateError], capsys: pytest.CaptureFixture[str]
) -> None:
    @app.command("raise-for-test", hidden=True)
    def raise_for_test() -> None:
        raise error_class("something specific went wrong", where="input.csv:3")

    try:
        with pytest.raises(SystemExit) as exit_info:
            main(["raise-for-test"])
    finally:
        app.registered_commands = [c for c in app.registered_commands if c.name != "raise-for-test"]
    assert exit_info.value.code == EXPECTED_EXIT[error_class.__name__]
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ["error: input.csv:3: something specific went wrong"]


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "--format", "nonsense", "x.txt"])
    assert exit_info.value.code == 2
