from app.dev.demo import DEMO_EMAIL, ensure_demo_account
from app.services.passwords import PasswordHasher
from tests.support.fakes import FixedClock, InMemoryDatabase


def test_creates_an_admin_with_the_given_password(
    database: InMemoryDatabase, hasher: PasswordHasher, clock: FixedClock
) -> None:
    ensure_demo_account(database, hasher, "first-password", clock)

    (demo,) = database.tables.users.values()
    assert (demo.email, demo.is_admin) == (DEMO_EMAIL, True)
    assert hasher.verify(demo.password_hash, "first-password")


def test_a_second_start_gives_the_existing_account_the_new_password(
    database: InMemoryDatabase, hasher: PasswordHasher, clock: FixedClock
) -> None:
    ensure_demo_account(database, hasher, "first-password", clock)

    ensure_demo_account(database, hasher, "second-password", clock)

    (demo,) = database.tables.users.values()
    assert hasher.verify(demo.password_hash, "second-password")
    assert not hasher.verify(demo.password_hash, "first-password")
