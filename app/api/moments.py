"""Dates and times in request bodies: RFC 3339 with an offset, stored as UTC instants.

The schema's ``date-time`` format is checked with ``parse_moment`` itself, so every
value that passes validation is one the routes can turn into a datetime.
"""

from datetime import UTC, datetime

from rfc3339_validator import validate_rfc3339


def parse_moment(text: str) -> datetime:
    """The UTC instant ``text`` names; ValueError if it is not one datetime can hold."""
    normalised = text.upper()  # RFC 3339 allows a lowercase "t" and "z"
    if not validate_rfc3339(normalised):
        raise ValueError("not an RFC 3339 date-time")
    try:
        return datetime.fromisoformat(normalised).astimezone(UTC)
    except OverflowError as error:
        raise ValueError("outside the years 1 to 9999 in UTC") from error


def is_moment(instance: object) -> bool:
    """The ``date-time`` format check: true for any string ``parse_moment`` accepts."""
    if isinstance(instance, str):
        parse_moment(instance)
    return True
