from typing import Any

import pytest

from app.domain.errors import (
    EmailAlreadyRegistered,
    Forbidden,
    InvalidCredentials,
    InvalidToken,
    NotFound,
    PasswordRejected,
)
from app.services.accounts import AccountService
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import NOW

PASSWORD = "correct horse battery"


class TestRegistration:
    def test_stores_the_user_with_a_hashed_password(
        self, accounts: AccountService, database: InMemoryDatabase
    ) -> None:
        user, _token = accounts.register("ada@example.test", PASSWORD, "Ada")

        stored = database.tables.users[user.id]
        assert (stored.email, stored.name, stored.is_admin) == ("ada@example.test", "Ada", False)
        assert stored.created_at == NOW
        assert PASSWORD not in stored.password_hash

    def test_returns_a_token_for_the_new_user(self, accounts: AccountService) -> None:
        user, token = accounts.register("ada@example.test", PASSWORD, "Ada")

        assert accounts.authenticate(token) == user

    def test_trims_the_email_and_name(self, accounts: AccountService) -> None:
        user, _ = accounts.register("  ada@example.test ", PASSWORD, "  Ada  ")

        assert (user.email, user.name) == ("ada@example.test", "Ada")

    def test_sends_a_welcome_email(self, accounts: AccountService, mailer: Any) -> None:
        accounts.register("ada@example.test", PASSWORD, "Ada")

        (email,) = [c.args[0] for c in mailer.send.call_args_list]
        assert email.to_address == "ada@example.test"
        assert email.to_name == "Ada"
        assert "Welcome" in email.subject

    def test_a_failing_mailer_does_not_undo_the_registration(
        self, accounts: AccountService, mailer: Any, database: InMemoryDatabase
    ) -> None:
        mailer.send.side_effect = OSError("connection refused")

        user, _ = accounts.register("ada@example.test", PASSWORD, "Ada")

        assert database.tables.users[user.id].email == "ada@example.test"

    def test_refuses_an_email_already_taken_in_another_case(
        self, accounts: AccountService, database: InMemoryDatabase
    ) -> None:
        accounts.register("ada@example.test", PASSWORD, "Ada")

        with pytest.raises(EmailAlreadyRegistered):
            accounts.register("ADA@Example.TEST", PASSWORD, "Another Ada")
        assert len(database.tables.users) == 1

    def test_refuses_a_weak_password_and_stores_nothing(
        self, accounts: AccountService, database: InMemoryDatabase, mailer: Any
    ) -> None:
        with pytest.raises(PasswordRejected):
            accounts.register("ada@example.test", "password1234", "Ada")

        assert database.tables.users == {}
        mailer.send.assert_not_called()


class TestLogIn:
    def test_the_right_password_gives_a_token_for_the_user(self, accounts: AccountService) -> None:
        user, _ = accounts.register("ada@example.test", PASSWORD, "Ada")

        token = accounts.log_in("ADA@example.test", PASSWORD)

        assert accounts.authenticate(token) == user

    def test_a_wrong_password_is_refused(self, accounts: AccountService) -> None:
        accounts.register("ada@example.test", PASSWORD, "Ada")

        with pytest.raises(InvalidCredentials):
            accounts.log_in("ada@example.test", "incorrect horse battery")

    def test_an_unknown_email_gets_the_same_error_and_still_verifies_a_hash(
        self, accounts: AccountService, mocker: Any
    ) -> None:
        """Verifying a dummy hash keeps both refusals equally slow."""
        spy = mocker.spy(accounts._hasher, "verify_against_dummy")

        with pytest.raises(InvalidCredentials) as unknown:
            accounts.log_in("nobody@example.test", PASSWORD)

        spy.assert_called_once_with(PASSWORD)
        assert str(unknown.value) == str(InvalidCredentials())


class TestAuthenticate:
    def test_a_token_for_a_deleted_user_is_refused(
        self, accounts: AccountService, database: InMemoryDatabase
    ) -> None:
        user, token = accounts.register("ada@example.test", PASSWORD, "Ada")
        del database.tables.users[user.id]

        with pytest.raises(InvalidToken):
            accounts.authenticate(token)

    def test_a_forged_token_is_refused(self, accounts: AccountService) -> None:
        with pytest.raises(InvalidToken):
            accounts.authenticate("forged.token.value")


class TestAdministration:
    def test_an_admin_lists_every_user_oldest_first(self, accounts: AccountService) -> None:
        ada, _ = accounts.register("ada@example.test", PASSWORD, "Ada")
        grace, _ = accounts.register("grace@example.test", PASSWORD, "Grace")
        admin = accounts.make_admin("ada@example.test")

        assert accounts.list_users(admin) == [admin, grace]
        assert admin.id == ada.id

    def test_a_non_admin_is_forbidden(self, accounts: AccountService) -> None:
        grace, _ = accounts.register("grace@example.test", PASSWORD, "Grace")

        with pytest.raises(Forbidden):
            accounts.list_users(grace)

    def test_making_an_unknown_email_admin_is_not_found(self, accounts: AccountService) -> None:
        with pytest.raises(NotFound):
            accounts.make_admin("nobody@example.test")
