"""Two registrations of one email at the same moment: exactly one wins, the other gets 409.

These tests commit for real (a race needs two transactions), so they use their own
connections and delete what they wrote.
"""

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest

from app.adapters.postgres.database import PostgresDatabase
from app.domain.errors import EmailAlreadyRegistered
from app.domain.users import NewUser
from tests.support.auth import AuthActions
from tests.support.postgres import HeldConnection
from tests.support.repository_contract import T0
from tests.support.waiting import wait_until


@pytest.fixture
def racing_email(database_url: str) -> Iterator[str]:
    email = f"racer-{uuid.uuid4().hex[:8]}@example.test"
    yield email
    with psycopg.connect(database_url, autocommit=True) as cleanup:
        cleanup.execute("DELETE FROM users WHERE lower(email) = lower(%s)", (email,))


def test_the_second_insert_waits_for_the_first_then_loses(
    database_url: str, racing_email: str
) -> None:
    with psycopg.connect(database_url) as first, psycopg.connect(database_url) as second:
        second_db = PostgresDatabase(HeldConnection(second))
        second_pid = second.info.backend_pid
        outcome: list[BaseException | None] = []

        def register_second() -> None:
            try:
                with second_db.unit_of_work() as uow:
                    uow.users.add(NewUser(racing_email.upper(), "Second", "hash", T0))
                outcome.append(None)
            except BaseException as error:
                outcome.append(error)

        with first.transaction():
            first_uow = PostgresDatabase(HeldConnection(first)).unit_of_work()
            with first_uow as uow:  # a savepoint: the insert stays uncommitted until below
                uow.users.add(NewUser(racing_email, "First", "hash", T0))
            racer = threading.Thread(target=register_second)
            racer.start()
            with psycopg.connect(database_url, autocommit=True) as observer:
                wait_until(
                    lambda: (
                        observer.execute(
                            "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s",
                            (second_pid,),
                        ).fetchone()
                        == (True,)
                    ),
                    message="the second insert to block on the unique index",
                )
        # Leaving the outer transaction commits the first insert and unblocks the second.
        racer.join(timeout=10)

    assert len(outcome) == 1
    assert isinstance(outcome[0], EmailAlreadyRegistered)


def test_two_simultaneous_registrations_through_the_api_give_one_201_and_one_409(
    make_app: Any, database_url: str, racing_email: str
) -> None:
    pooled = PostgresDatabase.connect(database_url, max_size=4)
    app = make_app(database=pooled)
    start = threading.Barrier(2)

    def register(name: str) -> int:
        client = app.test_client()
        start.wait(timeout=10)
        return int(AuthActions(client).register(email=racing_email, name=name).status_code)

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            statuses = sorted(pool.map(register, ["Ada", "Grace"]))
    finally:
        pooled.close()

    assert statuses == [201, 409]
