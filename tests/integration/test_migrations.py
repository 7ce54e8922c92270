import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import psycopg
import pytest

from app import create_app
from app.adapters.postgres.migrations import MIGRATIONS_DIR, apply_migrations
from app.config import Settings
from tests.support.fakes import InMemoryDatabase


@pytest.fixture
def empty_database_url(database_url: str) -> Iterator[str]:
    """A brand-new database on the same server, dropped afterwards."""
    name = f"migrations_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        yield urlsplit(database_url)._replace(path=f"/{name}").geturl()
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    return {name for (name,) in rows}


def test_apply_on_an_empty_database_creates_every_table(empty_database_url: str) -> None:
    applied = apply_migrations(empty_database_url)

    assert applied == sorted(path.stem for path in MIGRATIONS_DIR.glob("*.sql"))
    assert {"users", "tasks", "password_reset_tokens"} <= tables(empty_database_url)


def test_a_second_run_changes_nothing(empty_database_url: str) -> None:
    apply_migrations(empty_database_url)
    before = tables(empty_database_url)

    applied_again = apply_migrations(empty_database_url)

    assert applied_again == []
    assert tables(empty_database_url) == before


def test_the_migrate_command_reports_what_it_applied(empty_database_url: str) -> None:
    settings = Settings.from_env({"APP_ENV": "test", "DATABASE_URL": empty_database_url})
    app = create_app(settings, database=InMemoryDatabase())

    first = app.test_cli_runner().invoke(args=["migrate"])
    second = app.test_cli_runner().invoke(args=["migrate"])

    assert first.exit_code == 0
    assert "Applied 3 migration(s)" in first.output
    assert "Applied 0 migration(s)" in second.output
