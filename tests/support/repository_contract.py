"""What every implementation of the repository ports must do.

Subclassed twice: against the in-memory fakes in the unit layer and against
PostgreSQL in the integration layer, so the fakes the unit tests trust stay honest.
A subclass provides a ``database`` fixture.
"""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import EmailAlreadyRegistered
from app.domain.reset_tokens import ResetToken
from app.domain.tasks import NewTask, Task, TaskChanges, TaskStatus
from app.domain.users import NewUser, User
from app.ports import Database

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def add_user(database: Database, email: str = "ada@example.test", at: datetime = T0) -> User:
    with database.unit_of_work() as uow:
        return uow.users.add(NewUser(email, email.split("@")[0].title(), "argon2-hash", at))


def add_task(
    database: Database, owner: User, title: str = "Water the ferns", due_at: datetime | None = None
) -> Task:
    with database.unit_of_work() as uow:
        return uow.tasks.add(NewTask(owner.id, title, "", due_at, T0))


class UserRepositoryContract:
    def test_add_hands_back_the_stored_row(self, database: Database) -> None:
        user = add_user(database, "ada@example.test")

        assert user.id > 0
        assert (user.email, user.name, user.is_admin, user.created_at) == (
            "ada@example.test",
            "Ada",
            False,
            T0,
        )

    def test_get_finds_by_id(self, database: Database) -> None:
        user = add_user(database)

        with database.unit_of_work() as uow:
            assert uow.users.get(user.id) == user
            assert uow.users.get(user.id + 1000) is None

    def test_find_by_email_ignores_case(self, database: Database) -> None:
        user = add_user(database, "Ada@Example.test")

        with database.unit_of_work() as uow:
            assert uow.users.find_by_email("ada@EXAMPLE.TEST") == user
            assert uow.users.find_by_email("grace@example.test") is None

    def test_an_email_in_another_case_is_already_registered(self, database: Database) -> None:
        add_user(database, "ada@example.test")

        with pytest.raises(EmailAlreadyRegistered):
            add_user(database, "ADA@example.test")

    def test_a_refused_duplicate_leaves_the_first_user_intact(self, database: Database) -> None:
        first = add_user(database, "ada@example.test")
        with pytest.raises(EmailAlreadyRegistered):
            add_user(database, "ada@example.test")

        with database.unit_of_work() as uow:
            assert uow.users.list_all() == [first]

    def test_list_all_is_oldest_first(self, database: Database) -> None:
        later = add_user(database, "grace@example.test", at=T0 + timedelta(minutes=1))
        earlier = add_user(database, "ada@example.test", at=T0)

        with database.unit_of_work() as uow:
            assert uow.users.list_all() == [earlier, later]

    def test_set_password_hash_hands_back_the_changed_row(self, database: Database) -> None:
        user = add_user(database)

        with database.unit_of_work() as uow:
            changed = uow.users.set_password_hash(user.id, "new-hash")

        assert changed is not None
        assert changed.password_hash == "new-hash"

    def test_set_admin_hands_back_the_changed_row(self, database: Database) -> None:
        user = add_user(database)

        with database.unit_of_work() as uow:
            changed = uow.users.set_admin(user.id, True)
            unknown = uow.users.set_admin(user.id + 1000, True)

        assert changed is not None
        assert changed.is_admin
        assert unknown is None

    def test_a_failed_unit_of_work_keeps_nothing(self, database: Database) -> None:
        def add_then_fail() -> None:
            with database.unit_of_work() as uow:
                uow.users.add(NewUser("ada@example.test", "Ada", "hash", T0))
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError, match="boom"):
            add_then_fail()

        with database.unit_of_work() as uow:
            assert uow.users.find_by_email("ada@example.test") is None


