"""Bearer-token authentication for the API's protected routes."""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import g, request

from app.api.context import services
from app.domain.users import User

P = ParamSpec("P")
R = TypeVar("R")


class MissingBearerToken(Exception):
    """The request carries no ``Authorization: Bearer <token>`` header."""


def login_required(view: Callable[P, R]) -> Callable[P, R]:
    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        g.user = services().accounts.authenticate(_bearer_token())
        return view(*args, **kwargs)

    return wrapper


def current_user() -> User:
    user: User = g.user
    return user


def _bearer_token() -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise MissingBearerToken
    return token.strip()
