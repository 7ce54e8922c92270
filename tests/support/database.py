"""The session's PostgreSQL, shared by the integration and e2e layers.

It comes from ``TEST_DATABASE_URL`` when that is set (a CI service, say), otherwise
from a container started once per session with testcontainers. Either way the
migrations are applied once. Without either, the layer fails: it never skips.
"""

import os
import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from app.adapters.postgres.migrations import apply_migrations
from app.dev.postgres import DockerUnavailable, throwaway_postgres


def _stop_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the session's teardown still removes the container


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A migrated PostgreSQL for the whole session."""
    existing = os.environ.get("TEST_DATABASE_URL")
    if existing:
        apply_migrations(existing)
        yield existing
        return
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with throwaway_postgres("tests") as url:
            apply_migrations(url)
            yield url
    except DockerUnavailable as error:
        pytest.fail(
            f"{error}\nThis layer never skips itself. To leave it out on purpose, "
            "deselect it: pytest -m 'not integration and not e2e'.",
            pytrace=False,
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
