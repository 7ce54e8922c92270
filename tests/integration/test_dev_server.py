"""`python -m app.dev` and the throwaway PostgreSQL behind it."""

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import docker
import psycopg
import pytest
from pytest_mock import MockerFixture

from app import create_app
from app.adapters.postgres.database import PostgresDatabase
from app.config import Settings
from app.dev import __main__ as dev_server
from app.dev.demo import DEMO_EMAIL
from app.dev.postgres import (
    LABEL,
    OWNER_LABEL,
    DockerUnavailable,
    postgres_image,
    throwaway_postgres,
)
from tests.support.postgres import HeldConnection


@pytest.fixture
def demo_account_removed(database_url: str) -> Iterator[None]:
    yield
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("DELETE FROM users WHERE email = %s", (DEMO_EMAIL,))


def test_serve_migrates_prints_a_demo_admin_and_runs_on_loopback(
    database_url: str,
    demo_account_removed: None,
    mocker: MockerFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = mocker.patch("flask.Flask.run", autospec=True)

    exit_code = dev_server.serve(database_url)

    printed = capsys.readouterr().out
    assert exit_code == 0
    assert "0 migration(s) applied" in printed
    assert f"demo admin: {DEMO_EMAIL} / " in printed
    (_app,), kwargs = run.call_args
    assert kwargs == {"host": "127.0.0.1", "port": 5000}


def test_main_uses_database_url_when_it_is_set(
    monkeypatch: pytest.MonkeyPatch, mocker: MockerFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://tasks@db.example.test/tasks")
    serve = mocker.patch.object(dev_server, "serve", autospec=True, return_value=0)

    assert dev_server.main() == 0
    serve.assert_called_once_with("postgresql://tasks@db.example.test/tasks")


def test_main_explains_a_refused_configuration(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)

    assert dev_server.main() == 2
    assert "SECRET_KEY must be set" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_without_docker_the_error_says_how_to_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """docker-py leaves a socket open when no engine answers; it is collected here, so
    the ResourceWarning belongs to this test rather than to whichever test runs next."""
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")

    with pytest.raises(DockerUnavailable, match="TEST_DATABASE_URL"), throwaway_postgres("nowhere"):
        pass
    gc.collect()


def test_containers_left_by_a_dead_run_are_removed() -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    dead_pid = finished.pid  # its process is gone, so its containers are stale
    client = docker.from_env()
    stale = client.containers.create(
        postgres_image(), labels={LABEL: "stale-check", OWNER_LABEL: str(dead_pid)}
    )
    mine = client.containers.create(
        postgres_image(), labels={LABEL: "stale-check", OWNER_LABEL: str(os.getpid())}
    )
    try:
        with throwaway_postgres("stale-check"):
            remaining = {
                c.id
                for c in client.containers.list(all=True, filters={"label": f"{LABEL}=stale-check"})
            }
        assert stale.id not in remaining
        assert mine.id in remaining
    finally:
        for container in client.containers.list(
            all=True, filters={"label": f"{LABEL}=stale-check"}
        ):
            container.remove(force=True)
        client.close()


def test_the_factory_connects_to_database_url(database_url: str) -> None:
    app = create_app(Settings.from_env({"APP_ENV": "test", "DATABASE_URL": database_url}))
    try:
        response = app.test_client().post(
            "/api/auth/login", json={"email": "nobody@example.test", "password": "whatever"}
        )
    finally:
        app.extensions["database"].close()

    assert response.status_code == 401


def test_closing_a_database_on_a_held_connection_leaves_the_connection_open(
    connection: Any,
) -> None:
    PostgresDatabase(HeldConnection(connection)).close()

    assert not connection.closed
