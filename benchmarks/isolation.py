"""What each integration test pays for its isolation, against two alternatives.

    tox -e bench        (or: python benchmarks/isolation.py)

Starts PostgreSQL as the tests do (TEST_DATABASE_URL or a throwaway container), then
times, per simulated test, the rolled-back outer transaction with one savepoint that the
integration layer uses; TRUNCATE of every table; and a fresh connection per test.
Prints medians and 95th percentiles; asserts nothing.
"""

import os
import statistics
import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import psycopg

from app.adapters.postgres.migrations import apply_migrations
from app.dev.postgres import throwaway_postgres

ROUNDS = 300
INSERT = "INSERT INTO users (email, name, password_hash, created_at) VALUES (%s, 'B', 'h', now())"


def measure(label: str, one_test: Callable[[int], Any]) -> None:
    timings = []
    for i in range(ROUNDS):
        start = time.perf_counter()
        one_test(i)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"{label:<44} median {statistics.median(timings):7.3f} ms   p95 {p95:7.3f} ms")


def main() -> None:
    url = os.environ.get("TEST_DATABASE_URL")
    started = time.perf_counter()
    source = nullcontext(url) if url else throwaway_postgres("bench")
    with source as database_url:
        if database_url is None:
            raise SystemExit("no database")
        print(f"PostgreSQL ready in {time.perf_counter() - started:.2f} s (start or connect)")
        apply_migrations(database_url)
        with (
            psycopg.connect(database_url) as held,
            psycopg.connect(database_url, autocommit=True) as plain,
        ):

            def rolled_back(i: int) -> None:
                with held.transaction(force_rollback=True), held.transaction():
                    held.execute(INSERT, (f"bench-{i}@example.test",))

            def truncated(i: int) -> None:
                plain.execute(INSERT, (f"bench-{i}@example.test",))
                plain.execute("TRUNCATE users, tasks, password_reset_tokens RESTART IDENTITY")

            def fresh_connection(i: int) -> None:
                with (
                    psycopg.connect(database_url) as connection,
                    connection.transaction(force_rollback=True),
                ):
                    connection.execute(INSERT, (f"bench-{i}@example.test",))

            print(f"{ROUNDS} simulated tests, each inserting one row:")
            measure("rolled-back transaction + savepoint (used)", rolled_back)
            measure("autocommit + TRUNCATE of every table", truncated)
            measure("fresh connection + rolled-back transaction", fresh_connection)


if __name__ == "__main__":
    main()
