from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from psycopg import Connection


class HeldConnection:
    """A connection source that always hands out the one connection a test holds.

    The test has opened a transaction on it, so the app's own transactions become
    savepoints inside it, and rolling it back undoes everything the test wrote.
    """

    def __init__(self, connection: Connection[Any]) -> None:
        self._connection = connection

    @contextmanager
    def connection(self) -> Iterator[Connection[Any]]:
        yield self._connection
