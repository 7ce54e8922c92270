"""What a person does with the app in a browser, from the first page to the last."""

import re
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from flask import Flask
from selenium.webdriver.remote.webdriver import WebDriver

from tests.e2e.conftest import SECRET
from tests.support.auth import PASSWORD, AuthActions
from tests.support.pages import (
    AdminPage,
    ForgotPasswordPage,
    ResetPasswordPage,
    SignInPage,
    SignUpPage,
    TasksPage,
)
from tests.support.smtp import SmtpCatcher


def sign_in(browser: WebDriver, base_url: str, email: str, password: str = PASSWORD) -> TasksPage:
    SignInPage(browser, base_url).open().sign_in(email, password)
    return TasksPage(browser, base_url).wait_until_shown()


class TestGettingStarted:
    def test_sign_up_add_a_task_complete_it_and_sign_out(
        self, browser: WebDriver, base_url: str
    ) -> None:
        SignUpPage(browser, base_url).open().sign_up("Ada", "ada@example.test", PASSWORD)

        tasks = TasksPage(browser, base_url).wait_until_shown()
        assert tasks.signed_in_as() == "Signed in as Ada"
        assert tasks.notice() == "Welcome! Your account is ready."
        tasks.add_task("Water the ferns")
        tasks.complete("Water the ferns")
        assert tasks.is_done("Water the ferns")
        tasks.sign_out()

        signed_out = SignInPage(browser, base_url).wait_until_shown()
        assert signed_out.notice() == "You have signed out."
        assert not signed_out.shows_account_menu()

    def test_the_task_list_without_signing_in_leads_to_sign_in(
        self, browser: WebDriver, base_url: str
    ) -> None:
        browser.get(f"{base_url}/tasks")

        assert SignInPage(browser, base_url).wait_until_shown().current_page() == "sign-in"

    def test_a_deleted_task_is_gone(
        self, browser: WebDriver, base_url: str, api: AuthActions
    ) -> None:
        api.headers("ada@example.test")
        tasks = sign_in(browser, base_url, "ada@example.test")
        tasks.add_task("Water the ferns")
        tasks.add_task("Feed the cat")

        tasks.delete("Water the ferns")

        assert tasks.task_titles() == ["Feed the cat"]


class TestMistakes:
    def test_a_wrong_password_is_refused_with_a_clear_message(
        self, browser: WebDriver, base_url: str, api: AuthActions
    ) -> None:
        api.headers("ada@example.test")
        page = SignInPage(browser, base_url).open()

        page.sign_in("ada@example.test", "not the right password")

        assert page.form_error() == "Email or password is incorrect."
        assert page.current_page() == "sign-in"

    def test_an_email_already_taken_is_said_beside_the_email_field(
        self, browser: WebDriver, base_url: str, api: AuthActions
    ) -> None:
        api.headers("ada@example.test")
        page = SignUpPage(browser, base_url).open()

        page.sign_up("Another Ada", "ADA@example.test", PASSWORD)

        assert page.field_error("email") == "An account with this email already exists."

    def test_every_validation_error_is_shown_beside_its_field(
        self, browser: WebDriver, base_url: str
    ) -> None:
        page = SignUpPage(browser, base_url).open()

        page.sign_up("", "not-an-email", "short")

        assert page.field_error("name") == "Name must not be empty."
        assert page.field_error("email") == "Email must be a valid email address."
        assert page.field_error("password") == "Password must be at least 12 characters long."


def test_an_overdue_task_is_marked(
    browser: WebDriver, base_url: str, api: AuthActions, live_app: Flask
) -> None:
    headers = api.headers("ada@example.test")
    client = live_app.test_client()
    now = datetime.now(UTC)
    client.post(
        "/api/tasks",
        json={"title": "Pay the rent", "due_at": (now - timedelta(days=1)).isoformat()},
        headers=headers,
    )
    client.post(
        "/api/tasks",
        json={"title": "Water the ferns", "due_at": (now + timedelta(days=1)).isoformat()},
        headers=headers,
    )

    tasks = sign_in(browser, base_url, "ada@example.test")

    assert tasks.is_marked_overdue("Pay the rent")
    assert not tasks.is_marked_overdue("Water the ferns")


