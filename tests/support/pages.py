"""Page objects: what a person can do and see on each page. They wait; tests assert."""

from collections.abc import Callable
from typing import Any, Self

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 5


class Page:
    path = "/"
    name = ""

    def __init__(self, browser: WebDriver, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url

    def open(self) -> Self:
        self.browser.get(self.base_url + self.path)
        return self.wait_until_shown()

    def wait_until_shown(self) -> Self:
        self._wait(lambda _: self.current_page() == self.name, f"the {self.name} page")
        return self

    def current_page(self) -> str:
        try:
            return str(
                self.browser.find_element(By.TAG_NAME, "body").get_dom_attribute("data-page")
            )
        except StaleElementReferenceException:
            return ""

    def notice(self) -> str:
        return self._visible_text("#notice")

    def shows_account_menu(self) -> bool:
        return any(
            e.is_displayed() for e in self.browser.find_elements(By.CSS_SELECTOR, "nav.account")
        )

    def field_error(self, field: str) -> str:
        return self._visible_text(f"#{field}-error")

    def form_error(self) -> str:
        return self._visible_text(".form-error")

    def _fill_and_submit(self, form: str, values: dict[str, str]) -> None:
        for field, value in values.items():
            element = self.browser.find_element(By.CSS_SELECTOR, f"#{form} #{field}")
            element.clear()
            element.send_keys(value)
        self.browser.find_element(By.CSS_SELECTOR, f"#{form} button[type=submit]").click()

    def _visible_text(self, selector: str) -> str:
        element = self._wait(
            lambda browser: next(
                (e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()),
                None,
            ),
            f"{selector} to be shown",
        )
        return str(element.text)

    def _wait(self, condition: Callable[[WebDriver], Any], what: str) -> Any:
        return WebDriverWait(
            self.browser, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException]
        ).until(condition, message=f"waited {WAIT_SECONDS} s for {what}")


class SignUpPage(Page):
    path, name = "/sign-up", "sign-up"

    def sign_up(self, name: str, email: str, password: str) -> None:
        self._fill_and_submit("sign-up-form", {"name": name, "email": email, "password": password})


class SignInPage(Page):
    path, name = "/sign-in", "sign-in"

    def sign_in(self, email: str, password: str) -> None:
        self._fill_and_submit("sign-in-form", {"email": email, "password": password})


class ForgotPasswordPage(Page):
    path, name = "/forgot-password", "forgot-password"

    def ask_for_a_reset_link(self, email: str) -> None:
        self._fill_and_submit("forgot-password-form", {"email": email})


class ResetPasswordPage(Page):
    path, name = "/reset-password", "reset-password"

    def follow(self, link: str) -> Self:
        self.browser.get(link)
        return self.wait_until_shown()

    def set_new_password(self, password: str) -> None:
        self._fill_and_submit("reset-password-form", {"new_password": password})


class SignedInPage(Page):
    def wait_until_shown(self) -> Self:
        super().wait_until_shown()
        self._wait(lambda _: self._account().is_displayed(), "the signed-in header")
        return self

    def signed_in_as(self) -> str:
        return str(self.browser.find_element(By.ID, "signed-in-as").text)

    def has_admin_link(self) -> bool:
        return bool(self.browser.find_element(By.ID, "admin-link").is_displayed())

    def sign_out(self) -> None:
        self.browser.find_element(By.ID, "sign-out").click()

    def _account(self) -> WebElement:
        return self.browser.find_element(By.CSS_SELECTOR, "nav.account")


class TasksPage(SignedInPage):
    path, name = "/tasks", "tasks"

    def wait_until_shown(self) -> Self:
        super().wait_until_shown()
        self._wait(lambda _: self._tasks() or self._is_shown("#no-tasks"), "the task list")
        return self

    def add_task(self, title: str) -> None:
        self._fill_and_submit("new-task-form", {"title": title})
        self._wait(lambda _: title in self.task_titles(), f"task {title!r} to be listed")

    def complete(self, title: str) -> None:
        self._task(title).find_element(By.CSS_SELECTOR, "input.done").click()
        self._wait(lambda _: self.is_done(title), f"task {title!r} to be done")

    def delete(self, title: str) -> None:
        self._task(title).find_element(By.CSS_SELECTOR, "button.delete").click()
        self._wait(lambda _: title not in self.task_titles(), f"task {title!r} to go")

    def task_titles(self) -> list[str]:
        return [t.find_element(By.CSS_SELECTOR, ".title").text for t in self._tasks()]

    def is_done(self, title: str) -> bool:
        return "done" in str(self._task(title).get_dom_attribute("class")).split()

    def is_marked_overdue(self, title: str) -> bool:
        return bool(
            self._task(title).find_element(By.CSS_SELECTOR, ".overdue-badge").is_displayed()
        )

    def _tasks(self) -> list[WebElement]:
        return list(self.browser.find_elements(By.CSS_SELECTOR, "#task-list li.task"))

    def _task(self, title: str) -> WebElement:
        return self._wait(
            lambda _: next(
                (
                    t
                    for t in self._tasks()
                    if t.find_element(By.CSS_SELECTOR, ".title").text == title
                ),
                None,
            ),
            f"task {title!r}",
        )

    def _is_shown(self, selector: str) -> bool:
        return any(e.is_displayed() for e in self.browser.find_elements(By.CSS_SELECTOR, selector))


class AdminPage(SignedInPage):
    path, name = "/admin", "admin"

    def user_emails(self) -> list[str]:
        self._wait(lambda b: b.find_element(By.ID, "users").is_displayed(), "the user table")
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#users tbody tr")
        return [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows]

    def refusal(self) -> str:
        return self._visible_text("#admin-error")
