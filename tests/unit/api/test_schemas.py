"""Each request schema, as a table of bodies it must accept and bodies it must refuse."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.api.validation import Violation, violations

PASSWORD = "correct horse battery"


def case(schema: str, body: Any, pointers: list[str] | None = None, *, id: str) -> Any:
    """``pointers`` None means valid; otherwise the pointers of the expected violations."""
    return pytest.param(schema, body, pointers, id=f"{schema}-{id}")


CASES = [
    case("register", {"email": "ada@example.test", "password": PASSWORD, "name": "Ada"}, id="ok"),
    case("register", {"email": "ada@example.test", "password": PASSWORD}, ["/name"], id="no-name"),
    case("register", {}, ["/email", "/name", "/password"], id="empty"),
    case(
        "register",
        {"email": "ada", "password": PASSWORD, "name": "Ada"},
        ["/email"],
        id="bad-email",
    ),
    case(
        "register",
        {"email": "a@b.test", "password": "short", "name": "Ada"},
        ["/password"],
        id="short-password",
    ),
    case(
        "register",
        {"email": "a@b.test", "password": PASSWORD, "name": ""},
        ["/name"],
        id="empty-name",
    ),
    case(
        "register",
        {"email": "a@b.test", "password": PASSWORD, "name": "x" * 101},
        ["/name"],
        id="long-name",
    ),
    case(
        "register",
        {"email": "a@b.test", "password": PASSWORD, "name": "Eve\r\nBcc: x"},
        ["/name"],
        id="name-with-newline",
    ),
    case(
        "register",
        {"email": "a@b.test", "password": PASSWORD, "name": "Ada", "is_admin": True},
        ["/is_admin"],
        id="unknown-field",
    ),
    case(
        "register",
        {"email": 7, "password": PASSWORD, "name": "Ada"},
        ["/email"],
        id="email-not-string",
    ),
    case("register", [], [""], id="not-an-object"),
    case("login", {"email": "ada@example.test", "password": "anything"}, id="ok"),
    case(
        "login", {"email": "ada@example.test", "password": ""}, ["/password"], id="empty-password"
    ),
    case(
        "login",
        {"email": "ada@example.test", "password": "x" * 1025},
        ["/password"],
        id="huge-password",
    ),
    case("password_reset_request", {"email": "ada@example.test"}, id="ok"),
    case(
        "password_reset_request", {"email": "ada@example.test", "x": 1}, ["/x"], id="unknown-field"
    ),
    case("password_reset_confirm", {"token": "abc-DEF_123", "new_password": PASSWORD}, id="ok"),
    case(
        "password_reset_confirm",
        {"token": "abc def", "new_password": PASSWORD},
        ["/token"],
        id="bad-token",
    ),
    case(
        "password_reset_confirm",
        {"token": "abc", "new_password": "short"},
        ["/new_password"],
        id="short-password",
    ),
    case("task_create", {"title": "Water the ferns"}, id="title-only"),
    case(
        "task_create",
        {"title": "Water the ferns", "notes": "Twice\na week", "due_at": "2026-03-03T09:00:00Z"},
        id="all-fields",
    ),
    case("task_create", {"title": "Pay", "due_at": None}, id="null-due"),
    case("task_create", {"title": ""}, ["/title"], id="empty-title"),
    case("task_create", {"title": "   "}, ["/title"], id="blank-title"),
    case("task_create", {"title": "x" * 201}, ["/title"], id="long-title"),
    case("task_create", {"title": "Pay", "due_at": "tomorrow"}, ["/due_at"], id="bad-due"),
    case(
        "task_create",
        {"title": "Pay", "due_at": "2026-03-03T09:00:00"},
        ["/due_at"],
        id="due-without-offset",
    ),
    case("task_create", {"title": "Pay", "due_at": "2026-03-03t09:00:00z"}, id="lowercase-t-z"),
    case(
        "task_create",
        {"title": "Pay", "due_at": "0001-01-01T00:00:00+01:00"},
        ["/due_at"],
        id="due-before-year-1-in-utc",
    ),
    case(
        "task_update",
        {"due_at": "9999-12-31T23:59:59-01:00"},
        ["/due_at"],
        id="due-after-year-9999-in-utc",
    ),
    case("task_create", {"title": "Pay", "notes": "nul\u0000byte"}, ["/notes"], id="nul-in-notes"),
    case("task_create", {"title": "Pay", "done": True}, ["/done"], id="done-on-create"),
    case("task_update", {}, id="empty-is-fine"),
    case("task_update", {"done": True}, id="done"),
    case("task_update", {"done": "yes"}, ["/done"], id="done-not-boolean"),
    case("task_update", {"title": None}, ["/title"], id="null-title"),
    case("task_update", {"due_at": None}, id="clear-due"),
    case("task_update", {"owner_id": 2}, ["/owner_id"], id="unknown-field"),
]


@pytest.mark.parametrize(("schema", "body", "pointers"), CASES)
def test_schema_table(schema: str, body: Any, pointers: list[str] | None) -> None:
    found = violations(schema, body)

    assert sorted(v.pointer for v in found) == sorted(pointers or [])


class TestViolationMessages:
    def test_every_problem_is_listed_not_just_the_first(self) -> None:
        found = violations("register", {"email": "nope", "password": "short", "name": ""})

        assert {v.pointer for v in found} == {"/email", "/password", "/name"}

    def test_messages_never_echo_the_submitted_value(self) -> None:
        found = violations("register", {"email": "a@b.test", "password": "hunter2", "name": "A"})

        assert found == [Violation("/password", "must be at least 12 characters long")]

    def test_an_unknown_field_is_named_in_its_pointer(self) -> None:
        (found,) = violations("login", {"email": "a@b.test", "password": "x", "role": "admin"})

        assert found == Violation("/role", "is not an allowed field")

    def test_pointers_escape_slashes_and_tildes(self) -> None:
        (found,) = violations("login", {"email": "a@b.test", "password": "x", "a/b~c": 1})

        assert found.pointer == "/a~1b~0c"

    def test_an_unknown_schema_is_a_programming_error(self) -> None:
        with pytest.raises(FileNotFoundError):
            violations("no_such_schema", {})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(body=json_values)
def test_any_json_gets_violations_with_pointers_and_messages_never_an_exception(
    body: Any,
) -> None:
    for violation in violations("task_create", body):
        assert violation.pointer == "" or violation.pointer.startswith("/")
        assert violation.message
