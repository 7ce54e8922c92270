"""The breached-password client against a real HTTP server on loopback."""

import hashlib
import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from app.adapters.pwned_passwords import PwnedPasswordsChecker
from app.ports import BreachCheckUnavailable
from tests.support.waiting import wait_until

PASSWORD = "correct horse battery"
SHA1 = hashlib.sha1(PASSWORD.encode(), usedforsecurity=False).hexdigest().upper()
PREFIX, SUFFIX = SHA1[:5], SHA1[5:]


@pytest.fixture
def checker(httpserver: HTTPServer) -> PwnedPasswordsChecker:
    return PwnedPasswordsChecker(httpserver.url_for("/range/"), timeout=0.5)


def test_a_listed_password_is_breached(
    httpserver: HTTPServer, checker: PwnedPasswordsChecker
) -> None:
    httpserver.expect_oneshot_request(f"/range/{PREFIX}").respond_with_data(f"{SUFFIX}:42\r\n")

    assert checker.is_breached(PASSWORD)
    httpserver.check_assertions()


def test_an_unlisted_password_is_not_breached(
    httpserver: HTTPServer, checker: PwnedPasswordsChecker
) -> None:
    httpserver.expect_oneshot_request(f"/range/{PREFIX}").respond_with_data(f"{'0' * 35}:1\r\n")

    assert not checker.is_breached(PASSWORD)


def test_only_the_prefix_travels_and_padding_is_asked_for(
    httpserver: HTTPServer, checker: PwnedPasswordsChecker
) -> None:
    httpserver.expect_oneshot_request(f"/range/{PREFIX}").respond_with_data("")

    checker.is_breached(PASSWORD)

    ((request, _response),) = httpserver.log
    assert request.path == f"/range/{PREFIX}"
    assert request.headers["Add-Padding"] == "true"
    assert SUFFIX not in request.url
    assert not request.get_data()


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_makes_the_check_unavailable(
    httpserver: HTTPServer, checker: PwnedPasswordsChecker, status: int
) -> None:
    httpserver.expect_oneshot_request(f"/range/{PREFIX}").respond_with_data("", status=status)

    with pytest.raises(BreachCheckUnavailable):
        checker.is_breached(PASSWORD)


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def test_a_slow_server_is_abandoned_when_the_timeout_expires(
    httpserver: HTTPServer, checker: PwnedPasswordsChecker, release: threading.Event
) -> None:
    def answer_only_when_released(request: Request) -> Response:
        release.wait(timeout=10)
        return Response("")

    httpserver.expect_oneshot_request(f"/range/{PREFIX}").respond_with_handler(
        answer_only_when_released
    )

    with pytest.raises(BreachCheckUnavailable, match="timed out"):
        checker.is_breached(PASSWORD)
    assert not release.is_set(), "the client gave up before the server answered"

    # Let the server finish, so its late answer is not logged into the next test.
    release.set()
    wait_until(lambda: len(httpserver.log) == 1, message="the slow answer to be logged")
