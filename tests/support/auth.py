"""Helpers that act as an API client would: register, log in, build headers."""

from typing import Any

from flask.testing import FlaskClient

PASSWORD = "correct horse battery"


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def register(
        self, email: str = "ada@example.test", password: str = PASSWORD, name: str = "Ada"
    ) -> Any:
        return self._client.post(
            "/api/auth/register", json={"email": email, "password": password, "name": name}
        )

    def log_in(self, email: str = "ada@example.test", password: str = PASSWORD) -> Any:
        return self._client.post("/api/auth/login", json={"email": email, "password": password})

    def headers(self, email: str = "ada@example.test", name: str = "Ada") -> dict[str, str]:
        """Register a user and return the Authorization header of their token."""
        response = self.register(email=email, name=name)
        assert response.status_code == 201, response.get_json()
        return bearer(response.get_json()["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
