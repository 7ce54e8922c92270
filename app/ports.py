"""The small interfaces the services depend on.

Real implementations live in ``app.adapters``; tests swap in fakes from ``tests.support``.
"""

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from app.domain.emails import Email
from app.domain.reset_tokens import ResetToken
from app.domain.tasks import NewTask, Task, TaskChanges, TaskStatus
from app.domain.users import NewUser, User


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class Mailer(Protocol):
    def send(self, email: Email) -> None: ...


class PasswordBreachChecker(Protocol):
    def is_breached(self, password: str) -> bool:
        """True when the password is known from a breach.

        Raises ``BreachCheckUnavailable`` when the answer cannot be had.
        """
        ...


class BreachCheckUnavailable(Exception):
    """The breached-password service could not answer (timeout, error, bad body)."""


class UserRepository(Protocol):
    def add(self, user: NewUser) -> User:
        """Store a new user; raises ``EmailAlreadyRegistered`` if the email is taken."""
        ...

    def get(self, user_id: int) -> User | None: ...

    def find_by_email(self, email: str) -> User | None:
        """Find a user by email, ignoring case."""
        ...

    def list_all(self) -> Sequence[User]:
        """Every user, oldest first."""
        ...

    def set_password_hash(self, user_id: int, password_hash: str) -> User | None: ...

    def set_admin(self, user_id: int, is_admin: bool) -> User | None: ...


class TaskRepository(Protocol):
    def add(self, task: NewTask) -> Task: ...

    def get(self, owner_id: int, task_id: int) -> Task | None:
        """The task if it exists and belongs to ``owner_id``."""
        ...

    def list_for_owner(
        self, owner_id: int, status: TaskStatus | None, now: datetime
    ) -> Sequence[Task]:
        """The owner's tasks, earliest due first (undated last), then oldest first."""
        ...

    def update(self, owner_id: int, task_id: int, changes: TaskChanges) -> Task | None: ...

    def delete(self, owner_id: int, task_id: int) -> bool: ...

    def open_due_between(self, start: datetime, end: datetime) -> Sequence[Task]:
        """Open tasks with ``start < due_at <= end``, by owner then due time."""
        ...


class ResetTokenRepository(Protocol):
    def add(self, token: ResetToken) -> None: ...

    def consume(self, token_hash: str, now: datetime) -> int | None:
        """Mark an unused, unexpired token used and return its user id, else ``None``."""
        ...


class UnitOfWork(Protocol):
    """The repositories of one database transaction."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def tasks(self) -> TaskRepository: ...

    @property
    def reset_tokens(self) -> ResetTokenRepository: ...


class Database(Protocol):
    def unit_of_work(self) -> AbstractContextManager[UnitOfWork]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        ...
