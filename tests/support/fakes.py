"""In-memory fakes of the ports, honest enough to run the contract tests."""

import copy
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.domain.errors import EmailAlreadyRegistered
from app.domain.reset_tokens import ResetToken
from app.domain.tasks import NewTask, Task, TaskChanges, TaskStatus
from app.domain.users import NewUser, User, normalise_email


class FixedClock:
    """A clock that says what the test tells it to."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current


@dataclass
class _Tables:
    users: dict[int, User] = field(default_factory=dict)
    tasks: dict[int, Task] = field(default_factory=dict)
    reset_tokens: dict[str, ResetToken] = field(default_factory=dict)
    next_id: int = 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


class InMemoryUsers:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, user: NewUser) -> User:
        if self.find_by_email(user.email):
            raise EmailAlreadyRegistered
        stored = User(
            id=self._tables.new_id(),
            email=user.email,
            name=user.name,
            password_hash=user.password_hash,
            is_admin=user.is_admin,
            created_at=user.created_at,
        )
        self._tables.users[stored.id] = stored
        return stored

    def get(self, user_id: int) -> User | None:
        return self._tables.users.get(user_id)

    def find_by_email(self, email: str) -> User | None:
        wanted = normalise_email(email)
        return next(
            (u for u in self._tables.users.values() if normalise_email(u.email) == wanted), None
        )

    def list_all(self) -> Sequence[User]:
        return sorted(self._tables.users.values(), key=lambda u: (u.created_at, u.id))

    def set_password_hash(self, user_id: int, password_hash: str) -> User | None:
        return self._change(user_id, password_hash=password_hash)

    def set_admin(self, user_id: int, is_admin: bool) -> User | None:
        return self._change(user_id, is_admin=is_admin)

    def _change(self, user_id: int, **changes: object) -> User | None:
        user = self._tables.users.get(user_id)
        if user is None:
            return None
        self._tables.users[user_id] = replace(user, **changes)  # type: ignore[arg-type]
        return self._tables.users[user_id]


class InMemoryTasks:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, task: NewTask) -> Task:
        stored = Task(
            id=self._tables.new_id(),
            owner_id=task.owner_id,
            title=task.title,
            notes=task.notes,
            due_at=task.due_at,
            done_at=None,
            created_at=task.created_at,
        )
        self._tables.tasks[stored.id] = stored
        return stored

    def get(self, owner_id: int, task_id: int) -> Task | None:
        task = self._tables.tasks.get(task_id)
        return task if task is not None and task.owner_id == owner_id else None

    def list_for_owner(
        self, owner_id: int, status: TaskStatus | None, now: datetime
    ) -> Sequence[Task]:
        tasks = [t for t in self._tables.tasks.values() if t.owner_id == owner_id]
        if status is TaskStatus.OPEN:
            tasks = [t for t in tasks if not t.is_done]
        elif status is TaskStatus.DONE:
            tasks = [t for t in tasks if t.is_done]
        elif status is TaskStatus.OVERDUE:
            tasks = [t for t in tasks if t.is_overdue(now)]
        return sorted(tasks, key=_due_first)

    def update(self, owner_id: int, task_id: int, changes: TaskChanges) -> Task | None:
        task = self.get(owner_id, task_id)
        if task is None:
            return None
        updated = replace(
            task,
            title=changes.title if changes.title is not None else task.title,
            notes=changes.notes if changes.notes is not None else task.notes,
            due_at=None if changes.clear_due_at else (changes.due_at or task.due_at),
            done_at=None if changes.reopen else (changes.done_at or task.done_at),
        )
        self._tables.tasks[task_id] = updated
        return updated

    def delete(self, owner_id: int, task_id: int) -> bool:
        if self.get(owner_id, task_id) is None:
            return False
        del self._tables.tasks[task_id]
        return True

    def open_due_between(self, start: datetime, end: datetime) -> Sequence[Task]:
        due = [
            t
            for t in self._tables.tasks.values()
            if not t.is_done and t.due_at is not None and start < t.due_at <= end
        ]
        return sorted(due, key=lambda t: (t.owner_id, t.due_at, t.id))


def _due_first(task: Task) -> tuple[bool, datetime, datetime, int]:
    undated = task.due_at is None
    return (undated, task.due_at or task.created_at, task.created_at, task.id)


class InMemoryResetTokens:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, token: ResetToken) -> None:
        self._tables.reset_tokens[token.token_hash] = token

    def consume(self, token_hash: str, now: datetime) -> int | None:
        token = self._tables.reset_tokens.get(token_hash)
        if token is None or token.used_at is not None or token.expires_at <= now:
            return None
        self._tables.reset_tokens[token_hash] = replace(token, used_at=now)
        return token.user_id


class InMemoryUnitOfWork:
    def __init__(self, tables: _Tables) -> None:
        self.users = InMemoryUsers(tables)
        self.tasks = InMemoryTasks(tables)
        self.reset_tokens = InMemoryResetTokens(tables)


class InMemoryDatabase:
    """Each unit of work sees the tables; an exception restores them as they were."""

    def __init__(self) -> None:
        self.tables = _Tables()

    @contextmanager
    def unit_of_work(self) -> Iterator[InMemoryUnitOfWork]:
        before = copy.deepcopy(self.tables)
        try:
            yield InMemoryUnitOfWork(self.tables)
        except BaseException:
            self.tables.__dict__.update(before.__dict__)
            raise
