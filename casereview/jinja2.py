"""The Jinja2 environment for every page (placeholder until the front-end lands)."""

from typing import Any

from jinja2 import Environment


def environment(**options: Any) -> Environment:
    return Environment(**options)
