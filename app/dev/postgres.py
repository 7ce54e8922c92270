"""A throwaway PostgreSQL in Docker, started with testcontainers (a development dependency).

The image is a setting: ``POSTGRES_IMAGE`` (default: the official image). Every
container is labelled with the process that started it, so containers left by a
killed run are found and removed by the next one.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_IMAGE = "postgres:17-alpine"
LABEL = "io.github.task-pyramid.purpose"
OWNER_LABEL = "io.github.task-pyramid.owner-pid"
# Durability is pointless for a database that is thrown away: trade it for speed.
FAST_AND_UNSAFE = "postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class DockerUnavailable(RuntimeError):
    pass


def postgres_image() -> str:
    return os.environ.get("POSTGRES_IMAGE", DEFAULT_IMAGE)


@contextmanager
def throwaway_postgres(purpose: str) -> Iterator[str]:
    """Start PostgreSQL, yield its connection URL, and remove the container afterwards."""
    import docker.errors
    from testcontainers.community.postgres import PostgresContainer

    try:
        remove_stale_containers(purpose)
        container = (
            PostgresContainer(
                postgres_image(),
                username="tasks",
                password="tasks",  # noqa: S106 - a throwaway server on loopback
                dbname="tasks",
                driver=None,
            )
            .with_command(FAST_AND_UNSAFE)
            .with_kwargs(labels={LABEL: purpose, OWNER_LABEL: str(os.getpid())})
        )
        container.start()
    except docker.errors.DockerException as error:
        raise DockerUnavailable(
            f"Cannot start PostgreSQL in Docker ({error}). Start a Docker engine, "
            "or point TEST_DATABASE_URL at an existing PostgreSQL server."
        ) from error
    try:
        yield container.get_connection_url()
    finally:
        container.stop()


def remove_stale_containers(purpose: str) -> None:
    import docker

    client = docker.from_env()
    try:
        for stale in client.containers.list(all=True, filters={"label": f"{LABEL}={purpose}"}):
            if not _alive(int(stale.labels.get(OWNER_LABEL, "0"))):
                stale.remove(force=True)
    finally:
        client.close()


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
