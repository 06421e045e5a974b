"""Message extraction that understands Jinja2 templates.

Django's ``makemessages`` reads every non-Python file as a *Django* template, whose lexer only
sees tags written on one line and knows nothing of Jinja's ``{% trans %}``; strings inside a
multi-line ``{{ govukButton({...}) }}`` call are silently missed. Here templates in a ``jinja2/``
folder are read by Jinja's own extractor instead (the same one Babel uses), and each message is
written out as a ``gettext(...)`` call on its original line for xgettext; any other template goes
through Django's usual path.

Run it as ``manage.py makemessages`` once ``casereview/core/management/commands/makemessages.py``
re-exports :class:`Command`, or directly::

    DEBUG=1 .venv/bin/python -m casereview.core.i18n -l cy
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.commands.makemessages import BuildFile
from django.core.management.commands.makemessages import Command as MakeMessagesCommand
from jinja2.ext import babel_extract

# The folders no one translates: the virtualenv, npm's packages and the built assets, runtime data.
IGNORED = [".venv", "frontend", "var", "node_modules"]
# How many leading arguments of each function are message strings (context included).
_STRING_ARGUMENTS = {"_": 1, "gettext": 1, "ngettext": 2, "pgettext": 2, "npgettext": 3}


def _literal(text: str | None) -> str:
    # A JSON string is also a valid Python string literal, which is what xgettext reads.
    return json.dumps(text or "", ensure_ascii=False)


def jinja_messages_as_python(source: str) -> str:
    """The template's translatable strings as Python calls, each on the line it came from."""
    lines: list[list[str]] = [[] for _ in range(source.count("\n") + 1)]
    with_extensions = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
    found = babel_extract(
        io.BytesIO(source.encode("utf-8")),
        keywords=("_", "gettext", "ngettext", "pgettext", "npgettext"),
        comment_tags=(),
        options=with_extensions,
    )
    for lineno, function, message, _comments in found:
        parts = message if isinstance(message, tuple) else (message,)
        # Only the message strings matter: a plural's count is a variable, reported as None.
        parts = parts[: _STRING_ARGUMENTS.get(function, 1)]
        if any(part is None for part in parts):
            # A computed message (``_(variable)``) cannot be extracted; its text comes from Python.
            continue
        literals = ", ".join(_literal(part) for part in parts)
        if function in {"ngettext", "npgettext"}:
            literals += ", 1"
        name = "gettext" if function == "_" else function
        lines[min(lineno, len(lines)) - 1].append(f"{name}({literals})")
    return "\n".join("; ".join(calls) for calls in lines) + "\n"


def is_jinja_template(path: str) -> bool:
    return "jinja2" in Path(path).parts and not path.endswith(".py")


class JinjaAwareBuildFile(BuildFile):
    def preprocess(self) -> None:
        if not (self.is_templatized and is_jinja_template(self.path)):
            super().preprocess()
            return
        source = Path(self.path).read_text(encoding="utf-8")
        Path(self.work_path).write_text(jinja_messages_as_python(source), encoding="utf-8")


class Command(MakeMessagesCommand):
    build_file_class = JinjaAwareBuildFile

    def handle(self, *args: Any, **options: Any) -> None:
        options["ignore_patterns"] = [*(options.get("ignore_patterns") or []), *IGNORED]
        # Jinja templates end in .html; Django's default (html, txt, py) already covers them.
        super().handle(*args, **options)


if __name__ == "__main__":  # pragma: no cover - a command-line entry point
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casereview.settings")
    django.setup()
    Command().run_from_argv(["manage.py", "makemessages", *sys.argv[1:]])
