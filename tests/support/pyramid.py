"""The pyramid plugin: every test belongs to one layer, keeps its rules, and is counted.

- A test's layer is its directory: ``tests/unit``, ``tests/integration`` or ``tests/e2e``;
  a test anywhere else is a usage error. Each test gets its layer as a marker, so
  ``-m "not e2e"`` leaves a layer out on purpose.
- Unit tests run with sockets disabled (pytest-socket); only e2e tests may use a browser.
- With ``PYRAMID_REPORT=1`` (tox sets it), a run records its layer in
  ``reports/pyramid.json``, rewrites ``reports/pyramid.md`` and fails when the shape
  inverts: more e2e than integration tests, or more integration than unit tests.
"""

import json
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import pytest

LAYERS = ("unit", "integration", "e2e")
BROWSER_FIXTURES = {"browser", "live_server"}
LAYER = pytest.StashKey[str]()


@dataclass
class LayerRun:
    tests: int = 0
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    recorded_at: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%S%z"))


def layer_of(nodeid: str) -> str | None:
    """The layer named by a test id's path, which pytest gives relative to the rootdir."""
    parts = nodeid.split("::", 1)[0].split("/")
    if len(parts) >= 3 and parts[0] == "tests" and parts[1] in LAYERS:
        return parts[1]
    return None


def pytest_configure(config: pytest.Config) -> None:
    for layer in LAYERS:
        config.addinivalue_line(
            "markers", f"{layer}: a test of the {layer} layer (set from its folder)"
        )
    config.pluginmanager.register(PyramidReport(config), "pyramid-report")


def pytest_itemcollected(item: pytest.Item) -> None:
    layer = layer_of(item.nodeid)
    if layer is None:
        return
    item.stash[LAYER] = layer
    item.add_marker(getattr(pytest.mark, layer))
    if layer == "unit":
        item.add_marker(pytest.mark.disable_socket)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    problems = [
        f"{item.nodeid}: tests live in tests/unit, tests/integration or tests/e2e"
        for item in items
        if LAYER not in item.stash
    ]
    problems += [
        f"{item.nodeid}: only e2e tests may use a browser ({', '.join(sorted(uses))})"
        for item in items
        if item.stash.get(LAYER, "e2e") != "e2e"
        and (uses := BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())))
    ]
    if problems:
        raise pytest.UsageError("the pyramid's rules are broken:\n  " + "\n  ".join(problems))


class PyramidReport:
    def __init__(self, config: pytest.Config) -> None:
        self._enabled = os.environ.get("PYRAMID_REPORT") == "1"
        self._reports_dir = config.rootpath / "reports"
        self._runs: dict[str, LayerRun] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        layer = layer_of(report.nodeid)
        if layer is None:
            return
        run = self._runs.setdefault(layer, LayerRun())
        run.seconds += report.duration
        if report.when == "call" or (report.when == "setup" and not report.passed):
            run.tests += 1
            run.passed += report.passed
            run.failed += report.failed
            run.skipped += report.skipped
        elif report.when == "teardown" and report.failed:
            run.failed += 1

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if not self._enabled or not self._runs:
            return
        pyramid = self._merge()
        shape_problems = shape_check(pyramid)
        self._reports_dir.mkdir(exist_ok=True)
        document = {"layers": pyramid, "shape_ok": not shape_problems, "problems": shape_problems}
        (self._reports_dir / "pyramid.json").write_text(json.dumps(document, indent=2) + "\n")
        (self._reports_dir / "pyramid.md").write_text(markdown(pyramid, shape_problems))
        if shape_problems and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self._enabled or not self._runs:
            return
        terminalreporter.write_sep("=", "test pyramid")
        terminalreporter.write(markdown(self._merge(), shape_check(self._merge())))

    def _merge(self) -> dict[str, dict[str, Any]]:
        path = self._reports_dir / "pyramid.json"
        recorded = json.loads(path.read_text())["layers"] if path.exists() else {}
        recorded.update({layer: asdict(run) for layer, run in self._runs.items()})
        return {layer: recorded[layer] for layer in LAYERS if layer in recorded}


def shape_check(pyramid: dict[str, dict[str, Any]]) -> list[str]:
    counts = {layer: run["tests"] for layer, run in pyramid.items()}
    problems = []
    for lower, upper in (("unit", "integration"), ("integration", "e2e")):
        if lower in counts and upper in counts and counts[upper] > counts[lower]:
            problems.append(
                f"inverted: {counts[upper]} {upper} tests > {counts[lower]} {lower} tests"
            )
    return problems


def markdown(pyramid: dict[str, dict[str, Any]], problems: list[str]) -> str:
    total_tests = sum(run["tests"] for run in pyramid.values()) or 1
    total_seconds = sum(run["seconds"] for run in pyramid.values()) or 1.0
    rows = [
        "| layer | tests | passed | failed | skipped | time (s) | share of tests | share of time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for layer, run in pyramid.items():
        rows.append(
            f"| {layer} | {run['tests']} | {run['passed']} | {run['failed']} | {run['skipped']} "
            f"| {run['seconds']:.1f} | {100 * run['tests'] / total_tests:.0f}% "
            f"| {100 * run['seconds'] / total_seconds:.0f}% |"
        )
    verdict = "Shape: " + (
        "; ".join(problems) if problems else "a pyramid (unit ≥ integration ≥ e2e)."
    )
    return "## Test pyramid\n\n" + "\n".join(rows) + f"\n\n{verdict}\n"
