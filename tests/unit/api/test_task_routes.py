from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from freezegun.api import FrozenDateTimeFactory

from tests.support.auth import AuthActions
from tests.unit.conftest import NOW

IN_AN_HOUR = (NOW + timedelta(hours=1)).isoformat()


@pytest.fixture
def ada(auth: AuthActions) -> dict[str, str]:
    return auth.headers(email="ada@example.test", name="Ada")


@pytest.fixture
def grace(auth: AuthActions) -> dict[str, str]:
    return auth.headers(email="grace@example.test", name="Grace")


def create(client: FlaskClient, headers: dict[str, str], **body: object) -> dict[str, object]:
    response = client.post("/api/tasks", json={"title": "Water the ferns", **body}, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()  # type: ignore[no-any-return]


class TestCreate:
    def test_answers_201_with_the_task_and_its_location(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        response = client.post(
            "/api/tasks", json={"title": "Water the ferns", "due_at": IN_AN_HOUR}, headers=ada
        )

        task = response.get_json()
        assert response.status_code == 201
        assert response.headers["Location"].endswith(f"/api/tasks/{task['id']}")
        assert task["title"] == "Water the ferns"
        assert task["due_at"] == IN_AN_HOUR
        assert (task["done"], task["overdue"], task["notes"]) == (False, False, "")

    def test_due_times_in_other_offsets_are_answered_in_utc(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        task = create(client, ada, due_at="2026-03-02T11:00:00+02:00")

        assert task["due_at"] == "2026-03-02T09:00:00+00:00"

    def test_accepts_the_lowercase_t_and_z_that_rfc_3339_allows(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        task = create(client, ada, due_at="2026-03-02t09:00:00z")

        assert task["due_at"] == "2026-03-02T09:00:00+00:00"

    @pytest.mark.parametrize("due_at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
    def test_a_due_time_outside_the_years_1_to_9999_in_utc_is_a_400(
        self, client: FlaskClient, ada: dict[str, str], due_at: str
    ) -> None:
        response = client.post(
            "/api/tasks", json={"title": "Water the ferns", "due_at": due_at}, headers=ada
        )

        assert response.status_code == 400
        assert [error["pointer"] for error in response.get_json()["errors"]] == ["/due_at"]

    def test_needs_a_token(self, client: FlaskClient) -> None:
        assert client.post("/api/tasks", json={"title": "Water the ferns"}).status_code == 401


class TestList:
    def test_lists_only_the_callers_tasks(
        self, client: FlaskClient, ada: dict[str, str], grace: dict[str, str]
    ) -> None:
        create(client, ada, title="Water the ferns")
        create(client, grace, title="Feed the cat")

        titles = [t["title"] for t in client.get("/api/tasks", headers=ada).get_json()["tasks"]]

        assert titles == ["Water the ferns"]

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("open", ["Pay the rent", "Water the ferns"]),
            ("done", ["Feed the cat"]),
            ("overdue", ["Pay the rent"]),
        ],
    )
    def test_filters_by_status(
        self, client: FlaskClient, ada: dict[str, str], status: str, expected: list[str]
    ) -> None:
        create(client, ada, title="Pay the rent", due_at=(NOW - timedelta(hours=1)).isoformat())
        create(client, ada, title="Water the ferns", due_at=IN_AN_HOUR)
        done = create(client, ada, title="Feed the cat")
        client.patch(f"/api/tasks/{done['id']}", json={"done": True}, headers=ada)

        response = client.get(f"/api/tasks?status={status}", headers=ada)

        assert [t["title"] for t in response.get_json()["tasks"]] == expected

    def test_an_unknown_status_answers_400(self, client: FlaskClient, ada: dict[str, str]) -> None:
        response = client.get("/api/tasks?status=later", headers=ada)

        assert response.status_code == 400
        assert response.get_json()["errors"][0]["pointer"] == "?status"

    def test_marks_a_task_overdue_once_its_time_has_passed(
        self, client: FlaskClient, ada: dict[str, str], frozen_time: FrozenDateTimeFactory
    ) -> None:
        task = create(client, ada, due_at=IN_AN_HOUR)

        frozen_time.tick(timedelta(hours=1, seconds=1))

        fetched = client.get(f"/api/tasks/{task['id']}", headers=ada).get_json()
        assert fetched["overdue"] is True


class TestChange:
    def test_patch_completes_a_task(self, client: FlaskClient, ada: dict[str, str]) -> None:
        task = create(client, ada)

        response = client.patch(f"/api/tasks/{task['id']}", json={"done": True}, headers=ada)

        assert response.status_code == 200
        assert response.get_json()["done"] is True
        assert response.get_json()["done_at"] == NOW.isoformat()

    def test_patch_clears_the_due_time_with_null(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        task = create(client, ada, due_at=IN_AN_HOUR)

        response = client.patch(f"/api/tasks/{task['id']}", json={"due_at": None}, headers=ada)

        assert response.get_json()["due_at"] is None

    def test_patch_moves_the_due_time(self, client: FlaskClient, ada: dict[str, str]) -> None:
        task = create(client, ada)

        response = client.patch(
            f"/api/tasks/{task['id']}", json={"due_at": IN_AN_HOUR}, headers=ada
        )

        assert response.get_json()["due_at"] == IN_AN_HOUR

    def test_an_invalid_patch_changes_nothing(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        task = create(client, ada, title="Water the ferns")

        response = client.patch(
            f"/api/tasks/{task['id']}", json={"title": "", "done": 1}, headers=ada
        )

        assert response.status_code == 400
        assert client.get(f"/api/tasks/{task['id']}", headers=ada).get_json() == task

    def test_delete_answers_204_and_the_task_is_gone(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        task = create(client, ada)

        deleted = client.delete(f"/api/tasks/{task['id']}", headers=ada)

        assert deleted.status_code == 204
        assert client.get(f"/api/tasks/{task['id']}", headers=ada).status_code == 404


class TestSomeoneElsesTask:
    @pytest.mark.parametrize(
        ("method", "body"), [("get", None), ("patch", {"done": True}), ("delete", None)]
    )
    def test_answers_404_as_if_it_did_not_exist(
        self,
        client: FlaskClient,
        ada: dict[str, str],
        grace: dict[str, str],
        method: str,
        body: dict[str, bool] | None,
    ) -> None:
        task = create(client, ada)

        response = client.open(
            f"/api/tasks/{task['id']}", method=method.upper(), json=body, headers=grace
        )

        assert response.status_code == 404
        assert client.get(f"/api/tasks/{task['id']}", headers=ada).get_json() == task

    def test_an_id_too_large_for_the_database_is_simply_not_found(
        self, client: FlaskClient, ada: dict[str, str]
    ) -> None:
        assert client.get(f"/api/tasks/{2**70}", headers=ada).status_code == 404
