"""Slowing down password guessing: failed sign-ins are counted per address and email.

By default the counts live in this process's memory; several worker processes would
each keep their own, so a deployment with many workers sets RATE_LIMIT_STORAGE_URL to a
shared storage (redis://, memcached://, ...: any scheme of the ``limits`` library).
"""

from typing import cast

from flask import Flask, Response, request
from flask.typing import RouteCallable
from flask_limiter import Limiter
from limits.errors import ConfigurationError

from app.config import ConfigError

FAILED_SIGN_INS = "5 per minute"
LOG_IN_ENDPOINT = "api.auth.log_in"


def limit_failed_sign_ins(app: Flask, storage_url: str) -> None:
    """Answer 429 to an address that failed five times in a minute for one email."""
    try:
        limiter = Limiter(
            key_func=_address_and_email, app=app, storage_uri=storage_url, headers_enabled=True
        )
    except ConfigurationError as error:
        raise ConfigError(f"RATE_LIMIT_STORAGE_URL cannot be used: {error}") from error
    limited = limiter.limit(FAILED_SIGN_INS, deduct_when=_failed)(
        app.view_functions[LOG_IN_ENDPOINT]
    )
    app.view_functions[LOG_IN_ENDPOINT] = cast(RouteCallable, limited)


def _failed(response: Response) -> bool:
    return response.status_code == 401


def _address_and_email() -> str:
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    normalised = email.strip().lower() if isinstance(email, str) else ""
    return f"{request.remote_addr}|{normalised}"
