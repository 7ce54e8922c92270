import pytest

from app.adapters.postgres.migrations import MIGRATIONS_DIR, _yoyo_url


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


def test_the_migrations_are_ordered_plain_sql_files() -> None:
    names = sorted(path.name for path in MIGRATIONS_DIR.glob("*.sql"))

    assert names[0].startswith("0001_")
    assert all(name[:4].isdigit() for name in names)
