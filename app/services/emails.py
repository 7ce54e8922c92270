"""The emails the app sends, and delivering them without failing the request."""

import logging
from collections.abc import Sequence
from datetime import datetime

from app.domain.emails import Email
from app.domain.tasks import Task
from app.domain.users import User
from app.ports import Mailer

log = logging.getLogger(__name__)


def deliver(mailer: Mailer, email: Email) -> bool:
    """Send, logging rather than raising on failure: the user's action already succeeded."""
    try:
        mailer.send(email)
    except Exception:
        log.exception("could not send %r to %s", email.subject, email.to_address)
        return False
    return True


def welcome(user: User) -> Email:
    return Email(
        to_address=user.email,
        to_name=user.name,
        subject="Welcome to Task Pyramid",
        body=f"Hello {user.name},\n\nYour account is ready. Happy planning!\n",
    )


def password_reset(user: User, link: str, valid_minutes: int) -> Email:
    return Email(
        to_address=user.email,
        to_name=user.name,
        subject="Reset your Task Pyramid password",
        body=(
            f"Hello {user.name},\n\n"
            f"To choose a new password, open this link within {valid_minutes} minutes:\n\n"
            f"{link}\n\n"
            "If you did not ask for this, ignore this email: your password stays as it is.\n"
        ),
    )


def reminder_digest(user: User, tasks: Sequence[Task]) -> Email:
    lines = "\n".join(f"- {task.title} (due {_when(task.due_at)})" for task in tasks)
    plural = "task is" if len(tasks) == 1 else "tasks are"
    return Email(
        to_address=user.email,
        to_name=user.name,
        subject=f"{len(tasks)} {plural} due in the next 24 hours",
        body=f"Hello {user.name},\n\nDue in the next 24 hours:\n\n{lines}\n",
    )


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "no date"
