"""E2E layer: a real browser against the app served from a thread of this process.

The server runs on the session's PostgreSQL with a pool (its requests commit for
real), a real SMTP catcher and a local breached-password service; every test
starts from empty tables, an empty mailbox and a browser with empty storage.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from flask import Flask
from pytest_httpserver import HTTPServer
from selenium.webdriver.remote.webdriver import WebDriver

from app import create_app
from app.adapters.mailers import SmtpMailer
from app.adapters.postgres.database import PostgresDatabase
from app.adapters.pwned_passwords import PwnedPasswordsChecker
from app.config import Settings
from tests.support.auth import AuthActions
from tests.support.browser import BrowserUnavailable, headless_chrome
from tests.support.database import database_url
from tests.support.live_server import live_server
from tests.support.smtp import SmtpCatcher, smtp_server

__all__ = ["database_url", "smtp_server"]

SECRET = "an-e2e-test-secret-that-is-at-least-32-bytes-long"
EVIDENCE_DIR = Path(__file__).resolve().parents[2] / "reports" / "e2e"
FAILED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def breach_api() -> Iterator[HTTPServer]:
    """A local stand-in for the Pwned Passwords range API that knows no breach."""
    server = HTTPServer(host="127.0.0.1")
    server.expect_request(re.compile(r"/range/[0-9A-F]{5}")).respond_with_data("")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def served(
    database_url: str, smtp_server: SmtpCatcher, breach_api: HTTPServer
) -> Iterator[tuple[str, Flask]]:
    database = PostgresDatabase.connect(database_url, max_size=4)

    def build(base_url: str) -> Flask:
        settings = Settings.from_env(
            {"APP_ENV": "test", "SECRET_KEY": SECRET, "PUBLIC_URL": base_url}
        )
        return create_app(
            settings,
            database=database,
            mailer=SmtpMailer(smtp_server.settings, settings.mail_from),
            breach_checker=PwnedPasswordsChecker(breach_api.url_for("/range/")),
        )

    try:
        with live_server(build) as base_and_app:
            yield base_and_app
    finally:
        database.close()


@pytest.fixture(scope="session")
def base_url(served: tuple[str, Flask]) -> str:
    return served[0]


@pytest.fixture(scope="session")
def live_app(served: tuple[str, Flask]) -> Flask:
    """The very app the browser talks to, for arranging data without the browser."""
    return served[1]


@pytest.fixture(scope="session")
def session_browser() -> Iterator[WebDriver]:
    try:
        with headless_chrome() as driver:
            yield driver
    except BrowserUnavailable as error:
        pytest.fail(
            f"{error}\nThe e2e layer never skips itself; deselect it with -m 'not e2e'.",
            pytrace=False,
        )


@pytest.fixture
def browser(
    session_browser: WebDriver,
    base_url: str,
    database_url: str,
    smtp_server: SmtpCatcher,
    request: pytest.FixtureRequest,
) -> Iterator[WebDriver]:
    """The session's browser, with empty storage, empty tables and an empty mailbox."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("TRUNCATE users, tasks, password_reset_tokens RESTART IDENTITY")
    smtp_server.inbox.clear()
    session_browser.get(f"{base_url}/sign-in")
    session_browser.execute_script("window.sessionStorage.clear(); window.localStorage.clear();")
    session_browser.delete_all_cookies()
    session_browser.get_log("browser")  # drop what earlier tests logged
    yield session_browser
    if request.node.stash.get(FAILED, False):
        _keep_evidence(session_browser, request.node.nodeid)


@pytest.fixture
def mailbox(smtp_server: SmtpCatcher) -> SmtpCatcher:
    return smtp_server


@pytest.fixture
def api(live_app: Flask) -> AuthActions:
    """Arrange data through the same app, without a browser."""
    return AuthActions(live_app.test_client())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


def _keep_evidence(browser: WebDriver, nodeid: str) -> None:
    """A screenshot, the page's HTML and the console log, named after the test."""
    EVIDENCE_DIR.mkdir(parents=True, exist_ok=True)
    stem = EVIDENCE_DIR / re.sub(r"[^\w.-]+", "_", nodeid)
    browser.save_screenshot(f"{stem}.png")
    Path(f"{stem}.html").write_text(browser.page_source, encoding="utf-8")
    console = "\n".join(f"{e['level']} {e['message']}" for e in browser.get_log("browser"))
    Path(f"{stem}.console.log").write_text(console + "\n", encoding="utf-8")
