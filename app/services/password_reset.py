"""Password reset: an emailed, single-use token valid for 30 minutes."""

import hashlib
import secrets
from datetime import timedelta

from app.domain.errors import InvalidResetToken
from app.domain.reset_tokens import ResetToken
from app.ports import Clock, Database, Mailer
from app.services import emails
from app.services.passwords import PasswordHasher, PasswordPolicy

RESET_TOKEN_LIFETIME = timedelta(minutes=30)


def hash_token(token: str) -> str:
    """Only the hash is stored, so a leaked table cannot reset anyone's password."""
    return hashlib.sha256(token.encode()).hexdigest()


class PasswordResetService:
    def __init__(
        self,
        database: Database,
        hasher: PasswordHasher,
        policy: PasswordPolicy,
        mailer: Mailer,
        clock: Clock,
        public_url: str,
    ) -> None:
        self._database = database
        self._hasher = hasher
        self._policy = policy
        self._mailer = mailer
        self._clock = clock
        self._public_url = public_url

    def request(self, email: str) -> None:
        """Email a reset link to a known user; an unknown email quietly gets nothing."""
        token = secrets.token_urlsafe(32)
        with self._database.unit_of_work() as uow:
            user = uow.users.find_by_email(email)
            if user is None:
                return
            expires_at = self._clock.now() + RESET_TOKEN_LIFETIME
            uow.reset_tokens.add(ResetToken(hash_token(token), user.id, expires_at))
        # The token travels in the fragment, which browsers never send to a server.
        link = f"{self._public_url}/reset-password#token={token}"
        minutes = int(RESET_TOKEN_LIFETIME.total_seconds() // 60)
        emails.deliver(self._mailer, emails.password_reset(user, link, minutes))

    def confirm(self, token: str, new_password: str) -> None:
        self._policy.check(new_password, field="new_password")
        password_hash = self._hasher.hash(new_password)
        with self._database.unit_of_work() as uow:
            user_id = uow.reset_tokens.consume(hash_token(token), self._clock.now())
            if user_id is None or uow.users.set_password_hash(user_id, password_hash) is None:
                raise InvalidResetToken
