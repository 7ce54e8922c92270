from app.adapters.mailers import SmtpMailer
from app.domain.emails import Email
from tests.integration.conftest import SENDER
from tests.support.smtp import SmtpCatcher


def test_the_message_arrives_with_its_headers_and_body(mailbox: SmtpCatcher) -> None:
    email = Email("ada@example.test", "Ada Lovelace", "Welcome", "Hello Ada,\n\nWelcome.\n")

    SmtpMailer(mailbox.settings, SENDER).send(email)

    (received,) = mailbox.inbox
    assert received["From"] == SENDER
    assert received["To"] == "Ada Lovelace <ada@example.test>"
    assert received["Subject"] == "Welcome"
    assert received["Message-ID"]
    assert received.get_content() == "Hello Ada,\n\nWelcome.\n"


def test_non_ascii_names_and_bodies_survive_the_trip(mailbox: SmtpCatcher) -> None:
    email = Email("zoe@example.test", "Zoë Ångström", "Café ☕", "Ça va, Zoë ?\n")

    SmtpMailer(mailbox.settings, SENDER).send(email)

    (received,) = mailbox.inbox
    assert received["To"].addresses[0].display_name == "Zoë Ångström"
    assert received["Subject"] == "Café ☕"
    assert received.get_content() == "Ça va, Zoë ?\n"


def test_a_name_trying_to_inject_a_bcc_header_reaches_only_the_recipient(
    mailbox: SmtpCatcher,
) -> None:
    email = Email("eve@example.test", "Eve\r\nBcc: victim@example.test", "Hi", "Hello\n")

    SmtpMailer(mailbox.settings, SENDER).send(email)

    (received,) = mailbox.inbox
    assert received["Bcc"] is None
    assert [a.addr_spec for a in received["To"].addresses] == ["eve@example.test"]
