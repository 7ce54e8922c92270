"""Slowing down password guessing: failed sign-ins are counted per address and email.

Counts live in this process's memory; several worker processes would each keep their
own, so a deployment with many workers gives Flask-Limiter a shared storage instead.
"""

from typing import cast

from flask import Flask, Response, request
from flask.typing import RouteCallable
from flask_limiter import Limiter

FAILED_SIGN_INS = "5 per minute"
LOG_IN_ENDPOINT = "api.auth.log_in"


def limit_failed_sign_ins(app: Flask) -> None:
    """Answer 429 to an address that failed five times in a minute for one email."""
    limiter = Limiter(
        key_func=_address_and_email, app=app, storage_uri="memory://", headers_enabled=True
    )
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
