"""Breached-password checks: the Pwned Passwords range API, and an offline stand-in."""

import hashlib

import requests

from app.ports import BreachCheckUnavailable

TIMEOUT_SECONDS = 2.0
SUFFIX_LENGTH = 35


class PwnedPasswordsChecker:
    """k-anonymity: only the first five hex characters of the SHA-1 leave this process."""

    def __init__(
        self,
        range_url: str,
        session: requests.Session | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self._range_url = range_url
        self._session = session or requests.Session()
        self._timeout = timeout

    def is_breached(self, password: str) -> bool:
        digest = hashlib.sha1(password.encode(), usedforsecurity=False).hexdigest().upper()
        prefix, suffix = digest[:5], digest[5:]
        return suffix in self._breached_suffixes(prefix)

    def _breached_suffixes(self, prefix: str) -> set[str]:
        try:
            response = self._session.get(
                self._range_url + prefix,
                headers={"Add-Padding": "true"},
                timeout=self._timeout,
            )
            response.raise_for_status()
        except requests.RequestException as error:
            raise BreachCheckUnavailable(str(error)) from error
        return _parse_range(response.text)


def _parse_range(body: str) -> set[str]:
    """Lines of ``SUFFIX:COUNT``; padding lines have a count of zero."""
    breached = set()
    for line in filter(None, (raw.strip() for raw in body.splitlines())):
        suffix, _, count = line.partition(":")
        if len(suffix) != SUFFIX_LENGTH or not count.isdigit():
            raise BreachCheckUnavailable(f"malformed range response line: {line[:60]!r}")
        if int(count) > 0:
            breached.add(suffix.upper())
    return breached


class OfflineBreachChecker:
    """For development without a network: knows a few of the most famous passwords."""

    FAMOUS = frozenset({"password1234", "123456789012", "qwertyuiop123", "iloveyou1234"})

    def is_breached(self, password: str) -> bool:
        return password.lower() in self.FAMOUS
