"""create_app() builds each collaborator the settings describe when none is injected."""

from typing import Any

import pytest
import responses
from pytest_mock import MockerFixture

from app import create_app
from app.config import ConfigError, Settings
from app.services.passwords import PasswordHasher
from tests.support.auth import AuthActions
from tests.support.fakes import InMemoryDatabase
from tests.unit.conftest import SECRET


def settings(**env: str) -> Settings:
    return Settings.from_env({"APP_ENV": "test", "SECRET_KEY": SECRET, **env})


def register_someone(app_settings: Settings, hasher: PasswordHasher, **collaborators: Any) -> Any:
    app = create_app(
        app_settings, database=InMemoryDatabase(), password_hasher=hasher, **collaborators
    )
    return AuthActions(app.test_client()).register()


def test_without_a_database_url_it_refuses_to_start_and_says_how_to_fix_it() -> None:
    with pytest.raises(ConfigError, match=r"DATABASE_URL is not set.*python -m app\.dev"):
        create_app(settings())


def test_smtp_url_selects_the_smtp_mailer(mocker: MockerFixture, hasher: PasswordHasher) -> None:
    smtp = mocker.patch("app.adapters.mailers.smtplib.SMTP", autospec=True)
    app_settings = settings(
        SMTP_URL="smtp+insecure://mail.example.test:2525", PWNED_PASSWORDS_URL="offline"
    )

    register_someone(app_settings, hasher)

    smtp.assert_called_once_with("mail.example.test", 2525, timeout=10)


def test_without_smtp_url_mail_is_printed_to_the_console(
    capsys: pytest.CaptureFixture[str], hasher: PasswordHasher
) -> None:
    register_someone(settings(PWNED_PASSWORDS_URL="offline"), hasher)

    assert "Subject: Welcome to Task Pyramid" in capsys.readouterr().out


def test_the_breached_password_url_selects_the_real_client(
    hasher: PasswordHasher, mailer: Any
) -> None:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as api:
        api.get(
            responses.matchers.re.compile(r"https://pwned\.example\.test/range/[0-9A-F]{5}"),
            body="",
        )

        response = register_someone(
            settings(PWNED_PASSWORDS_URL="https://pwned.example.test/range/"), hasher, mailer=mailer
        )

    assert response.status_code == 201


def test_offline_selects_the_offline_checker(hasher: PasswordHasher, mailer: Any) -> None:
    response = AuthActions(
        create_app(
            settings(PWNED_PASSWORDS_URL="offline"),
            database=InMemoryDatabase(),
            password_hasher=hasher,
            mailer=mailer,
        ).test_client()
    ).register(password="password1234")

    assert response.status_code == 400


def test_pages_outside_the_api_keep_flasks_own_error_pages(hasher: PasswordHasher) -> None:
    app = create_app(settings(), database=InMemoryDatabase(), password_hasher=hasher)

    response = app.test_client().get("/no-such-page")

    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_an_unknown_rate_limit_storage_refuses_to_start_and_names_the_setting(
    hasher: PasswordHasher,
) -> None:
    with pytest.raises(ConfigError, match=r"RATE_LIMIT_STORAGE_URL.*unknown storage scheme"):
        create_app(
            settings(RATE_LIMIT_STORAGE_URL="carrier-pigeon://loft"),
            database=InMemoryDatabase(),
            password_hasher=hasher,
        )
