"""Errors the services raise; the API turns each into one HTTP answer."""


class DomainError(Exception):
    """Base class of every error a service raises on purpose."""


class InvalidCredentials(DomainError):
    def __init__(self) -> None:
        super().__init__("Email or password is incorrect.")


class EmailAlreadyRegistered(DomainError):
    def __init__(self) -> None:
        super().__init__("An account with this email already exists.")


class PasswordRejected(DomainError):
    """The password breaks the policy; ``field`` names the request field it came from."""

    def __init__(self, message: str, field: str = "password") -> None:
        super().__init__(message)
        self.field = field


class InvalidToken(DomainError):
    """A bearer token or a reset token that cannot be trusted."""


class NotFound(DomainError):
    pass


class Forbidden(DomainError):
    pass


class InvalidResetToken(DomainError):
    def __init__(self) -> None:
        super().__init__("This password-reset link is invalid, used or expired.")
