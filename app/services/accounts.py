"""Use cases of accounts: register, log in, authenticate, administer."""

from collections.abc import Sequence

from app.domain.errors import (
    EmailAlreadyRegistered,
    Forbidden,
    InvalidCredentials,
    InvalidToken,
    NotFound,
)
from app.domain.users import NewUser, User
from app.ports import Clock, Database, Mailer
from app.services import emails
from app.services.passwords import PasswordHasher, PasswordPolicy
from app.services.tokens import TokenService


class AccountService:
    def __init__(
        self,
        database: Database,
        hasher: PasswordHasher,
        policy: PasswordPolicy,
        tokens: TokenService,
        mailer: Mailer,
        clock: Clock,
    ) -> None:
        self._database = database
        self._hasher = hasher
        self._policy = policy
        self._tokens = tokens
        self._mailer = mailer
        self._clock = clock

    def register(self, email: str, password: str, name: str) -> tuple[User, str]:
        """Create an account and return it with a token; raises if the email is taken."""
        email = email.strip()
        with self._database.unit_of_work() as uow:
            if uow.users.find_by_email(email):
                raise EmailAlreadyRegistered
        self._policy.check(password)
        new_user = NewUser(
            email=email,
            name=name.strip(),
            password_hash=self._hasher.hash(password),
            created_at=self._clock.now(),
        )
        with self._database.unit_of_work() as uow:
            user = uow.users.add(new_user)
        emails.deliver(self._mailer, emails.welcome(user))
        return user, self._tokens.issue(user.id)

    def log_in(self, email: str, password: str) -> str:
        with self._database.unit_of_work() as uow:
            user = uow.users.find_by_email(email)
        if user is None:
            self._hasher.verify_against_dummy(password)
            raise InvalidCredentials
        if not self._hasher.verify(user.password_hash, password):
            raise InvalidCredentials
        return self._tokens.issue(user.id)

    def authenticate(self, token: str) -> User:
        """The user a bearer token belongs to."""
        user_id = self._tokens.subject(token)
        with self._database.unit_of_work() as uow:
            user = uow.users.get(user_id)
        if user is None:
            raise InvalidToken("The token's user no longer exists.")
        return user

    def list_users(self, requester: User) -> Sequence[User]:
        if not requester.is_admin:
            raise Forbidden("Only administrators may list users.")
        with self._database.unit_of_work() as uow:
            return uow.users.list_all()

    def make_admin(self, email: str) -> User:
        with self._database.unit_of_work() as uow:
            user = uow.users.find_by_email(email)
            admin = uow.users.set_admin(user.id, True) if user else None
        if admin is None:
            raise NotFound(f"No user has the email {email!r}.")
        return admin
