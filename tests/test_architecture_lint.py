"""The architecture lint (scripts/lint_architecture.py) holds for the project and catches breaches."""

from pathlib import Path

from scripts import lint_architecture as lint


def write(base: Path, relative: str, text: str) -> None:
    path = base / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_project_passes_its_architecture_lint():
    assert lint.main() == 0


def test_a_django_import_in_the_rules_engine_is_reported(tmp_path):
    package = tmp_path / "casereview"
    write(package, "rules/threshold.py", "from django.db import models\n")
    problems = lint.check_rules_engine_is_pure(package)
    assert len(problems) == 1
    assert "must not import django.db" in problems[0]


def test_a_view_reading_case_data_directly_is_reported(tmp_path):
    package = tmp_path / "casereview"
    write(
        package,
        "cases/views.py",
        "from casereview.cases.models import Case\n\ndef show(request):\n    return Case.objects.all()\n",
    )
    problems = lint.check_views_use_scoping(package)
    assert len(problems) == 1
    assert "Case.objects" in problems[0]


def test_html_built_in_an_f_string_is_reported(tmp_path):
    package = tmp_path / "casereview"
    write(package, "core/presenters.py", 'def cell(name):\n    return f"<td>{name}</td>"\n')
    problems = lint.check_no_html_in_python(package)
    assert len(problems) == 1
    assert "HTML built in a Python string" in problems[0]


def test_comparisons_with_less_than_are_not_mistaken_for_markup(tmp_path):
    package = tmp_path / "casereview"
    write(package, "core/maths.py", 'def say(a, b):\n    return f"{a} < {b} and {b} > 0"\n')
    assert lint.check_no_html_in_python(package) == []
