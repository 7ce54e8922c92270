"""How entities look in JSON: no password hashes, times in ISO 8601 UTC."""

from datetime import UTC, datetime
from typing import Any

from app.domain.tasks import Task
from app.domain.users import User


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "is_admin": user.is_admin,
        "created_at": _iso(user.created_at),
    }


def task_json(task: Task, now: datetime) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "notes": task.notes,
        "due_at": _iso(task.due_at),
        "done": task.is_done,
        "done_at": _iso(task.done_at),
        "overdue": task.is_overdue(now),
        "created_at": _iso(task.created_at),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None
