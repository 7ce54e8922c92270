"""`python -m app.dev`: run the app locally on 127.0.0.1:5000 with one command.

Without DATABASE_URL it starts a throwaway PostgreSQL in Docker, which is removed
when the server stops. Either way it applies the migrations and prints a demo
admin account with a fresh password.
"""

import os
import secrets
import signal
import sys
from contextlib import nullcontext
from types import FrameType

from app import create_app
from app.adapters.clock import SystemClock
from app.adapters.postgres.database import PostgresDatabase
from app.adapters.postgres.migrations import apply_migrations
from app.config import ConfigError, Settings
from app.dev.demo import DEMO_EMAIL, ensure_demo_account
from app.dev.postgres import throwaway_postgres
from app.services.passwords import PasswordHasher


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    url = os.environ.get("DATABASE_URL")
    source = nullcontext(url) if url else throwaway_postgres("dev")
    try:
        with source as database_url:
            assert database_url is not None  # noqa: S101 - either given or just started
            return serve(database_url)
    except KeyboardInterrupt:
        return 0
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def serve(database_url: str) -> int:
    applied = apply_migrations(database_url)
    print(f"database: {len(applied)} migration(s) applied")
    settings = Settings.from_env({**os.environ, "DATABASE_URL": database_url})
    database = PostgresDatabase.connect(database_url)
    hasher = PasswordHasher()
    password = secrets.token_urlsafe(12)
    ensure_demo_account(database, hasher, password, SystemClock())
    print(f"demo admin: {DEMO_EMAIL} / {password}")
    app = create_app(settings, database=database, password_hasher=hasher)
    port = int(os.environ.get("PORT", "5000"))
    try:
        app.run(host="127.0.0.1", port=port)
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
