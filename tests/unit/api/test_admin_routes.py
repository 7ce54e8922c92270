from flask.testing import FlaskClient

from tests.support.auth import AuthActions
from tests.support.fakes import InMemoryDatabase


def make_admin(database: InMemoryDatabase, email: str) -> None:
    with database.unit_of_work() as uow:
        user = uow.users.find_by_email(email)
        assert user is not None
        uow.users.set_admin(user.id, True)


def test_an_admin_lists_every_user(
    auth: AuthActions, client: FlaskClient, database: InMemoryDatabase
) -> None:
    admin = auth.headers(email="root@example.test", name="Root")
    auth.headers(email="ada@example.test", name="Ada")
    make_admin(database, "root@example.test")

    response = client.get("/api/admin/users", headers=admin)

    assert response.status_code == 200
    assert [u["email"] for u in response.get_json()["users"]] == [
        "root@example.test",
        "ada@example.test",
    ]


def test_anyone_else_is_forbidden(auth: AuthActions, client: FlaskClient) -> None:
    response = client.get("/api/admin/users", headers=auth.headers())

    assert response.status_code == 403
    assert response.get_json()["error"] == "forbidden"


def test_without_a_token_it_is_unauthorized(client: FlaskClient) -> None:
    assert client.get("/api/admin/users").status_code == 401
