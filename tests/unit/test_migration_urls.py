import pytest

from app.adapters.postgres.migrations import _yoyo_url


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@db:5432/tasks",
        "postgres://u:p@db:5432/tasks",
        "postgresql+psycopg://u:p@db:5432/tasks",
    ],
)
def test_any_postgres_url_is_handed_to_yoyos_psycopg3_backend(url: str) -> None:
    assert _yoyo_url(url) == "postgresql+psycopg://u:p@db:5432/tasks"


@pytest.mark.parametrize("url", ["mysql://u:p@db/tasks", "db:5432/tasks"])
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="postgresql://"):
        _yoyo_url(url)
