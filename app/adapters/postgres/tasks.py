from collections.abc import Sequence
from datetime import datetime
from typing import Any

from psycopg import Connection, sql
from psycopg.rows import class_row

from app.domain.tasks import NewTask, Task, TaskChanges, TaskStatus

COLUMNS = "id, owner_id, title, notes, due_at, done_at, created_at"
BIGINT_MAX = 2**63 - 1
STATUS_FILTERS = {
    None: sql.SQL("TRUE"),
    TaskStatus.OPEN: sql.SQL("done_at IS NULL"),
    TaskStatus.DONE: sql.SQL("done_at IS NOT NULL"),
    TaskStatus.OVERDUE: sql.SQL("done_at IS NULL AND due_at < %(now)s"),
}


class PostgresTasks:
    def __init__(self, connection: Connection[Any]) -> None:
        self._connection = connection

    def add(self, task: NewTask) -> Task:
        (created,) = self._all(
            f"INSERT INTO tasks (owner_id, title, notes, due_at, created_at)"
            f" VALUES (%s, %s, %s, %s, %s) RETURNING {COLUMNS}",
            (task.owner_id, task.title, task.notes, task.due_at, task.created_at),
        )
        return created

    def get(self, owner_id: int, task_id: int) -> Task | None:
        if task_id > BIGINT_MAX:
            return None
        return self._one(
            f"SELECT {COLUMNS} FROM tasks WHERE id = %s AND owner_id = %s", (task_id, owner_id)
        )

    def list_for_owner(
        self, owner_id: int, status: TaskStatus | None, now: datetime
    ) -> Sequence[Task]:
        query = sql.SQL(
            "SELECT {columns} FROM tasks WHERE owner_id = %(owner_id)s AND {status}"
            " ORDER BY due_at ASC NULLS LAST, created_at, id"
        ).format(columns=sql.SQL(COLUMNS), status=STATUS_FILTERS[status])
        return self._all(query, {"owner_id": owner_id, "now": now})

    def update(self, owner_id: int, task_id: int, changes: TaskChanges) -> Task | None:
        if task_id > BIGINT_MAX:
            return None
        return self._one(
            f"""UPDATE tasks SET
                  title = COALESCE(%(title)s::text, title),
                  notes = COALESCE(%(notes)s::text, notes),
                  due_at = CASE WHEN %(clear_due_at)s THEN NULL
                                ELSE COALESCE(%(due_at)s::timestamptz, due_at) END,
                  done_at = CASE WHEN %(reopen)s THEN NULL
                                 ELSE COALESCE(%(done_at)s::timestamptz, done_at) END
                WHERE id = %(id)s AND owner_id = %(owner_id)s
                RETURNING {COLUMNS}""",
            {
                "title": changes.title,
                "notes": changes.notes,
                "due_at": changes.due_at,
                "clear_due_at": changes.clear_due_at,
                "done_at": changes.done_at,
                "reopen": changes.reopen,
                "id": task_id,
                "owner_id": owner_id,
            },
        )

    def delete(self, owner_id: int, task_id: int) -> bool:
        if task_id > BIGINT_MAX:
            return False
        deleted = self._connection.execute(
            "DELETE FROM tasks WHERE id = %s AND owner_id = %s RETURNING id", (task_id, owner_id)
        ).fetchone()
        return deleted is not None

    def open_due_between(self, start: datetime, end: datetime) -> Sequence[Task]:
        return self._all(
            f"SELECT {COLUMNS} FROM tasks"
            " WHERE done_at IS NULL AND due_at > %(start)s AND due_at <= %(end)s"
            " ORDER BY owner_id, due_at, id",
            {"start": start, "end": end},
        )

    def _one(self, query: str, params: Any) -> Task | None:
        with self._connection.cursor(row_factory=class_row(Task)) as cursor:
            return cursor.execute(query, params).fetchone()

    def _all(self, query: Any, params: Any) -> Sequence[Task]:
        with self._connection.cursor(row_factory=class_row(Task)) as cursor:
            return cursor.execute(query, params).fetchall()
