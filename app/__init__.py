"""The app factory: wires settings, adapters, services and blueprints, nothing else."""

import os

from flask import Flask

from app import api, cli, web
from app.adapters.clock import SystemClock
from app.adapters.mailers import ConsoleMailer, SmtpMailer
from app.adapters.postgres.database import PostgresDatabase
from app.adapters.pwned_passwords import OfflineBreachChecker, PwnedPasswordsChecker
from app.config import ConfigError, Settings
from app.ports import Clock, Database, Mailer, PasswordBreachChecker
from app.services import Services
from app.services.accounts import AccountService
from app.services.password_reset import PasswordResetService
from app.services.passwords import PasswordHasher, PasswordPolicy
from app.services.reminders import ReminderService
from app.services.tasks import TaskService
from app.services.tokens import TokenService


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    clock: Clock | None = None,
    mailer: Mailer | None = None,
    breach_checker: PasswordBreachChecker | None = None,
    password_hasher: PasswordHasher | None = None,
) -> Flask:
    """Build the app; every collaborator left out is made from ``settings``."""
    settings = settings or Settings.from_env(os.environ)
    clock = clock or SystemClock()
    database = database or _database(settings)
    mailer = mailer or _mailer(settings)
    hasher = password_hasher or PasswordHasher()
    policy = PasswordPolicy(breach_checker or _breach_checker(settings))
    tokens = TokenService(
        settings.secret_key,
        settings.token_issuer,
        settings.token_audience,
        settings.token_lifetime,
        clock,
    )

    app = Flask(__name__, static_folder=None)  # the web blueprint serves /static
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["SETTINGS"] = settings
    app.extensions["database"] = database
    app.extensions["services"] = Services(
        accounts=AccountService(database, hasher, policy, tokens, mailer, clock),
        password_resets=PasswordResetService(
            database, hasher, policy, mailer, clock, settings.public_url
        ),
        tasks=TaskService(database, clock),
        reminders=ReminderService(database, mailer, clock),
        clock=clock,
    )
    api.register(app, settings)
    web.register(app)
    cli.register(app)
    return app


def _database(settings: Settings) -> Database:
    if settings.database_url is None:
        raise ConfigError(
            "DATABASE_URL is not set. Point it at a PostgreSQL database, or run "
            "`python -m app.dev`, which starts a throwaway one."
        )
    return PostgresDatabase.connect(settings.database_url)


def _mailer(settings: Settings) -> Mailer:
    if settings.smtp is None:
        return ConsoleMailer(settings.mail_from)
    return SmtpMailer(settings.smtp, settings.mail_from)


def _breach_checker(settings: Settings) -> PasswordBreachChecker:
    if settings.pwned_passwords_url is None:
        return OfflineBreachChecker()
    return PwnedPasswordsChecker(settings.pwned_passwords_url)
