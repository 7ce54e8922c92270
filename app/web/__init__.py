"""The web pages: plain HTML and one JavaScript module that calls the JSON API."""

from collections.abc import Callable

from flask import Blueprint, Flask, Response, redirect, render_template
from werkzeug.wrappers import Response as WerkzeugResponse

PAGES = {
    "sign-in": "Sign in",
    "sign-up": "Create an account",
    "tasks": "Your tasks",
    "forgot-password": "Forgot your password?",
    "reset-password": "Choose a new password",
    "admin": "Users",
}

# No inline script or style anywhere: an injected <script> cannot run.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def register(app: Flask) -> None:
    blueprint = Blueprint(
        "web",
        __name__,
        template_folder="templates",
        static_folder="static",
        static_url_path="/static",
    )

    @blueprint.get("/")
    def home() -> WerkzeugResponse:
        return redirect("/tasks")

    for page, title in PAGES.items():
        blueprint.add_url_rule(f"/{page}", endpoint=page, view_func=_page_view(page, title))

    app.register_blueprint(blueprint)
    app.after_request(_add_security_headers)


def _page_view(page: str, title: str) -> Callable[[], str]:
    def view() -> str:
        return render_template(f"{page}.html", page=page, title=title)

    return view


def _add_security_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response
