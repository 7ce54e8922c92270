from datetime import timedelta
from typing import Any

import pytest

from app.domain.users import NewUser, User
from app.services.reminders import REMINDER_WINDOW, ReminderService
from app.services.tasks import TaskEdit, TaskService
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import NOW


def add_user(database: InMemoryDatabase, email: str, name: str) -> User:
    with database.unit_of_work() as uow:
        return uow.users.add(NewUser(email, name, "not-a-real-hash", NOW))


@pytest.fixture
def ada(database: InMemoryDatabase) -> User:
    return add_user(database, "ada@example.test", "Ada")


def sent_emails(mailer: Any) -> list[Any]:
    return [c.args[0] for c in mailer.send.call_args_list]


class TestWindow:
    @pytest.mark.parametrize(
        ("due_in", "included"),
        [
            (timedelta(0), False),
            (timedelta(seconds=1), True),
            (REMINDER_WINDOW, True),
            (REMINDER_WINDOW + timedelta(seconds=1), False),
            (-timedelta(hours=1), False),
        ],
        ids=["due-now", "just-after-now", "end-of-window", "just-after-window", "overdue"],
    )
    def test_the_window_is_the_next_24_hours(
        self,
        reminders: ReminderService,
        tasks: TaskService,
        mailer: Any,
        ada: User,
        due_in: timedelta,
        included: bool,
    ) -> None:
        tasks.create(ada.id, "Water the ferns", "", NOW + due_in)

        reminders.send_due_soon()

        assert (len(sent_emails(mailer)) == 1) is included

    def test_done_and_undated_tasks_are_left_out(
        self, reminders: ReminderService, tasks: TaskService, mailer: Any, ada: User
    ) -> None:
        done = tasks.create(ada.id, "Done already", "", NOW + timedelta(hours=1))
        tasks.edit(ada.id, done.id, TaskEdit(done=True))
        tasks.create(ada.id, "Someday", "", None)

        reminders.send_due_soon()

        mailer.send.assert_not_called()


class TestDigest:
    def test_each_user_gets_one_email_listing_their_tasks(
        self,
        reminders: ReminderService,
        tasks: TaskService,
        database: InMemoryDatabase,
        mailer: Any,
        ada: User,
    ) -> None:
        grace = add_user(database, "grace@example.test", "Grace")
        tasks.create(ada.id, "Water the ferns", "", NOW + timedelta(hours=2))
        tasks.create(ada.id, "Pay the rent", "", NOW + timedelta(hours=3))
        tasks.create(grace.id, "Feed the cat", "", NOW + timedelta(hours=4))

        report = reminders.send_due_soon()

        by_recipient = {email.to_address: email for email in sent_emails(mailer)}
        assert set(by_recipient) == {"ada@example.test", "grace@example.test"}
        assert "Water the ferns" in by_recipient["ada@example.test"].body
        assert "Pay the rent" in by_recipient["ada@example.test"].body
        assert "Feed the cat" not in by_recipient["ada@example.test"].body
        assert by_recipient["ada@example.test"].subject.startswith("2 tasks")
        assert (report.emails_sent, report.tasks_included) == (2, 3)

    def test_one_failing_email_does_not_stop_the_others(
        self,
        reminders: ReminderService,
        tasks: TaskService,
        database: InMemoryDatabase,
        mailer: Any,
        ada: User,
    ) -> None:
        grace = add_user(database, "grace@example.test", "Grace")
        tasks.create(ada.id, "Water the ferns", "", NOW + timedelta(hours=2))
        tasks.create(grace.id, "Feed the cat", "", NOW + timedelta(hours=2))
        mailer.send.side_effect = [OSError("refused"), None]

        report = reminders.send_due_soon()

        assert mailer.send.call_count == 2
        assert (report.emails_sent, report.emails_failed) == (1, 1)


def test_a_task_whose_owner_has_gone_is_skipped(
    reminders: ReminderService, tasks: TaskService, mailer: Any
) -> None:
    tasks.create(owner_id=999, title="Orphan", notes="", due_at=NOW + timedelta(hours=1))

    report = reminders.send_due_soon()

    mailer.send.assert_not_called()
    assert report.emails_sent == 0
