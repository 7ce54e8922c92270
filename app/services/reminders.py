"""Daily digest: each user gets one email of their open tasks due in the next 24 hours."""

from dataclasses import dataclass
from datetime import timedelta
from itertools import groupby

from app.ports import Clock, Database, Mailer
from app.services import emails

REMINDER_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class ReminderReport:
    emails_sent: int
    emails_failed: int
    tasks_included: int


class ReminderService:
    def __init__(self, database: Database, mailer: Mailer, clock: Clock) -> None:
        self._database = database
        self._mailer = mailer
        self._clock = clock

    def send_due_soon(self) -> ReminderReport:
        """Remind of open tasks with ``now < due_at <= now + 24 h``; overdue ones are not."""
        now = self._clock.now()
        with self._database.unit_of_work() as uow:
            due = uow.tasks.open_due_between(now, now + REMINDER_WINDOW)
            digests = [
                (uow.users.get(owner_id), list(tasks))
                for owner_id, tasks in groupby(due, key=lambda task: task.owner_id)
            ]
        sent = failed = 0
        for user, tasks in digests:
            if user is None:
                continue
            if emails.deliver(self._mailer, emails.reminder_digest(user, tasks)):
                sent += 1
            else:
                failed += 1
        return ReminderReport(sent, failed, tasks_included=len(due))
