import re
from datetime import timedelta
from typing import Any

import pytest

from app.domain.emails import Email
from app.domain.errors import InvalidCredentials, InvalidResetToken, PasswordRejected
from app.services.accounts import AccountService
from app.services.password_reset import RESET_TOKEN_LIFETIME, PasswordResetService
from tests.support.fakes import FixedClock, InMemoryDatabase

OLD_PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def ada(accounts: AccountService, mailer: Any) -> str:
    accounts.register("ada@example.test", OLD_PASSWORD, "Ada")
    mailer.reset_mock()
    return "ada@example.test"


def token_from(mailer: Any) -> str:
    (email,) = [c.args[0] for c in mailer.send.call_args_list]
    assert isinstance(email, Email)
    match = re.search(r"https://tasks\.example\.test/reset-password#token=([\w-]+)", email.body)
    assert match, email.body
    return match.group(1)


class TestRequest:
    def test_a_known_user_is_emailed_a_link_with_a_token(
        self, password_resets: PasswordResetService, mailer: Any, ada: str
    ) -> None:
        password_resets.request(ada)

        (email,) = [c.args[0] for c in mailer.send.call_args_list]
        assert email.to_address == ada
        assert "30 minutes" in email.body
        assert token_from(mailer)

    def test_the_email_is_matched_without_case(
        self, password_resets: PasswordResetService, mailer: Any, ada: str
    ) -> None:
        password_resets.request(ada.upper())

        mailer.send.assert_called_once()

    def test_an_unknown_email_sends_nothing_and_raises_nothing(
        self, password_resets: PasswordResetService, mailer: Any
    ) -> None:
        password_resets.request("nobody@example.test")

        mailer.send.assert_not_called()

    def test_only_a_hash_of_the_token_is_stored(
        self,
        password_resets: PasswordResetService,
        mailer: Any,
        database: InMemoryDatabase,
        ada: str,
    ) -> None:
        password_resets.request(ada)

        token = token_from(mailer)
        assert token not in database.tables.reset_tokens
        assert all(token not in h for h in database.tables.reset_tokens)


class TestConfirm:
    def test_sets_the_new_password(
        self,
        password_resets: PasswordResetService,
        accounts: AccountService,
        mailer: Any,
        ada: str,
    ) -> None:
        password_resets.request(ada)

        password_resets.confirm(token_from(mailer), NEW_PASSWORD)

        assert accounts.log_in(ada, NEW_PASSWORD)

    def test_a_token_works_only_once(
        self, password_resets: PasswordResetService, mailer: Any, ada: str
    ) -> None:
        password_resets.request(ada)
        token = token_from(mailer)
        password_resets.confirm(token, NEW_PASSWORD)

        with pytest.raises(InvalidResetToken):
            password_resets.confirm(token, "yet another passphrase")

    def test_a_token_is_valid_until_just_before_30_minutes(
        self,
        password_resets: PasswordResetService,
        accounts: AccountService,
        mailer: Any,
        clock: FixedClock,
        ada: str,
    ) -> None:
        password_resets.request(ada)
        clock.current += RESET_TOKEN_LIFETIME - timedelta(seconds=1)

        password_resets.confirm(token_from(mailer), NEW_PASSWORD)

        assert accounts.log_in(ada, NEW_PASSWORD)

    def test_a_token_has_expired_at_30_minutes(
        self, password_resets: PasswordResetService, mailer: Any, clock: FixedClock, ada: str
    ) -> None:
        password_resets.request(ada)
        clock.current += RESET_TOKEN_LIFETIME

        with pytest.raises(InvalidResetToken):
            password_resets.confirm(token_from(mailer), NEW_PASSWORD)

    def test_an_unknown_token_is_refused(self, password_resets: PasswordResetService) -> None:
        with pytest.raises(InvalidResetToken):
            password_resets.confirm("made-up-token", NEW_PASSWORD)

    def test_a_weak_new_password_leaves_the_token_usable(
        self, password_resets: PasswordResetService, mailer: Any, ada: str
    ) -> None:
        password_resets.request(ada)
        token = token_from(mailer)

        with pytest.raises(PasswordRejected) as rejected:
            password_resets.confirm(token, "short")

        assert rejected.value.field == "new_password"
        password_resets.confirm(token, NEW_PASSWORD)

    def test_the_old_password_no_longer_works(
        self,
        password_resets: PasswordResetService,
        accounts: AccountService,
        mailer: Any,
        ada: str,
    ) -> None:
        password_resets.request(ada)
        password_resets.confirm(token_from(mailer), NEW_PASSWORD)

        with pytest.raises(InvalidCredentials):
            accounts.log_in(ada, OLD_PASSWORD)
