"""The web pages: served as plain HTML under a strict Content-Security-Policy."""

import re

import pytest
from flask.testing import FlaskClient

PAGES = ["/sign-in", "/sign-up", "/tasks", "/forgot-password", "/reset-password", "/admin"]


@pytest.mark.parametrize("path", PAGES)
def test_each_page_is_html_that_loads_the_one_script_module(client: FlaskClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert re.search(rb'<script type="module" src="/static/app\.js"></script>', response.data)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_carries_inline_script_or_style(client: FlaskClient, path: str) -> None:
    html = client.get(path).get_data(as_text=True)

    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html
    assert not re.search(r"<[^>]*\son[a-z]+=", html), "inline event handler"


@pytest.mark.parametrize("path", ["/sign-in", "/sign-up", "/forgot-password", "/reset-password"])
def test_every_form_field_has_a_label(client: FlaskClient, path: str) -> None:
    html = client.get(path).get_data(as_text=True)

    inputs = re.findall(r'<input[^>]*\bid="([^"]+)"', html)
    assert inputs
    for field_id in inputs:
        assert f'for="{field_id}"' in html, f"no <label for> for #{field_id}"


def test_the_home_page_sends_people_to_their_tasks(client: FlaskClient) -> None:
    response = client.get("/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/tasks"


class TestSecurityHeaders:
    @pytest.mark.parametrize("path", ["/sign-in", "/static/app.js", "/api/me"])
    def test_a_strict_content_security_policy_on_every_response(
        self, client: FlaskClient, path: str
    ) -> None:
        with client.get(path) as response:
            policy = response.headers["Content-Security-Policy"]

        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert "'unsafe-inline'" not in policy

    def test_pages_are_not_sniffed_framed_or_leaking_referrers(self, client: FlaskClient) -> None:
        headers = client.get("/sign-in").headers

        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"


def test_the_script_is_served_as_javascript(client: FlaskClient) -> None:
    with client.get("/static/app.js") as response:
        assert response.status_code == 200
        assert response.mimetype in ("text/javascript", "application/javascript")
