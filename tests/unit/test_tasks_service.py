from datetime import timedelta

import pytest

from app.domain.errors import NotFound
from app.domain.tasks import TaskStatus
from app.services.tasks import TaskEdit, TaskService
from tests.support.fakes import FixedClock
from tests.unit.conftest import NOW

ADA, GRACE = 1, 2


class TestCreate:
    def test_a_new_task_is_open_and_stamped_with_the_clock(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", notes="", due_at=None)

        assert (task.owner_id, task.title, task.done_at, task.created_at) == (
            ADA,
            "Water the ferns",
            None,
            NOW,
        )

    def test_the_title_is_trimmed(self, tasks: TaskService) -> None:
        assert tasks.create(ADA, "  Water the ferns ", "", None).title == "Water the ferns"


class TestOwnership:
    def test_another_users_task_is_not_found(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)

        with pytest.raises(NotFound):
            tasks.get(GRACE, task.id)

    def test_another_user_cannot_edit_it(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)

        with pytest.raises(NotFound):
            tasks.edit(GRACE, task.id, TaskEdit(title="Mine now"))
        assert tasks.get(ADA, task.id).title == "Water the ferns"

    def test_another_user_cannot_delete_it(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)

        with pytest.raises(NotFound):
            tasks.delete(GRACE, task.id)
        assert tasks.get(ADA, task.id) == task

    def test_the_list_holds_only_the_owners_tasks(self, tasks: TaskService) -> None:
        mine = tasks.create(ADA, "Water the ferns", "", None)
        tasks.create(GRACE, "Feed the cat", "", None)

        assert tasks.list(ADA, status=None) == [mine]


class TestEdit:
    def test_completing_stamps_the_done_time(self, tasks: TaskService, clock: FixedClock) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)
        clock.current += timedelta(hours=2)

        done = tasks.edit(ADA, task.id, TaskEdit(done=True))

        assert done.done_at == NOW + timedelta(hours=2)

    def test_completing_twice_keeps_the_first_done_time(
        self, tasks: TaskService, clock: FixedClock
    ) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)
        tasks.edit(ADA, task.id, TaskEdit(done=True))
        clock.current += timedelta(hours=2)

        again = tasks.edit(ADA, task.id, TaskEdit(done=True))

        assert again.done_at == NOW

    def test_reopening_clears_the_done_time(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", "", None)
        tasks.edit(ADA, task.id, TaskEdit(done=True))

        assert tasks.edit(ADA, task.id, TaskEdit(done=False)).done_at is None

    def test_changes_only_the_fields_given(self, tasks: TaskService) -> None:
        due = NOW + timedelta(days=1)
        task = tasks.create(ADA, "Water the ferns", "Twice a week", due)

        edited = tasks.edit(ADA, task.id, TaskEdit(title="Water the palms"))

        assert (edited.title, edited.notes, edited.due_at) == (
            "Water the palms",
            "Twice a week",
            due,
        )

    def test_the_due_time_can_be_cleared(self, tasks: TaskService) -> None:
        task = tasks.create(ADA, "Water the ferns", "", NOW + timedelta(days=1))

        assert tasks.edit(ADA, task.id, TaskEdit(clear_due_at=True)).due_at is None


class TestListing:
    def test_filters_by_status(self, tasks: TaskService, clock: FixedClock) -> None:
        late = tasks.create(ADA, "Pay the rent", "", NOW - timedelta(hours=1))
        upcoming = tasks.create(ADA, "Water the ferns", "", NOW + timedelta(hours=1))
        done = tasks.create(ADA, "Feed the cat", "", NOW - timedelta(days=1))
        done = tasks.edit(ADA, done.id, TaskEdit(done=True))

        assert tasks.list(ADA, TaskStatus.OVERDUE) == [late]
        assert tasks.list(ADA, TaskStatus.OPEN) == [late, upcoming]
        assert tasks.list(ADA, TaskStatus.DONE) == [done]

    def test_a_task_becomes_overdue_the_moment_its_due_time_passes(
        self, tasks: TaskService, clock: FixedClock
    ) -> None:
        task = tasks.create(ADA, "Pay the rent", "", NOW + timedelta(minutes=5))

        clock.current = NOW + timedelta(minutes=5)
        assert tasks.list(ADA, TaskStatus.OVERDUE) == []
        clock.current = NOW + timedelta(minutes=5, microseconds=1)
        assert tasks.list(ADA, TaskStatus.OVERDUE) == [task]

    def test_orders_by_due_time_with_undated_tasks_last(self, tasks: TaskService) -> None:
        undated = tasks.create(ADA, "Someday", "", None)
        later = tasks.create(ADA, "Later", "", NOW + timedelta(days=2))
        sooner = tasks.create(ADA, "Sooner", "", NOW + timedelta(days=1))

        assert tasks.list(ADA, None) == [sooner, later, undated]


def test_deleting_removes_the_task(tasks: TaskService) -> None:
    task = tasks.create(ADA, "Water the ferns", "", None)

    tasks.delete(ADA, task.id)

    with pytest.raises(NotFound):
        tasks.get(ADA, task.id)
