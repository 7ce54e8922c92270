from typing import Any

from flask import Blueprint

from app.api.authentication import current_user, login_required
from app.api.context import services
from app.api.presenters import user_json

blueprint = Blueprint("admin", __name__, url_prefix="/admin")


@blueprint.get("/users")
@login_required
def list_users() -> dict[str, Any]:
    users = services().accounts.list_users(current_user())
    return {"users": [user_json(user) for user in users]}
