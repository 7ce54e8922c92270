import json

import pytest

from tests.support.pyramid import markdown, shape_check

PLUGIN = (
    "--import-mode=importlib",
    "-p",
    "tests.support.pyramid",
    "-p",
    "no:randomly",
    "-p",
    "no:cacheprovider",
)


def run(tests: int) -> dict[str, float | int]:
    return {"tests": tests, "passed": tests, "failed": 0, "skipped": 0, "seconds": 1.0}


class TestLayers:
    def test_a_test_outside_the_three_layers_is_a_usage_error(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.makepyfile(test_misplaced="def test_anything():\n    assert 2 + 2 == 4\n")

        result = pytester.runpytest(*PLUGIN)

        assert result.ret == pytest.ExitCode.USAGE_ERROR
        result.stderr.fnmatch_lines(["*tests live in tests/unit, tests/integration or tests/e2e*"])

    def test_a_tests_folder_gives_its_layer_as_a_marker(self, pytester: pytest.Pytester) -> None:
        pytester.mkdir("tests")
        for layer in ("unit", "integration"):
            pytester.mkdir(f"tests/{layer}")
            pytester.path.joinpath(f"tests/{layer}/test_{layer}.py").write_text(
                "def test_it():\n    assert 1 + 1 == 2\n"
            )

        result = pytester.runpytest(*PLUGIN, "-m", "not integration")

        result.assert_outcomes(passed=1, deselected=1)

    def test_a_browser_outside_the_e2e_layer_is_a_usage_error(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.mkdir("tests")
        pytester.mkdir("tests/integration")
        pytester.path.joinpath("tests/integration/test_sneaky.py").write_text(
            "import pytest\n\n@pytest.fixture\ndef browser():\n    return object()\n\n"
            "def test_it(browser):\n    assert browser is not None\n"
        )

        result = pytester.runpytest(*PLUGIN)

        assert result.ret == pytest.ExitCode.USAGE_ERROR
        result.stderr.fnmatch_lines(["*only e2e tests may use a browser (browser)*"])

    def test_with_pyramid_report_a_run_records_its_layer(
        self, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("PYRAMID_REPORT", "1")
        pytester.mkdir("tests")
        pytester.mkdir("tests/unit")
        pytester.path.joinpath("tests/unit/test_a.py").write_text(
            "def test_one():\n    assert 1 < 2\n\ndef test_two():\n    assert 2 < 3\n"
        )

        pytester.runpytest(*PLUGIN)

        recorded = json.loads((pytester.path / "reports" / "pyramid.json").read_text())
        assert recorded["layers"]["unit"]["tests"] == 2
        assert "| unit | 2 |" in (pytester.path / "reports" / "pyramid.md").read_text()


class TestShape:
    def test_a_pyramid_passes(self) -> None:
        assert shape_check({"unit": run(10), "integration": run(5), "e2e": run(2)}) == []

    def test_more_e2e_than_integration_tests_is_inverted(self) -> None:
        (problem,) = shape_check({"unit": run(10), "integration": run(2), "e2e": run(3)})

        assert problem == "inverted: 3 e2e tests > 2 integration tests"

    def test_more_integration_than_unit_tests_is_inverted(self) -> None:
        (problem,) = shape_check({"unit": run(1), "integration": run(2)})

        assert "integration" in problem

    def test_equal_layers_are_not_inverted(self) -> None:
        assert shape_check({"unit": run(3), "integration": run(3), "e2e": run(3)}) == []

    def test_the_table_shows_each_layers_share(self) -> None:
        table = markdown({"unit": run(3), "integration": run(1)}, [])

        assert "| unit | 3 | 3 | 0 | 0 | 1.0 | 75% | 50% |" in table
        assert "a pyramid" in table
