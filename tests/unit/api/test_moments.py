"""Due times: what the schema accepts is exactly what the routes can parse."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.api.moments import parse_moment
from app.api.validation import violations

# RFC 3339 offsets are whole minutes, less than a day either way.
OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)

ANY_TIME = st.datetimes(timezones=OFFSETS)
FIRST_DAYS = st.datetimes(datetime(1, 1, 1), datetime(1, 1, 2), timezones=OFFSETS)
LAST_DAYS = st.datetimes(
    datetime(9999, 12, 30), datetime(9999, 12, 31, 23, 59, 59), timezones=OFFSETS
)


def due_at_violations(text: str) -> list[str]:
    return [v.pointer for v in violations("task_create", {"title": "Pay", "due_at": text})]


def test_answers_the_instant_in_utc() -> None:
    assert parse_moment("2026-03-02T11:00:00+02:00") == datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-03-02", "2026-03-02T09:00:00", "20260302T090000Z"])
def test_refuses_iso_8601_forms_that_rfc_3339_does_not_allow(text: str) -> None:
    with pytest.raises(ValueError, match="RFC 3339"):
        parse_moment(text)


@given(moment=ANY_TIME | FIRST_DAYS | LAST_DAYS)
def test_a_due_time_passes_the_schema_exactly_when_it_parses(moment: datetime) -> None:
    text = moment.isoformat()
    try:
        expected: datetime | None = moment.astimezone(UTC)
    except OverflowError:
        expected = None

    if expected is None:
        assert due_at_violations(text) == ["/due_at"]
    else:
        assert due_at_violations(text) == []
        assert parse_moment(text) == expected
