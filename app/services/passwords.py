"""What makes a password acceptable, and how it is stored."""

import logging

import argon2
from argon2 import exceptions as argon2_errors

from app.domain.errors import PasswordRejected
from app.ports import BreachCheckUnavailable, PasswordBreachChecker

MIN_PASSWORD_LENGTH = 12

log = logging.getLogger(__name__)


class PasswordPolicy:
    """At least 12 characters and not known from a breach.

    The breach check fails open: when the service cannot answer, the password is
    accepted and a warning logged, so an outage elsewhere never blocks sign-ups.
    """

    def __init__(self, breach_checker: PasswordBreachChecker) -> None:
        self._breach_checker = breach_checker

    def check(self, password: str, field: str = "password") -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise PasswordRejected(
                f"Password must be at least {MIN_PASSWORD_LENGTH} characters long.", field
            )
        try:
            breached = self._breach_checker.is_breached(password)
        except BreachCheckUnavailable as error:
            log.warning("breached-password check unavailable, accepting password: %s", error)
            return
        if breached:
            raise PasswordRejected(
                "This password has appeared in a data breach; please choose another.", field
            )


class PasswordHasher:
    """argon2id hashing with the library's recommended parameters unless told otherwise."""

    def __init__(self, parameters: argon2.Parameters = argon2.profiles.RFC_9106_LOW_MEMORY) -> None:
        self._hasher = argon2.PasswordHasher.from_parameters(parameters)
        # Verified against when the email is unknown, so both answers cost the same.
        self._dummy_hash = self._hasher.hash("dummy password for unknown users")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (argon2_errors.VerificationError, argon2_errors.InvalidHashError):
            return False

    def verify_against_dummy(self, password: str) -> bool:
        return self.verify(self._dummy_hash, password)
