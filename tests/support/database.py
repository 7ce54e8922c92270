"""The session's PostgreSQL, shared by the integration and e2e layers.

It comes from ``TEST_DATABASE_URL`` when that is set (a CI service, say), otherwise
from a container started once per session with testcontainers. Either way the
migrations are applied once. Without either, the layer fails: it never skips.
How long the database took to be ready is recorded in the layer's JUnit XML.
"""

import os
import signal
import time
from collections.abc import Callable, Iterator
from types import FrameType

import pytest

from app.adapters.postgres.migrations import apply_migrations
from app.dev.postgres import DockerUnavailable, postgres_image, throwaway_postgres


def _stop_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the session's teardown still removes the container


@pytest.fixture(scope="session")
def database_url(
    record_testsuite_property: Callable[[str, object], None],
) -> Iterator[str]:
    """A migrated PostgreSQL for the whole session."""
    started = time.perf_counter()
    existing = os.environ.get("TEST_DATABASE_URL")
    if existing:
        apply_migrations(existing)
        record_testsuite_property("database", "TEST_DATABASE_URL")
        record_testsuite_property("database_ready_seconds", _since(started))
        yield existing
        return
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with throwaway_postgres("tests") as url:
            record_testsuite_property("database", f"container {postgres_image()}")
            record_testsuite_property("container_start_seconds", _since(started))
            apply_migrations(url)
            record_testsuite_property("database_ready_seconds", _since(started))
            yield url
    except DockerUnavailable as error:
        pytest.fail(
            f"{error}\nThis layer never skips itself. To leave it out on purpose, "
            "deselect it: pytest -m 'not integration and not e2e'.",
            pytrace=False,
        )
    finally:
        signal.signal(signal.SIGTERM, previous)


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.2f}"
