"""`flask send-reminders` end to end: real database, real SMTP server, a frozen clock."""

from datetime import UTC, datetime, timedelta

from app.adapters.postgres.database import PostgresDatabase
from tests.integration.conftest import AppFactory
from tests.support.fakes import FixedClock
from tests.support.repository_contract import add_task, add_user
from tests.support.smtp import SmtpCatcher

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_each_user_gets_one_digest_of_tasks_due_in_the_next_24_hours(
    make_app: AppFactory, database: PostgresDatabase, mailbox: SmtpCatcher
) -> None:
    ada = add_user(database, "ada@example.test")
    grace = add_user(database, "grace@example.test")
    add_task(database, ada, "Water the ferns", NOW + timedelta(hours=2))
    add_task(database, ada, "Pay the rent", NOW + timedelta(hours=24))
    add_task(database, ada, "Renew passport", NOW + timedelta(hours=25))
    add_task(database, grace, "Feed the cat", NOW - timedelta(hours=1))
    app = make_app(clock=FixedClock(NOW))

    result = app.test_cli_runner().invoke(args=["send-reminders"])

    assert result.exit_code == 0, result.output
    (digest,) = mailbox.inbox
    assert digest["To"].addresses[0].addr_spec == "ada@example.test"
    assert digest["Subject"] == "2 tasks are due in the next 24 hours"
    body = digest.get_content()
    assert "Water the ferns" in body
    assert "Pay the rent" in body
    assert "Renew passport" not in body


def test_nothing_due_sends_nothing(
    make_app: AppFactory, database: PostgresDatabase, mailbox: SmtpCatcher
) -> None:
    ada = add_user(database, "ada@example.test")
    add_task(database, ada, "Someday")

    result = make_app(clock=FixedClock(NOW)).test_cli_runner().invoke(args=["send-reminders"])

    assert "Sent 0 reminder email(s)" in result.output
    assert mailbox.inbox == []
