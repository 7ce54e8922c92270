"""What every layer shares: the pyramid plugin, and fixtures built on a layer's ``app``.

Each layer's conftest.py defines ``app`` its own way (fakes, real servers); the test
client and the auth helper build on whichever ``app`` the layer gives.
"""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.support.auth import AuthActions

pytest_plugins = ["tests.support.pyramid", "pytester"]


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    """Register and sign in through the API, as a client would."""
    return AuthActions(client)
