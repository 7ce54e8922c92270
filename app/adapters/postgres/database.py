"""PostgreSQL through psycopg 3: one transaction per unit of work."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from psycopg import Connection
from psycopg_pool import ConnectionPool

from app.adapters.postgres.reset_tokens import PostgresResetTokens
from app.adapters.postgres.tasks import PostgresTasks
from app.adapters.postgres.users import PostgresUsers


class ConnectionSource(Protocol):
    """Where connections come from: a pool in the app, one held connection in tests."""

    def connection(self) -> AbstractContextManager[Connection[Any]]: ...


class PostgresUnitOfWork:
    def __init__(self, connection: Connection[Any]) -> None:
        self.users = PostgresUsers(connection)
        self.tasks = PostgresTasks(connection)
        self.reset_tokens = PostgresResetTokens(connection)


class PostgresDatabase:
    def __init__(self, source: ConnectionSource) -> None:
        self._source = source

    @classmethod
    def connect(cls, database_url: str, max_size: int = 10) -> "PostgresDatabase":
        return cls(
            ConnectionPool(
                database_url, min_size=1, max_size=max_size, open=True, configure=_speak_utc
            )
        )

    @contextmanager
    def unit_of_work(self) -> Iterator[PostgresUnitOfWork]:
        # Inside a transaction that is already open, psycopg makes this a savepoint.
        with self._source.connection() as connection, connection.transaction():
            yield PostgresUnitOfWork(connection)

    def close(self) -> None:
        if isinstance(self._source, ConnectionPool):
            self._source.close()


def _speak_utc(connection: Connection[Any]) -> None:
    """Read every time in UTC, as the app stores them, whatever the server's time zone.

    In a zone ahead of UTC the last hours of year 9999 would load as year 10000,
    which Python's datetime cannot hold.
    """
    connection.autocommit = True
    connection.execute("SET TIME ZONE 'UTC'")
    connection.autocommit = False
