import hashlib
from collections.abc import Iterator

import pytest
import requests
import responses

from app.adapters.pwned_passwords import OfflineBreachChecker, PwnedPasswordsChecker
from app.ports import BreachCheckUnavailable

BASE_URL = "https://pwned.example.test/range/"
PASSWORD = "correct horse battery"
SHA1 = hashlib.sha1(PASSWORD.encode()).hexdigest().upper()  # noqa: S324 - the API's own scheme
PREFIX, SUFFIX = SHA1[:5], SHA1[5:]
RANGE_URL = BASE_URL + PREFIX
OTHER_SUFFIX = "0" * 35


@pytest.fixture
def mocked_api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture
def checker() -> PwnedPasswordsChecker:
    return PwnedPasswordsChecker(BASE_URL)


class TestAnswers:
    def test_a_password_whose_suffix_is_listed_is_breached(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body=f"{OTHER_SUFFIX}:3\r\n{SUFFIX}:1024\r\n")

        assert checker.is_breached(PASSWORD)

    def test_a_password_whose_suffix_is_absent_is_not_breached(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body=f"{OTHER_SUFFIX}:3\r\n")

        assert not checker.is_breached(PASSWORD)

    def test_a_padding_entry_with_count_zero_is_not_a_breach(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body=f"{SUFFIX}:0\r\n")

        assert not checker.is_breached(PASSWORD)

    def test_suffixes_are_compared_without_case(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body=f"{SUFFIX.lower()}:2\n")

        assert checker.is_breached(PASSWORD)


class TestPrivacy:
    def test_sends_only_the_five_character_prefix(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body="")

        checker.is_breached(PASSWORD)

        (call,) = mocked_api.calls
        assert call.request.url == RANGE_URL
        assert call.request.body is None
        assert SUFFIX not in str(call.request.headers)

    def test_asks_for_padded_answers_with_a_two_second_timeout(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker
    ) -> None:
        mocked_api.get(RANGE_URL, body="")

        checker.is_breached(PASSWORD)

        (call,) = mocked_api.calls
        assert call.request.headers["Add-Padding"] == "true"
        assert call.request.req_kwargs["timeout"] == 2.0


class TestFailures:
    @pytest.mark.parametrize(
        "failure",
        [requests.ReadTimeout("slow"), requests.ConnectionError("refused")],
        ids=["timeout", "connection-refused"],
    )
    def test_network_failures_make_the_check_unavailable(
        self,
        mocked_api: responses.RequestsMock,
        checker: PwnedPasswordsChecker,
        failure: Exception,
    ) -> None:
        mocked_api.get(RANGE_URL, body=failure)

        with pytest.raises(BreachCheckUnavailable):
            checker.is_breached(PASSWORD)

    @pytest.mark.parametrize("status", [429, 500, 503])
    def test_error_statuses_make_the_check_unavailable(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker, status: int
    ) -> None:
        mocked_api.get(RANGE_URL, status=status)

        with pytest.raises(BreachCheckUnavailable, match=str(status)):
            checker.is_breached(PASSWORD)

    @pytest.mark.parametrize(
        "body",
        ["<html>Service Unavailable</html>", f"{SUFFIX}\r\n", f"{SUFFIX}:many\r\n", "ABC:1\r\n"],
        ids=["html", "no-count", "non-numeric-count", "short-suffix"],
    )
    def test_a_malformed_body_makes_the_check_unavailable(
        self, mocked_api: responses.RequestsMock, checker: PwnedPasswordsChecker, body: str
    ) -> None:
        mocked_api.get(RANGE_URL, body=body)

        with pytest.raises(BreachCheckUnavailable, match="malformed"):
            checker.is_breached(PASSWORD)


class TestOfflineChecker:
    @pytest.mark.parametrize("password", ["password1234", "123456789012", "qwertyuiop123"])
    def test_knows_a_few_famous_passwords(self, password: str) -> None:
        assert OfflineBreachChecker().is_breached(password)

    def test_accepts_anything_else(self) -> None:
        assert not OfflineBreachChecker().is_breached(PASSWORD)
