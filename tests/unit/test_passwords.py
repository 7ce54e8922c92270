import logging

import pytest
from argon2 import profiles

from app.domain.errors import PasswordRejected
from app.ports import BreachCheckUnavailable
from app.services.passwords import PasswordHasher, PasswordPolicy


class StubBreachChecker:
    def __init__(self, breached: bool = False, unavailable: bool = False) -> None:
        self.breached = breached
        self.unavailable = unavailable
        self.checked: list[str] = []

    def is_breached(self, password: str) -> bool:
        self.checked.append(password)
        if self.unavailable:
            raise BreachCheckUnavailable("timed out")
        return self.breached


class TestPasswordPolicy:
    def test_accepts_a_long_unbreached_password(self) -> None:
        checker = StubBreachChecker()

        PasswordPolicy(checker).check("correct horse battery")

        assert checker.checked == ["correct horse battery"]

    def test_rejects_a_password_of_eleven_characters_without_asking_the_service(self) -> None:
        checker = StubBreachChecker()

        with pytest.raises(PasswordRejected, match="at least 12 characters"):
            PasswordPolicy(checker).check("a" * 11)
        assert checker.checked == []

    def test_accepts_exactly_twelve_characters(self) -> None:
        checker = StubBreachChecker()

        PasswordPolicy(checker).check("a" * 12)

        assert checker.checked == ["a" * 12]

    def test_rejects_a_breached_password(self) -> None:
        with pytest.raises(PasswordRejected, match="appeared in a data breach"):
            PasswordPolicy(StubBreachChecker(breached=True)).check("password1234")

    def test_names_the_field_the_password_came_from(self) -> None:
        with pytest.raises(PasswordRejected) as raised:
            PasswordPolicy(StubBreachChecker()).check("short", field="new_password")

        assert raised.value.field == "new_password"

    def test_fails_open_with_a_warning_when_the_service_is_unavailable(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        policy = PasswordPolicy(StubBreachChecker(unavailable=True))

        with caplog.at_level(logging.WARNING, logger="app.services.passwords"):
            policy.check("correct horse battery")

        assert "breached-password check unavailable" in caplog.text


class TestPasswordHasher:
    @pytest.fixture
    def hasher(self) -> PasswordHasher:
        return PasswordHasher(profiles.CHEAPEST)

    def test_hashes_with_argon2id(self, hasher: PasswordHasher) -> None:
        assert hasher.hash("correct horse battery").startswith("$argon2id$")

    def test_verifies_the_right_password(self, hasher: PasswordHasher) -> None:
        stored = hasher.hash("correct horse battery")

        assert hasher.verify(stored, "correct horse battery")

    def test_rejects_the_wrong_password(self, hasher: PasswordHasher) -> None:
        stored = hasher.hash("correct horse battery")

        assert not hasher.verify(stored, "incorrect horse battery")

    def test_rejects_a_malformed_hash_instead_of_raising(self, hasher: PasswordHasher) -> None:
        assert not hasher.verify("not-a-hash", "correct horse battery")

    def test_salts_each_hash(self, hasher: PasswordHasher) -> None:
        assert hasher.hash("correct horse battery") != hasher.hash("correct horse battery")

    def test_dummy_verify_takes_the_same_path_for_unknown_users(
        self, hasher: PasswordHasher
    ) -> None:
        assert not hasher.verify_against_dummy("correct horse battery")
