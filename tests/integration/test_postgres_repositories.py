"""The repository contract, kept by the PostgreSQL repositories."""

from tests.support.repository_contract import (
    ResetTokenRepositoryContract,
    TaskRepositoryContract,
    UserRepositoryContract,
)


class TestPostgresUsers(UserRepositoryContract):
    pass


class TestPostgresTasks(TaskRepositoryContract):
    pass


class TestPostgresResetTokens(ResetTokenRepositoryContract):
    pass
