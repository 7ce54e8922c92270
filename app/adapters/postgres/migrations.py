"""Schema migrations: plain SQL files in ``migrations/``, applied by yoyo-migrations."""

from pathlib import Path

from yoyo import get_backend, read_migrations

MIGRATIONS_DIR = Path(__file__).resolve().parents[3] / "migrations"


def apply_migrations(database_url: str) -> list[str]:
    """Apply what is pending, under yoyo's lock; returns the ids applied."""
    backend = get_backend(_yoyo_url(database_url))
    try:
        with backend.lock():
            pending = backend.to_apply(read_migrations(str(MIGRATIONS_DIR)))
            backend.apply_migrations(pending)
    finally:
        backend.connection.close()
    return [migration.id for migration in pending]


def _yoyo_url(database_url: str) -> str:
    """yoyo picks psycopg 3 for the ``postgresql+psycopg`` scheme."""
    scheme, sep, rest = database_url.partition("://")
    if not sep or scheme not in ("postgres", "postgresql", "postgresql+psycopg"):
        raise ValueError("DATABASE_URL must start with postgresql://")
    return f"postgresql+psycopg://{rest}"
