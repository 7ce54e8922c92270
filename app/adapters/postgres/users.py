from collections.abc import Sequence
from typing import Any

from psycopg import Connection, errors
from psycopg.rows import class_row

from app.domain.errors import EmailAlreadyRegistered
from app.domain.users import NewUser, User

COLUMNS = "id, email, name, password_hash, is_admin, created_at"


class PostgresUsers:
    def __init__(self, connection: Connection[Any]) -> None:
        self._connection = connection

    def add(self, user: NewUser) -> User:
        try:
            with self._connection.transaction():
                return self._inserted(
                    f"INSERT INTO users (email, name, password_hash, is_admin, created_at)"
                    f" VALUES (%s, %s, %s, %s, %s) RETURNING {COLUMNS}",
                    (user.email, user.name, user.password_hash, user.is_admin, user.created_at),
                )
        except errors.UniqueViolation as error:
            raise EmailAlreadyRegistered from error

    def get(self, user_id: int) -> User | None:
        return self._one(f"SELECT {COLUMNS} FROM users WHERE id = %s", (user_id,))

    def find_by_email(self, email: str) -> User | None:
        return self._one(
            f"SELECT {COLUMNS} FROM users WHERE lower(email) = lower(%s)", (email.strip(),)
        )

    def list_all(self) -> Sequence[User]:
        with self._connection.cursor(row_factory=class_row(User)) as cursor:
            return cursor.execute(f"SELECT {COLUMNS} FROM users ORDER BY created_at, id").fetchall()

    def set_password_hash(self, user_id: int, password_hash: str) -> User | None:
        return self._one(
            f"UPDATE users SET password_hash = %s WHERE id = %s RETURNING {COLUMNS}",
            (password_hash, user_id),
        )

    def set_admin(self, user_id: int, is_admin: bool) -> User | None:
        return self._one(
            f"UPDATE users SET is_admin = %s WHERE id = %s RETURNING {COLUMNS}",
            (is_admin, user_id),
        )

    def _one(self, query: str, params: tuple[Any, ...]) -> User | None:
        with self._connection.cursor(row_factory=class_row(User)) as cursor:
            return cursor.execute(query, params).fetchone()

    def _inserted(self, query: str, params: tuple[Any, ...]) -> User:
        """The row an ``INSERT ... RETURNING`` hands back: exactly one."""
        with self._connection.cursor(row_factory=class_row(User)) as cursor:
            (user,) = cursor.execute(query, params).fetchall()
            return user
