"""``make bench`` writes bench/results.json and bench/summary.md: figures merged by benchmark and
database, the data sets, the before-and-after records of fixes, and what did not run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import main as bench_main
from bench import report
from bench.harness import Result, Target, Timing


def _result(id: str, figure: float, database: str | None = "sqlite") -> dict[str, object]:
    return Result(
        id=id,
        title=id.replace(".", " "),
        figure=figure,
        unit="ms",
        target=Target("<=", 100, "ms"),
        database=database,
        timing=Timing((figure, figure)),
    ).as_dict()


def _write(tmp_path: Path, results: list[dict[str, object]], **extra: object) -> str:
    return report.write(
        results,
        datasets=extra.get("datasets", {}),  # type: ignore[arg-type]
        failures=extra.get("failures", []),  # type: ignore[arg-type]
        seconds=1.0,
        results_path=tmp_path / "results.json",
        summary_path=tmp_path / "summary.md",
    )


def test_a_later_run_replaces_the_same_figure_and_keeps_the_others(tmp_path: Path) -> None:
    _write(tmp_path, [_result("b5.letter.pdf", 90), _result("b2.check", 50)])
    _write(tmp_path, [_result("b5.letter.pdf", 120), _result("b2.check", 70, "postgresql")])

    data = json.loads((tmp_path / "results.json").read_text())
    figures = {(r["id"], r["database"]): r["figure"] for r in data["results"]}

    assert figures == {
        ("b5.letter.pdf", "sqlite"): 120,
        ("b2.check", "sqlite"): 50,
        ("b2.check", "postgresql"): 70,
    }


def test_the_summary_marks_a_missed_target_and_names_what_did_not_run(tmp_path: Path) -> None:
    text = _write(
        tmp_path,
        [_result("b5.letter.pdf", 120), _result("b5.letter.docx", 30)],
        failures=["b4_web (sqlite): exit 1"],
    )

    pdf_line = next(line for line in text.splitlines() if "b5 letter pdf" in line)
    docx_line = next(line for line in text.splitlines() if "b5 letter docx" in line)
    assert pdf_line.endswith("| **no** |")
    assert docx_line.endswith("| yes |")
    assert "b4_web (sqlite): exit 1" in text
    assert (tmp_path / "summary.md").read_text().strip() == text.strip()


def test_the_data_sets_are_described_with_their_size_and_time(tmp_path: Path) -> None:
    manifest = {
        "seconds": 321.0,
        "size_bytes": 3 * 1024**3,
        "counts": {
            "areas": 318,
            "incidents": 1_000_000,
            "cases": 75_000,
            "letters": 9,
            "events": 8,
        },
    }

    text = _write(tmp_path, [], datasets={"sqlite": manifest})

    assert "| sqlite | 318 | 1,000,000 | 75,000 | 9 | 8 | 321 s | 3,072 MiB |" in text


def test_every_recorded_fix_reaches_the_results(tmp_path: Path) -> None:
    fixes = report.fixes()
    data_text = _write(tmp_path, [])
    data = json.loads((tmp_path / "results.json").read_text())

    assert data["fixes"] == fixes
    for fix in fixes:
        assert fix["benchmark"] in data_text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--only", "b9_nothing"], "unknown benchmark(s): b9_nothing"),
        (["--scale", "0"], "--scale must be more than 0 and at most 1"),
        (["--scale", "2"], "--scale must be more than 0 and at most 1"),
    ],
)
def test_the_orchestrator_refuses_what_it_cannot_run(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench_main.main(argv)

    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_every_benchmark_in_the_plan_is_a_module_with_a_main() -> None:
    import importlib

    for module, vendor, needs in bench_main.PLAN:
        loaded = importlib.import_module(f"bench.{module}")
        assert callable(loaded.main), module
        assert vendor in (None, "sqlite", "postgresql")
        assert needs in (None, "national", "scratch")
