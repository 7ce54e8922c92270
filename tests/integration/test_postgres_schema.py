"""What only a real database can show: constraints, cascades, types and savepoints."""

import contextlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import psycopg
import pytest
from psycopg import Connection
from psycopg.conninfo import make_conninfo

from app.adapters.postgres.database import PostgresDatabase
from app.domain.errors import EmailAlreadyRegistered
from app.domain.reset_tokens import ResetToken
from app.domain.tasks import NewTask, Task
from app.domain.users import NewUser
from tests.support.repository_contract import T0, add_task, add_user


def test_deleting_a_user_deletes_their_tasks_and_reset_tokens(
    database: PostgresDatabase, connection: Connection[Any]
) -> None:
    ada = add_user(database)
    add_task(database, ada)
    with database.unit_of_work() as uow:
        uow.reset_tokens.add(ResetToken("hash-1", ada.id, T0))

    connection.execute("DELETE FROM users WHERE id = %s", (ada.id,))

    counts = connection.execute(
        "SELECT (SELECT count(*) FROM tasks), (SELECT count(*) FROM password_reset_tokens)"
    ).fetchone()
    assert counts == (0, 0)


def test_a_task_cannot_belong_to_a_missing_user(database: PostgresDatabase) -> None:
    with pytest.raises(psycopg.errors.ForeignKeyViolation), database.unit_of_work() as uow:
        uow.tasks.add(
            NewTask(owner_id=424242, title="Orphan", notes="", due_at=None, created_at=T0)
        )


def test_the_database_refuses_an_empty_title_even_if_the_api_did_not(
    database: PostgresDatabase,
) -> None:
    ada = add_user(database)

    with pytest.raises(psycopg.errors.CheckViolation):
        add_task(database, ada, title="")


def test_times_come_back_as_the_same_instant_in_utc(database: PostgresDatabase) -> None:
    ada = add_user(database)
    in_paris = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    task = add_task(database, ada, due_at=in_paris)

    assert task.due_at == in_paris
    assert task.due_at is not None
    assert task.due_at.astimezone(UTC).hour == 9


class Undo(Exception):
    """Raised to leave a unit of work without committing what it wrote."""


def add_task_then_undo(database: PostgresDatabase, due_at: datetime) -> Task:
    with contextlib.suppress(Undo), database.unit_of_work() as uow:
        ada = uow.users.add(NewUser("ada@example.test", "Ada", "hash", T0))
        task = uow.tasks.add(NewTask(ada.id, "Last call", "", due_at, T0))
        raise Undo
    return task


def test_the_apps_connections_read_times_in_utc_whatever_the_servers_time_zone(
    database_url: str,
) -> None:
    """At UTC+14 the last hours of year 9999 would read back as year 10000, and fail."""
    at_utc_plus_14 = make_conninfo(database_url, options="-c TimeZone=Pacific/Kiritimati")
    database = PostgresDatabase.connect(at_utc_plus_14, max_size=1)
    last_hour = datetime(9999, 12, 31, 23, tzinfo=UTC)
    try:
        task = add_task_then_undo(database, due_at=last_hour)
    finally:
        database.close()

    assert task.due_at == last_hour


def test_a_duplicate_email_rolls_back_only_its_savepoint(
    database: PostgresDatabase,
) -> None:
    """The unique violation must not poison the surrounding transaction."""
    add_user(database, "ada@example.test")

    with database.unit_of_work() as uow:
        with pytest.raises(EmailAlreadyRegistered):
            uow.users.add(NewUser("ADA@example.test", "Ada", "hash", T0))
        assert uow.users.find_by_email("ada@example.test") is not None


def test_each_test_starts_from_empty_tables(connection: Connection[Any]) -> None:
    """Every test writes inside its own rolled-back transaction, so none sees another's rows."""
    row = connection.execute(
        "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM tasks)"
    ).fetchone()

    assert row == (0, 0)
