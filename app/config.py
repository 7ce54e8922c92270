"""Settings read from the environment once, at start-up, and validated there."""

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote, urlsplit

ENVIRONMENTS = ("development", "test", "production")
MIN_SECRET_BYTES = 32
DEFAULT_PWNED_PASSWORDS_URL = "https://api.pwnedpasswords.com/range/"


class ConfigError(Exception):
    """The environment describes a configuration the app refuses to run with."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool


@dataclass(frozen=True)
class Settings:
    environment: str
    secret_key: str
    database_url: str | None
    smtp: SmtpSettings | None
    mail_from: str
    pwned_passwords_url: str | None
    token_lifetime: timedelta
    token_issuer: str
    token_audience: str
    public_url: str
    max_body_bytes: int
    rate_limit_storage_url: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> "Settings":
        environment = environ.get("APP_ENV", "development")
        if environment not in ENVIRONMENTS:
            raise ConfigError(
                f"APP_ENV must be one of {', '.join(ENVIRONMENTS)}, not {environment!r}."
            )
        production = environment == "production"
        smtp_url = environ.get("SMTP_URL", "console")
        pwned_url = environ.get("PWNED_PASSWORDS_URL", DEFAULT_PWNED_PASSWORDS_URL)

        settings = cls(
            environment=environment,
            secret_key=_secret_key(environ.get("SECRET_KEY", ""), production),
            database_url=environ.get("DATABASE_URL") or None,
            smtp=None if smtp_url == "console" else _smtp_settings(smtp_url),
            mail_from=environ.get("MAIL_FROM", "Task Pyramid <no-reply@task-pyramid.test>"),
            pwned_passwords_url=None if pwned_url == "offline" else pwned_url,
            token_lifetime=timedelta(minutes=_positive_int(environ, "TOKEN_LIFETIME_MINUTES", 60)),
            token_issuer=environ.get("TOKEN_ISSUER", "task-pyramid"),
            token_audience=environ.get("TOKEN_AUDIENCE", "task-pyramid-api"),
            public_url=environ.get("PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/"),
            max_body_bytes=_positive_int(environ, "MAX_BODY_BYTES", 64 * 1024),
            rate_limit_storage_url=environ.get("RATE_LIMIT_STORAGE_URL", "memory://"),
        )
        if production:
            _refuse_development_conveniences(settings)
        return settings


def _secret_key(value: str, production: bool) -> str:
    if production and not value:
        raise ConfigError(
            "SECRET_KEY must be set in production. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    if production and len(value.encode()) < MIN_SECRET_BYTES:
        raise ConfigError(f"SECRET_KEY must be at least {MIN_SECRET_BYTES} bytes in production.")
    # Outside production a missing key gets a random one: tokens then last one process.
    return value or secrets.token_urlsafe(48)


def _refuse_development_conveniences(settings: Settings) -> None:
    if settings.database_url is None:
        raise ConfigError("DATABASE_URL must be set in production.")
    if settings.smtp is None:
        raise ConfigError("SMTP_URL must name a server in production, not the console mailer.")
    if not settings.smtp.starttls:
        raise ConfigError("SMTP_URL must not send mail without TLS in production.")
    if settings.pwned_passwords_url is None:
        raise ConfigError(
            "PWNED_PASSWORDS_URL must not select the offline breached-password check in production."
        )


def _smtp_settings(url: str) -> SmtpSettings:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtp+insecure") or not parts.hostname:
        raise ConfigError(
            f"SMTP_URL must be 'console', smtp://[user:password@]host[:port] "
            f"or smtp+insecure://host[:port], not {url!r}."
        )
    try:
        port = parts.port or 25
    except ValueError as error:
        raise ConfigError(f"SMTP_URL has an invalid port: {url!r}.") from error
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        starttls=parts.scheme == "smtp",
    )


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) == 0:
        raise ConfigError(f"{name} must be a positive whole number, not {raw!r}.")
    return int(raw)
