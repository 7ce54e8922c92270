from pathlib import Path

from tests.support.pyramid_summary import layer_runs, summary


def write_junit(
    path: Path,
    tests: int,
    failures: int = 0,
    skipped: int = 0,
    seconds: float = 1.0,
    properties: dict[str, str] | None = None,
) -> None:
    recorded = "".join(
        f'<property name="{name}" value="{value}"/>' for name, value in (properties or {}).items()
    )
    path.write_text(
        "<testsuites>"
        f'<testsuite name="pytest" tests="{tests}" failures="{failures}" errors="0"'
        f' skipped="{skipped}" time="{seconds}">'
        f"<properties>{recorded}</properties>"
        "</testsuite></testsuites>"
    )


class TestLayerRuns:
    def test_reads_each_layers_totals_from_its_junit_xml(self, tmp_path: Path) -> None:
        write_junit(tmp_path / "junit-unit.xml", tests=10, failures=1, skipped=2, seconds=3.5)
        write_junit(tmp_path / "junit-integration.xml", tests=4)

        runs = layer_runs(tmp_path)

        assert runs["unit"] == {
            "tests": 10,
            "passed": 7,
            "failed": 1,
            "skipped": 2,
            "seconds": 3.5,
            "properties": {},
        }
        assert runs["integration"]["tests"] == 4
        assert "e2e" not in runs

    def test_of_several_unit_runs_the_plain_one_counts(self, tmp_path: Path) -> None:
        write_junit(tmp_path / "junit-unit-py312.xml", tests=5)
        write_junit(tmp_path / "junit-unit.xml", tests=6)

        assert layer_runs(tmp_path)["unit"]["tests"] == 6

    def test_a_unit_run_of_one_python_counts_when_it_is_the_only_one(self, tmp_path: Path) -> None:
        write_junit(tmp_path / "junit-unit-py313.xml", tests=5)

        assert layer_runs(tmp_path)["unit"]["tests"] == 5


class TestSummary:
    def test_gives_each_layers_coverage_alone_and_the_combined_verdict(
        self, tmp_path: Path
    ) -> None:
        write_junit(tmp_path / "junit-unit.xml", tests=10)
        write_junit(tmp_path / "junit-e2e.xml", tests=2)

        text = summary(layer_runs(tmp_path), 96.0, {"unit": 90.5, "e2e": 40.0}, gate=95)

        assert "| unit | 10 | 0 | 0 | 1.0 | 90.5% |" in text
        assert "| e2e | 2 | 0 | 0 | 1.0 | 40.0% |" in text
        assert "**Combined coverage: 96.0%**" in text
        assert "the 95% gate passes" in text

    def test_says_when_the_combined_total_fails_the_gate(self, tmp_path: Path) -> None:
        write_junit(tmp_path / "junit-unit.xml", tests=10)

        text = summary(layer_runs(tmp_path), 94.9, {"unit": 94.9}, gate=95)

        assert "the 95% gate FAILS" in text

    def test_says_where_each_layers_database_came_from_and_how_soon_it_was_ready(
        self, tmp_path: Path
    ) -> None:
        write_junit(tmp_path / "junit-unit.xml", tests=10)
        write_junit(
            tmp_path / "junit-integration.xml",
            tests=4,
            properties={"database": "container postgres:17", "database_ready_seconds": "1.25"},
        )

        text = summary(layer_runs(tmp_path), 96.0, {}, gate=95)

        assert "integration: PostgreSQL from container postgres:17, ready in 1.25 s" in text
        assert "unit: PostgreSQL" not in text
