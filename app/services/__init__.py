"""Use cases. Each service takes its collaborators as arguments and knows no framework."""

from dataclasses import dataclass

from app.ports import Clock
from app.services.accounts import AccountService
from app.services.password_reset import PasswordResetService
from app.services.reminders import ReminderService
from app.services.tasks import TaskService


@dataclass(frozen=True)
class Services:
    """Everything the API and the CLI call, built once by ``create_app``."""

    accounts: AccountService
    password_resets: PasswordResetService
    tasks: TaskService
    reminders: ReminderService
    clock: Clock
