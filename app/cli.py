"""Commands: `flask migrate`, `flask send-reminders`, `flask make-admin EMAIL`."""

import click
from flask import Flask

from app.adapters.postgres.migrations import apply_migrations
from app.api.context import services
from app.config import ConfigError, Settings
from app.domain.errors import NotFound


def register(app: Flask) -> None:
    @app.cli.command("migrate")
    def migrate() -> None:
        """Apply the pending schema migrations."""
        settings: Settings = app.config["SETTINGS"]
        if settings.database_url is None:
            raise click.ClickException(str(ConfigError("DATABASE_URL is not set.")))
        applied = apply_migrations(settings.database_url)
        click.echo(f"Applied {len(applied)} migration(s). {' '.join(applied)}".strip())

    @app.cli.command("send-reminders")
    def send_reminders() -> None:
        """Email each user one digest of their open tasks due in the next 24 hours."""
        report = services().reminders.send_due_soon()
        click.echo(
            f"Sent {report.emails_sent} reminder email(s) covering "
            f"{report.tasks_included} task(s); {report.emails_failed} failed."
        )
        if report.emails_failed:
            raise SystemExit(1)

    @app.cli.command("make-admin")
    @click.argument("email")
    def make_admin(email: str) -> None:
        """Give the account with EMAIL the admin role."""
        try:
            user = services().accounts.make_admin(email)
        except NotFound as error:
            raise click.ClickException(str(error)) from error
        click.echo(f"{user.email} is now an admin.")
