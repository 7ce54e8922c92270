from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Task:
    id: int
    owner_id: int
    title: str
    notes: str
    due_at: datetime | None
    done_at: datetime | None
    created_at: datetime

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, now: datetime) -> bool:
        """An open task whose due time has passed."""
        return not self.is_done and self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class NewTask:
    owner_id: int
    title: str
    notes: str
    due_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class TaskChanges:
    """The fields a PATCH may change; ``None`` for title/notes means "leave as is"."""

    title: str | None = None
    notes: str | None = None
    due_at: datetime | None = None
    clear_due_at: bool = False
    done_at: datetime | None = None
    reopen: bool = False
