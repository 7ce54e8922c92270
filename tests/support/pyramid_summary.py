"""`python -m tests.support.pyramid_summary`: the Markdown summary of a whole pyramid run.

Reads what every layer's job leaves in ``reports/`` (JUnit XML and the combined
coverage data), so it works the same after one local tox run and after a CI run
whose layers ran on different machines. Writes ``reports/summary.md`` and the
pyramid report, and exits non-zero when the shape inverts.
"""

import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from coverage import Coverage

from tests.support.pyramid import LAYERS, markdown, shape_check

REPORTS = Path("reports")


def layer_runs(reports: Path) -> dict[str, dict[str, Any]]:
    """Tests and time per layer; of several unit runs (one per Python) the first counts."""
    runs: dict[str, dict[str, Any]] = {}
    for layer in LAYERS:
        files = sorted(reports.glob(f"junit-{layer}.xml")) + sorted(
            reports.glob(f"junit-{layer}-*.xml")
        )
        if files:
            runs[layer] = _junit_totals(files[0])
    return runs


def _junit_totals(path: Path) -> dict[str, Any]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own test runner's output
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = {
        key: sum(int(s.get(key, 0)) for s in suites)
        for key in ("tests", "failures", "errors", "skipped")
    }
    failed = total["failures"] + total["errors"]
    return {
        "tests": total["tests"],
        "passed": total["tests"] - failed - total["skipped"],
        "failed": failed,
        "skipped": total["skipped"],
        "seconds": sum(float(s.get("time", 0)) for s in suites),
        "properties": {
            prop.get("name", ""): prop.get("value", "")
            for suite in suites
            for prop in suite.findall("properties/property")
        },
    }


def coverage_by_layer(data_file: Path) -> tuple[float, dict[str, float]]:
    """The combined total, and what each layer's tests alone cover (from the contexts)."""
    coverage = Coverage(data_file=str(data_file))
    coverage.load()
    silent = io.StringIO()
    total = coverage.report(file=silent)
    shares = {layer: coverage.report(file=silent, contexts=[f"^{layer}"]) for layer in LAYERS}
    return total, shares


def summary(
    runs: dict[str, dict[str, Any]], total: float, shares: dict[str, float], gate: float
) -> str:
    rows = [
        "| layer | tests | failed | skipped | time (s) | coverage alone |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for layer, run in runs.items():
        rows.append(
            f"| {layer} | {run['tests']} | {run['failed']} | {run['skipped']} "
            f"| {run['seconds']:.1f} | {shares.get(layer, 0.0):.1f}% |"
        )
    verdict = "passes" if total >= gate else "FAILS"
    return (
        "## Test pyramid summary\n\n"
        + "\n".join(rows)
        + f"\n\n**Combined coverage: {total:.1f}%** (branch coverage, all layers); "
        f"the {gate:.0f}% gate {verdict}.\n\n"
        + _databases(runs)
        + markdown(runs, shape_check(runs)).replace("## Test pyramid", "### Shape")
    )


def _databases(runs: dict[str, dict[str, Any]]) -> str:
    """One line per layer that recorded its database (see tests/support/database.py)."""
    lines = [
        f"- {layer}: PostgreSQL from {recorded['database']}, "
        f"ready in {recorded['database_ready_seconds']} s"
        for layer, run in runs.items()
        if "database" in (recorded := run.get("properties", {}))
    ]
    return "\n".join(lines) + "\n\n" if lines else ""


def main() -> int:
    runs = layer_runs(REPORTS)
    total, shares = coverage_by_layer(REPORTS / ".coverage")
    fail_under = Coverage().get_option("report:fail_under")
    gate = float(fail_under) if isinstance(fail_under, int | float) else 0.0
    problems = shape_check(runs)
    text = summary(runs, total, shares, gate)
    (REPORTS / "summary.md").write_text(text)
    (REPORTS / "pyramid.md").write_text(markdown(runs, problems))
    document = {"layers": runs, "shape_ok": not problems, "problems": problems}
    (REPORTS / "pyramid.json").write_text(json.dumps(document, indent=2) + "\n")
    print(text)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