def test_a_forgotten_password_is_reset_through_the_emailed_link(
    browser: WebDriver, base_url: str, api: AuthActions, mailbox: SmtpCatcher
) -> None:
    api.headers("ada@example.test")
    forgot = ForgotPasswordPage(browser, base_url).open()

    forgot.ask_for_a_reset_link("ada@example.test")
    assert forgot.notice() == "If an account has this email, a reset link is on its way."
    (email,) = [m for m in mailbox.messages_to("ada@example.test") if "Reset" in m["Subject"]]
    link = re.search(rf"{re.escape(base_url)}/reset-password#token=[\w-]+", email.get_content())
    assert link, email.get_content()
    ResetPasswordPage(browser, base_url).follow(link.group()).set_new_password(
        "a brand new passphrase"
    )

    signed_out = SignInPage(browser, base_url).wait_until_shown()
    assert signed_out.notice() == "Your password has been changed. Sign in with your new password."
    assert (
        sign_in(browser, base_url, "ada@example.test", "a brand new passphrase").signed_in_as()
        == "Signed in as Ada"
    )


def token(user_id: int, issued: datetime, key: str) -> str:
    claims = {
        "sub": str(user_id),
        "iat": issued,
        "exp": issued + timedelta(hours=1),
        "iss": "task-pyramid",
        "aud": "task-pyramid-api",
        "jti": "made-by-the-test",
    }
    return jwt.encode(claims, key, algorithm="HS256")


def expired_token(user_id: int) -> str:
    return token(user_id, datetime.now(UTC) - timedelta(hours=3), SECRET)


def forged_token(user_id: int) -> str:
    return token(user_id, datetime.now(UTC), "a-key-that-is-not-the-servers-but-long-enough")


@pytest.mark.parametrize("make_token", [expired_token, forged_token], ids=["expired", "forged"])
def test_a_rejected_token_sends_the_user_back_to_sign_in(
    browser: WebDriver, base_url: str, api: AuthActions, make_token: object
) -> None:
    user_id = api.register(email="ada@example.test").get_json()["user"]["id"]
    tasks = sign_in(browser, base_url, "ada@example.test")
    bad = make_token(user_id)  # type: ignore[operator]

    browser.execute_script("window.sessionStorage.setItem('task-pyramid.token', arguments[0])", bad)
    browser.get(f"{base_url}/tasks")

    page = SignInPage(browser, base_url).wait_until_shown()
    assert page.notice() == "Your session has ended. Please sign in again."
    assert tasks.current_page() == "sign-in"


def test_one_user_never_sees_another_users_tasks(
    browser: WebDriver, base_url: str, api: AuthActions, live_app: Flask
) -> None:
    ada = api.headers("ada@example.test", name="Ada")
    live_app.test_client().post("/api/tasks", json={"title": "Ada's secret plan"}, headers=ada)
    api.headers("grace@example.test", name="Grace")

    tasks = sign_in(browser, base_url, "grace@example.test")

    assert tasks.signed_in_as() == "Signed in as Grace"
    assert tasks.task_titles() == []


class TestAdministration:
    def test_an_admin_sees_every_user(
        self, browser: WebDriver, base_url: str, api: AuthActions, live_app: Flask
    ) -> None:
        api.headers("root@example.test", name="Root")
        api.headers("ada@example.test", name="Ada")
        live_app.test_cli_runner().invoke(args=["make-admin", "root@example.test"])
        tasks = sign_in(browser, base_url, "root@example.test")
        assert tasks.has_admin_link()

        admin = AdminPage(browser, base_url).open()

        assert admin.user_emails() == ["root@example.test", "ada@example.test"]

    def test_anyone_else_is_refused_the_admin_page(
        self, browser: WebDriver, base_url: str, api: AuthActions
    ) -> None:
        api.headers("ada@example.test")
        tasks = sign_in(browser, base_url, "ada@example.test")
        assert not tasks.has_admin_link()

        admin = AdminPage(browser, base_url).open()

        assert admin.refusal() == "Only administrators can see this page."
