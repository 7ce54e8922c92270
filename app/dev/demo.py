from app.domain.users import NewUser
from app.ports import Clock, Database
from app.services.passwords import PasswordHasher

DEMO_EMAIL = "demo@example.test"


def ensure_demo_account(
    database: Database, hasher: PasswordHasher, password: str, clock: Clock
) -> None:
    """An admin account to try the app with; an existing one gets the new password."""
    password_hash = hasher.hash(password)
    with database.unit_of_work() as uow:
        existing = uow.users.find_by_email(DEMO_EMAIL)
        if existing is None:
            uow.users.add(NewUser(DEMO_EMAIL, "Demo Admin", password_hash, clock.now(), True))
        else:
            uow.users.set_password_hash(existing.id, password_hash)
            uow.users.set_admin(existing.id, True)
