"""The JSON API: parse and validate the request, call a service, shape the response."""

from flask import Blueprint, Flask

from app.api import accounts, admin, auth, errors, tasks, throttling
from app.config import Settings


def register(app: Flask, settings: Settings) -> None:
    api = Blueprint("api", __name__, url_prefix="/api")
    for module in (auth, accounts, tasks, admin):
        api.register_blueprint(module.blueprint)
    app.register_blueprint(api)
    throttling.limit_failed_sign_ins(app, settings.rate_limit_storage_url)
    errors.register(app)