class TaskRepositoryContract:
    def test_add_hands_back_an_open_task(self, database: Database) -> None:
        ada = add_user(database)

        task = add_task(database, ada, "Water the ferns", due_at=T0 + timedelta(hours=1))

        assert task.id > 0
        assert (task.owner_id, task.title, task.done_at) == (ada.id, "Water the ferns", None)
        assert task.due_at == T0 + timedelta(hours=1)

    def test_get_is_scoped_to_the_owner(self, database: Database) -> None:
        ada, grace = (
            add_user(database, "ada@example.test"),
            add_user(database, "grace@example.test"),
        )
        task = add_task(database, ada)

        with database.unit_of_work() as uow:
            assert uow.tasks.get(ada.id, task.id) == task
            assert uow.tasks.get(grace.id, task.id) is None

    def test_ids_beyond_the_database_range_are_simply_absent(self, database: Database) -> None:
        ada = add_user(database)

        with database.unit_of_work() as uow:
            assert uow.tasks.get(ada.id, 2**70) is None
            assert uow.tasks.update(ada.id, 2**70, TaskChanges(title="x")) is None
            assert uow.tasks.delete(ada.id, 2**70) is False

    def test_list_orders_by_due_time_with_undated_last(self, database: Database) -> None:
        ada = add_user(database)
        undated = add_task(database, ada, "Someday")
        later = add_task(database, ada, "Later", T0 + timedelta(days=2))
        sooner = add_task(database, ada, "Sooner", T0 + timedelta(days=1))

        with database.unit_of_work() as uow:
            assert uow.tasks.list_for_owner(ada.id, None, T0) == [sooner, later, undated]

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (TaskStatus.OPEN, ["Late", "Upcoming"]),
            (TaskStatus.DONE, ["Done"]),
            (TaskStatus.OVERDUE, ["Late"]),
            (None, ["Done", "Late", "Upcoming"]),
        ],
    )
    def test_list_filters_by_status(
        self, database: Database, status: TaskStatus | None, expected: list[str]
    ) -> None:
        ada = add_user(database)
        add_task(database, ada, "Late", T0 - timedelta(minutes=1))
        add_task(database, ada, "Upcoming", T0 + timedelta(minutes=1))
        done = add_task(database, ada, "Done", T0 - timedelta(days=1))
        with database.unit_of_work() as uow:
            uow.tasks.update(ada.id, done.id, TaskChanges(done_at=T0))

        with database.unit_of_work() as uow:
            titles = [t.title for t in uow.tasks.list_for_owner(ada.id, status, T0)]

        assert titles == expected

    def test_update_changes_only_what_it_is_given(self, database: Database) -> None:
        ada = add_user(database)
        task = add_task(database, ada, "Water the ferns", T0)

        with database.unit_of_work() as uow:
            changed = uow.tasks.update(ada.id, task.id, TaskChanges(notes="Twice a week"))

        assert changed is not None
        assert (changed.title, changed.notes, changed.due_at) == (
            "Water the ferns",
            "Twice a week",
            T0,
        )

    def test_update_can_clear_the_due_time_and_reopen(self, database: Database) -> None:
        ada = add_user(database)
        task = add_task(database, ada, "Water the ferns", T0)
        with database.unit_of_work() as uow:
            uow.tasks.update(ada.id, task.id, TaskChanges(done_at=T0))

        with database.unit_of_work() as uow:
            changed = uow.tasks.update(ada.id, task.id, TaskChanges(clear_due_at=True, reopen=True))

        assert changed is not None
        assert (changed.due_at, changed.done_at) == (None, None)

    def test_update_of_another_users_task_changes_nothing(self, database: Database) -> None:
        ada, grace = (
            add_user(database, "ada@example.test"),
            add_user(database, "grace@example.test"),
        )
        task = add_task(database, ada)

        with database.unit_of_work() as uow:
            assert uow.tasks.update(grace.id, task.id, TaskChanges(title="Mine")) is None
            assert uow.tasks.get(ada.id, task.id) == task

    def test_delete_reports_whether_it_deleted(self, database: Database) -> None:
        ada, grace = (
            add_user(database, "ada@example.test"),
            add_user(database, "grace@example.test"),
        )
        task = add_task(database, ada)

        with database.unit_of_work() as uow:
            assert uow.tasks.delete(grace.id, task.id) is False
            assert uow.tasks.delete(ada.id, task.id) is True
            assert uow.tasks.delete(ada.id, task.id) is False

    def test_open_due_between_excludes_the_start_and_includes_the_end(
        self, database: Database
    ) -> None:
        ada = add_user(database)
        add_task(database, ada, "At start", T0)
        inside = add_task(database, ada, "Inside", T0 + timedelta(hours=1))
        at_end = add_task(database, ada, "At end", T0 + timedelta(hours=24))
        add_task(database, ada, "After end", T0 + timedelta(hours=24, seconds=1))

        with database.unit_of_work() as uow:
            due = uow.tasks.open_due_between(T0, T0 + timedelta(hours=24))

        assert due == [inside, at_end]


class ResetTokenRepositoryContract:
    def test_a_token_is_consumed_once(self, database: Database) -> None:
        ada = add_user(database)
        with database.unit_of_work() as uow:
            uow.reset_tokens.add(ResetToken("hash-1", ada.id, T0 + timedelta(minutes=30)))

        with database.unit_of_work() as uow:
            first = uow.reset_tokens.consume("hash-1", T0)
            second = uow.reset_tokens.consume("hash-1", T0)

        assert (first, second) == (ada.id, None)

    def test_an_expired_token_is_not_consumed(self, database: Database) -> None:
        ada = add_user(database)
        with database.unit_of_work() as uow:
            uow.reset_tokens.add(ResetToken("hash-1", ada.id, T0))

        with database.unit_of_work() as uow:
            assert uow.reset_tokens.consume("hash-1", T0) is None

    def test_an_unknown_token_is_not_consumed(self, database: Database) -> None:
        with database.unit_of_work() as uow:
            assert uow.reset_tokens.consume("no-such-hash", T0) is None
