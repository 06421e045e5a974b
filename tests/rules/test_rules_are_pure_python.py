"""The rules engine imports nothing from Django, so it runs anywhere (bench, scripts, tests)."""

import ast
from pathlib import Path

import casereview.rules

RULES = Path(casereview.rules.__file__).parent


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_module_of_the_rules_engine_imports_django():
    offenders = {
        f"{path.name}: {module}"
        for path in RULES.glob("*.py")
        for module in imported_modules(path)
        if module == "django"
        or module.startswith(("django.", "ninja"))
        or (module.startswith("casereview.") and not module.startswith("casereview.rules"))
    }
    assert offenders == set()
    assert len(list(RULES.glob("*.py"))) >= 6
