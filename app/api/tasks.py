from datetime import datetime
from typing import Any

from flask import Blueprint, request, url_for

from app.api.authentication import current_user, login_required
from app.api.context import services
from app.api.moments import parse_moment
from app.api.presenters import task_json
from app.api.validation import RequestInvalid, Violation, validated_body
from app.domain.tasks import TaskStatus
from app.services.tasks import TaskEdit

blueprint = Blueprint("tasks", __name__, url_prefix="/tasks")


@blueprint.get("")
@login_required
def list_tasks() -> dict[str, Any]:
    tasks = services().tasks.list(current_user().id, _status_filter())
    now = services().clock.now()
    return {"tasks": [task_json(task, now) for task in tasks]}


@blueprint.post("")
@login_required
def create_task() -> tuple[dict[str, Any], int, dict[str, str]]:
    body = validated_body("task_create")
    task = services().tasks.create(
        current_user().id, body["title"], body.get("notes", ""), _moment(body.get("due_at"))
    )
    location = url_for(".get_task", task_id=task.id)
    return task_json(task, services().clock.now()), 201, {"Location": location}


@blueprint.get("/<int:task_id>")
@login_required
def get_task(task_id: int) -> dict[str, Any]:
    task = services().tasks.get(current_user().id, task_id)
    return task_json(task, services().clock.now())


@blueprint.patch("/<int:task_id>")
@login_required
def update_task(task_id: int) -> dict[str, Any]:
    body = validated_body("task_update")
    edit = TaskEdit(
        title=body.get("title"),
        notes=body.get("notes"),
        due_at=_moment(body.get("due_at")),
        clear_due_at="due_at" in body and body["due_at"] is None,
        done=body.get("done"),
    )
    task = services().tasks.edit(current_user().id, task_id, edit)
    return task_json(task, services().clock.now())


@blueprint.delete("/<int:task_id>")
@login_required
def delete_task(task_id: int) -> tuple[str, int]:
    services().tasks.delete(current_user().id, task_id)
    return "", 204


def _status_filter() -> TaskStatus | None:
    raw = request.args.get("status")
    if raw is None:
        return None
    try:
        return TaskStatus(raw)
    except ValueError:
        allowed = ", ".join(status.value for status in TaskStatus)
        raise RequestInvalid([Violation("?status", f"must be one of {allowed}")]) from None


def _moment(value: str | None) -> datetime | None:
    """The schema has checked that ``value`` parses."""
    return parse_moment(value) if value else None
