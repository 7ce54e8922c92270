"""A real SMTP server in the test process, which keeps what it receives."""

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from app.config import SmtpSettings


class _Collect:
    def __init__(self, inbox: list[EmailMessage]) -> None:
        self._inbox = inbox

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # SMTP carries CRLF line endings; read the message as a mail client would show it.
        wire = envelope.content.replace(b"\r\n", b"\n")
        message = message_from_bytes(wire, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self._inbox.append(message)
        return "250 Message accepted"


class SmtpCatcher:
    """Messages are in ``inbox`` by the time the sender's ``send`` returns."""

    def __init__(self) -> None:
        self.inbox: list[EmailMessage] = []
        self._controller = Controller(_Collect(self.inbox), hostname="127.0.0.1", port=_free_port())

    @property
    def settings(self) -> SmtpSettings:
        return SmtpSettings(
            host="127.0.0.1",
            port=self._controller.port,
            username=None,
            password=None,
            starttls=False,
        )

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def messages_to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.inbox if address in str(m["To"])]


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpCatcher]:
    """One SMTP catcher for the session; a layer's ``mailbox`` fixture empties it per test."""
    catcher = SmtpCatcher()
    catcher.start()
    yield catcher
    catcher.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
