from typing import Any

from flask import Blueprint

from app.api.context import services
from app.api.presenters import user_json
from app.api.validation import validated_body

blueprint = Blueprint("auth", __name__, url_prefix="/auth")


@blueprint.post("/register")
def register() -> tuple[dict[str, Any], int]:
    body = validated_body("register")
    user, token = services().accounts.register(body["email"], body["password"], body["name"])
    return {"user": user_json(user), "token": token}, 201


@blueprint.post("/login")
def log_in() -> dict[str, Any]:
    body = validated_body("login")
    return {"token": services().accounts.log_in(body["email"], body["password"])}


@blueprint.post("/password-reset")
def request_password_reset() -> tuple[dict[str, Any], int]:
    body = validated_body("password_reset_request")
    services().password_resets.request(body["email"])
    return {"message": "If an account has this email, a reset link is on its way."}, 202


@blueprint.post("/password-reset/confirm")
def confirm_password_reset() -> tuple[str, int]:
    body = validated_body("password_reset_confirm")
    services().password_resets.confirm(body["token"], body["new_password"])
    return "", 204
