from datetime import datetime
from typing import Any

from psycopg import Connection

from app.domain.reset_tokens import ResetToken


class PostgresResetTokens:
    def __init__(self, connection: Connection[Any]) -> None:
        self._connection = connection

    def add(self, token: ResetToken) -> None:
        self._connection.execute(
            "INSERT INTO password_reset_tokens (token_hash, user_id, expires_at, used_at)"
            " VALUES (%s, %s, %s, %s)",
            (token.token_hash, token.user_id, token.expires_at, token.used_at),
        )

    def consume(self, token_hash: str, now: datetime) -> int | None:
        row = self._connection.execute(
            "UPDATE password_reset_tokens SET used_at = %(now)s"
            " WHERE token_hash = %(hash)s AND used_at IS NULL AND expires_at > %(now)s"
            " RETURNING user_id",
            {"hash": token_hash, "now": now},
        ).fetchone()
        return None if row is None else int(row[0])
