"""The in-memory fakes keep the same contract as the PostgreSQL repositories."""

import pytest

from tests.support.fakes import InMemoryDatabase
from tests.support.repository_contract import (
    ResetTokenRepositoryContract,
    TaskRepositoryContract,
    UserRepositoryContract,
)


@pytest.fixture
def database() -> InMemoryDatabase:
    return InMemoryDatabase()


class TestInMemoryUsers(UserRepositoryContract):
    pass


class TestInMemoryTasks(TaskRepositoryContract):
    pass


class TestInMemoryResetTokens(ResetTokenRepositoryContract):
    pass
