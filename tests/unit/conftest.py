"""Unit layer: no sockets, no database, no real clock, no files outside tmp."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_network(socket_disabled: None) -> None:
    """Every unit test runs with sockets disabled: a real call fails instead of passing."""


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[FrozenDateTimeFactory]:
    """Every unit test runs at ``NOW``; move time with ``frozen_time.tick()``."""
    with freeze_time(NOW) as frozen:
        yield frozen
