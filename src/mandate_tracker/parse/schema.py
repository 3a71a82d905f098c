"""The JSON Schema of the output contract, kept in ``data/schema/mandate.schema.json``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from mandate_tracker.errors import ValidationError


@cache
def mandate_schema() -> dict[str, Any]:
    source = resources.files("mandate_tracker") / "data" / "schema" / "mandate.schema.json"
    schema: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return schema


def validate_document_json(data: dict[str, Any]) -> None:
    """Raise :class:`ValidationError` naming the first field that breaks the contract."""
    validator = jsonschema.Draft202012Validator(
        mandate_schema(), format_checker=jsonschema.FormatChecker()
    )
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(document)"
        raise ValidationError(error.message, where=where)
