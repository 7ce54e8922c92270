from typing import Any

from flask import Blueprint

from app.api.authentication import current_user, login_required
from app.api.presenters import user_json

blueprint = Blueprint("accounts", __name__)


@blueprint.get("/me")
@login_required
def me() -> dict[str, Any]:
    return user_json(current_user())
