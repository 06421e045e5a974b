"""The JSON Schemas of the open data, kept as files in ``schema/`` (served as they are at
``/statistics/schema/<name>.json`` and described in docs/open-data.md).

The files are the published contract: a change that could break a reader (a field removed,
renamed or given another type or meaning, a code changed) is a new schema version in a new file,
never an edit of an old one.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

# Name in the address -> what it describes.
RELEASE_V1 = "release-v1"
NATIONAL_V1 = "national-v1"
SCHEMA_NAMES = (RELEASE_V1, NATIONAL_V1)


def schema_path(name: str) -> Path | None:
    """The file of schema ``name``, or None for a name that is not one of ours."""
    return SCHEMA_DIR / f"{name}.json" if name in SCHEMA_NAMES else None


@cache
def load_schema(name: str) -> dict[str, Any]:
    path = schema_path(name)
    if path is None:
        raise KeyError(name)
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema
