"""Delivering emails: over SMTP, or onto the console during development."""

import smtplib
import ssl
import sys
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TextIO

from app.config import SmtpSettings
from app.domain.emails import Email

TIMEOUT_SECONDS = 10


def build_message(email: Email, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = Address(display_name=_one_line(email.to_name), addr_spec=email.to_address)
    message["Subject"] = _one_line(email.subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">") or None)
    message.set_content(email.body)
    return message


def _one_line(text: str) -> str:
    """Line breaks in a header would start a new header: fold them into spaces."""
    return " ".join(text.splitlines())


class SmtpMailer:
    def __init__(self, settings: SmtpSettings, sender: str) -> None:
        self._settings = settings
        self._sender = sender

    def send(self, email: Email) -> None:
        server = smtplib.SMTP(self._settings.host, self._settings.port, timeout=TIMEOUT_SECONDS)
        try:
            server.ehlo()
            if self._settings.starttls:
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if self._settings.username and self._settings.password:
                server.login(self._settings.username, self._settings.password)
            server.send_message(build_message(email, self._sender))
        finally:
            server.quit()


class ConsoleMailer:
    """Prints each message instead of sending it, for development."""

    def __init__(self, sender: str, out: TextIO | None = None) -> None:
        self._sender = sender
        self._out = out or sys.stdout

    def send(self, email: Email) -> None:
        message = build_message(email, self._sender)
        print(
            f"----- email (not sent) -----\n{message}\n----------------------------", file=self._out
        )
