import socket
from datetime import UTC, datetime

import pytest
from pytest_socket import SocketBlockedError

from tests.unit.conftest import NOW


def test_opening_a_socket_fails() -> None:
    with (
        pytest.raises(SocketBlockedError),
        pytest.warns(UserWarning, match="tried to use socket"),
    ):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_the_clock_is_frozen_at_a_known_instant() -> None:
    assert datetime.now(UTC) == NOW
