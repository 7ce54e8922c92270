"""One mechanism validates every request body against its JSON Schema (Draft 2020-12)."""

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from flask import request
from jsonschema import FormatChecker, ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from werkzeug.exceptions import UnsupportedMediaType

from app.api.moments import is_moment

FORMAT_NAMES = {"email": "an email address", "date-time": "a date and time with a timezone"}
TYPE_NAMES = {"object": "a JSON object", "boolean": "true or false", "null": "null"}

FORMAT_CHECKER = FormatChecker()  # every format jsonschema knows, with our date-time
FORMAT_CHECKER.checks("date-time", raises=ValueError)(is_moment)


@dataclass(frozen=True)
class Violation:
    pointer: str
    message: str


class RequestInvalid(Exception):
    """The body broke its schema; ``violations`` lists every problem."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(f"{len(violations)} problem(s) in the request body")
        self.violations = violations


class MalformedJson(Exception):
    pass


def validated_body(schema_name: str) -> dict[str, Any]:
    """The request's JSON body, once it is known to satisfy ``schemas/<schema_name>.json``."""
    if not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")
    body = request.get_json(silent=True)
    if body is None:
        raise MalformedJson
    found = violations(schema_name, body)
    if found:
        raise RequestInvalid(found)
    return body  # type: ignore[no-any-return]  # the schema says it is an object


def violations(schema_name: str, body: Any) -> list[Violation]:
    """Every field with a problem, each named once with its most basic problem."""
    errors = sorted(_validator(schema_name).iter_errors(body), key=_most_basic_first)
    first_per_field: dict[str, Violation] = {}
    for error in errors:
        for violation in _describe(error):
            first_per_field.setdefault(violation.pointer, violation)
    return sorted(first_per_field.values(), key=lambda v: v.pointer)


def _most_basic_first(error: ValidationError) -> int:
    order = ["type", "required", "additionalProperties", "minLength", "maxLength"]
    return order.index(str(error.validator)) if error.validator in order else len(order)


@cache
def _validator(schema_name: str) -> Validator:
    text = (files("app") / "schemas" / f"{schema_name}.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=FORMAT_CHECKER)


def _describe(error: ValidationError) -> list[Violation]:
    """Plain messages that never repeat the submitted value (it may be a password)."""
    pointer = _pointer(error.absolute_path)
    schema: Any = error.schema
    value: Any = error.validator_value
    instance: Any = error.instance
    match error.validator:
        case "required":
            missing = [name for name in value if name not in instance]
            return [Violation(_pointer([*error.absolute_path, n]), "is required") for n in missing]
        case "additionalProperties":
            extras = [name for name in instance if name not in schema.get("properties", {})]
            return [
                Violation(_pointer([*error.absolute_path, n]), "is not an allowed field")
                for n in extras
            ]
        case "type":
            kinds = value if isinstance(value, list) else [value]
            names = " or ".join(TYPE_NAMES.get(kind, f"a {kind}") for kind in kinds)
            message = f"must be {names}"
        case "minLength":
            message = (
                "must not be empty" if value == 1 else f"must be at least {value} characters long"
            )
        case "maxLength":
            message = f"must be at most {value} characters long"
        case "format":
            message = schema.get("errorMessage", f"must be {FORMAT_NAMES.get(value, value)}")
        case _:
            message = schema.get("errorMessage", "is not valid")
    return [Violation(pointer, message)]


def _pointer(path: Any) -> str:
    """RFC 6901: ``~`` becomes ``~0`` and ``/`` becomes ``~1``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)
