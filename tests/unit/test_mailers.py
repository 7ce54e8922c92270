import io
import smtplib
import ssl
from email.message import EmailMessage
from unittest.mock import MagicMock

import pytest
from pytest_mock import MockerFixture

from app.adapters.mailers import ConsoleMailer, SmtpMailer, build_message
from app.config import SmtpSettings
from app.domain.emails import Email

SENDER = "Task Pyramid <no-reply@task-pyramid.test>"
WELCOME = Email(
    to_address="ada@example.test",
    to_name="Ada Lovelace",
    subject="Welcome to Task Pyramid",
    body="Hello Ada,\n\nYour account is ready.\n",
)
TLS_WITH_LOGIN = SmtpSettings(
    host="smtp.example.test", port=587, username="mailer", password="hunter2", starttls=True
)


@pytest.fixture
def smtp_class(mocker: MockerFixture) -> MagicMock:
    return mocker.patch("app.adapters.mailers.smtplib.SMTP", autospec=True)


class TestSmtpConversation:
    def test_upgrades_to_tls_logs_in_sends_and_quits(self, smtp_class: MagicMock) -> None:
        SmtpMailer(TLS_WITH_LOGIN, SENDER).send(WELCOME)

        smtp_class.assert_called_once_with("smtp.example.test", 587, timeout=10)
        server = smtp_class.return_value
        assert [c[0] for c in server.method_calls] == [
            "ehlo",
            "starttls",
            "ehlo",
            "login",
            "send_message",
            "quit",
        ]
        server.login.assert_called_once_with("mailer", "hunter2")
        (tls_call,) = server.starttls.call_args_list
        assert isinstance(tls_call.kwargs["context"], ssl.SSLContext)

    def test_sends_the_built_message(self, smtp_class: MagicMock) -> None:
        SmtpMailer(TLS_WITH_LOGIN, SENDER).send(WELCOME)

        (sent,) = smtp_class.return_value.send_message.call_args.args
        assert sent["To"] == "Ada Lovelace <ada@example.test>"
        assert sent["Subject"] == "Welcome to Task Pyramid"

    def test_skips_tls_and_login_for_a_local_catcher(self, smtp_class: MagicMock) -> None:
        plain = SmtpSettings("127.0.0.1", 1025, username=None, password=None, starttls=False)

        SmtpMailer(plain, SENDER).send(WELCOME)

        assert [c[0] for c in smtp_class.return_value.method_calls] == [
            "ehlo",
            "send_message",
            "quit",
        ]

    def test_quits_even_when_sending_fails(self, smtp_class: MagicMock) -> None:
        smtp_class.return_value.send_message.side_effect = smtplib.SMTPRecipientsRefused({})

        with pytest.raises(smtplib.SMTPRecipientsRefused):
            SmtpMailer(TLS_WITH_LOGIN, SENDER).send(WELCOME)

        smtp_class.return_value.quit.assert_called_once_with()


class TestMessage:
    def test_has_the_sender_recipient_subject_and_body(self) -> None:
        message = build_message(WELCOME, SENDER)

        assert message["From"] == SENDER
        assert message["To"] == "Ada Lovelace <ada@example.test>"
        assert message["Subject"] == "Welcome to Task Pyramid"
        assert message.get_content() == WELCOME.body

    def test_has_a_date_and_a_unique_message_id(self) -> None:
        first = build_message(WELCOME, SENDER)
        second = build_message(WELCOME, SENDER)

        assert first["Date"]
        assert first["Message-ID"] != second["Message-ID"]

    @pytest.mark.parametrize(
        "name", ["Eve\r\nBcc: victim@example.test", "Eve\nBcc: victim@example.test"]
    )
    def test_a_name_with_line_breaks_cannot_inject_headers(self, name: str) -> None:
        email = Email("eve@example.test", name, "Welcome", "Hello")

        message = build_message(email, SENDER)

        assert message["Bcc"] is None
        assert "\nBcc:" not in message.as_string()
        assert "eve@example.test" in message["To"]

    def test_a_subject_with_line_breaks_cannot_inject_headers(self) -> None:
        email = Email("eve@example.test", "Eve", "Hi\r\nBcc: victim@example.test", "Hello")

        message = build_message(email, SENDER)

        assert message["Bcc"] is None

    def test_non_ascii_names_are_encoded(self) -> None:
        email = Email("zoe@example.test", "Zoë Ångström", "Bonjour", "Salut")

        wire = build_message(email, SENDER).as_bytes()

        assert b"=?utf-8?" in wire


class TestConsoleMailer:
    def test_prints_the_whole_message(self) -> None:
        out = io.StringIO()

        ConsoleMailer(SENDER, out).send(WELCOME)

        printed = out.getvalue()
        assert "To: Ada Lovelace <ada@example.test>" in printed
        assert "Subject: Welcome to Task Pyramid" in printed
        assert "Your account is ready." in printed


def test_build_message_returns_a_standard_library_message() -> None:
    assert isinstance(build_message(WELCOME, SENDER), EmailMessage)
