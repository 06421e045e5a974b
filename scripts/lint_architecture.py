#!/usr/bin/env python
"""Architectural rules that ruff and mypy cannot see. Run by `make lint`.

1. The rules engine (casereview/rules) is pure Python: it imports neither Django nor any other
   part of the project, so the law can be tested and reused on its own.
2. Views never query case data directly: models of the case-data apps are read through the
   scoping function and selectors, so every read is limited to what the caller may see.
3. HTML is never built in Python strings (f-strings or format calls with markup); it lives in
   Jinja templates where autoescaping applies.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "casereview"
# Apps whose models hold case data; views must go through casereview.accounts.scoping.
CASE_DATA_APPS = {
    "cases",
    "partners",
    "reviews",
    "appeals",
    "audit",
    "publishing",
    "pledge",
    "privacy",
}
MARKUP = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|</[a-zA-Z][a-zA-Z0-9-]*>")


def python_files(base: Path) -> Iterator[Path]:
    for path in sorted(base.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def check_rules_engine_is_pure(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in python_files(package / "rules"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for line, module in imported_modules(tree):
            top = module.split(".")[0]
            if top == "django" or (
                top == "casereview" and not module.startswith("casereview.rules")
            ):
                problems.append(
                    f"{path.relative_to(package.parent)}:{line}: the rules engine must not import {module}"
                )
    return problems


def is_view_module(path: Path) -> bool:
    return path.name == "views.py" or path.parent.name == "views"


def check_views_use_scoping(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in python_files(package):
        if not is_view_module(path):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        case_models: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if len(parts) == 3 and parts[0] == "casereview" and parts[1] in CASE_DATA_APPS:
                    # Only the models module holds case data; its names are what views may not query.
                    case_models.update(
                        alias.asname or alias.name for alias in node.names if parts[2] == "models"
                    )
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "objects"
                and isinstance(node.value, ast.Name)
                and node.value.id in case_models
            ):
                problems.append(
                    f"{path.relative_to(package.parent)}:{node.lineno}: views must read {node.value.id} "
                    f"through casereview.accounts.scoping, not {node.value.id}.objects"
                )
    return problems


def check_no_html_in_python(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in python_files(package):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            text = None
            if isinstance(node, ast.JoinedStr):
                text = "".join(
                    part.value
                    if isinstance(part, ast.Constant) and isinstance(part.value, str)
                    else "{}"
                    for part in node.values
                )
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Constant)
                and isinstance(node.func.value.value, str)
            ):
                text = node.func.value.value
            if text and MARKUP.search(text):
                problems.append(
                    f"{path.relative_to(package.parent)}:{getattr(node, 'lineno', 0)}: "
                    "HTML built in a Python string; "
                    "use a Jinja template"
                )
    return problems


def main() -> int:
    problems = check_rules_engine_is_pure() + check_views_use_scoping() + check_no_html_in_python()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} architecture problem(s).")
        return 1
    print("Architecture lint: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
