from flask import current_app

from app.services import Services


def services() -> Services:
    """The services ``create_app`` built for the current app."""
    return current_app.extensions["services"]  # type: ignore[no-any-return]
