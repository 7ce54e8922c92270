"""Use cases of a personal task list; every call is scoped to the task's owner."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import NotFound
from app.domain.tasks import NewTask, Task, TaskChanges, TaskStatus
from app.ports import Clock, Database


@dataclass(frozen=True)
class TaskEdit:
    """What a user asked to change; ``None`` leaves a field as it is."""

    title: str | None = None
    notes: str | None = None
    due_at: datetime | None = None
    clear_due_at: bool = False
    done: bool | None = None


class TaskService:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, owner_id: int, title: str, notes: str, due_at: datetime | None) -> Task:
        new_task = NewTask(owner_id, title.strip(), notes, due_at, self._clock.now())
        with self._database.unit_of_work() as uow:
            return uow.tasks.add(new_task)

    def list(self, owner_id: int, status: TaskStatus | None) -> Sequence[Task]:
        with self._database.unit_of_work() as uow:
            return uow.tasks.list_for_owner(owner_id, status, self._clock.now())

    def get(self, owner_id: int, task_id: int) -> Task:
        with self._database.unit_of_work() as uow:
            task = uow.tasks.get(owner_id, task_id)
        if task is None:
            raise NotFound("No such task.")
        return task

    def edit(self, owner_id: int, task_id: int, edit: TaskEdit) -> Task:
        with self._database.unit_of_work() as uow:
            current = uow.tasks.get(owner_id, task_id)
            task = (
                uow.tasks.update(owner_id, task_id, self._changes(edit, current))
                if current
                else None
            )
        if task is None:
            raise NotFound("No such task.")
        return task

    def _changes(self, edit: TaskEdit, current: Task) -> TaskChanges:
        return TaskChanges(
            title=edit.title.strip() if edit.title is not None else None,
            notes=edit.notes,
            due_at=edit.due_at,
            clear_due_at=edit.clear_due_at,
            done_at=self._clock.now() if edit.done and not current.is_done else None,
            reopen=edit.done is False,
        )

    def delete(self, owner_id: int, task_id: int) -> None:
        with self._database.unit_of_work() as uow:
            if not uow.tasks.delete(owner_id, task_id):
                raise NotFound("No such task.")
