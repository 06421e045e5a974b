"""The national open data document, built from the areas' published documents.

Schema version 1 (``schema/national-v1.json``, described in docs/open-data.md). Only the four
statutory counts are summed: breakdowns are not, because a suppressed cell cannot be added up, and
an exact national breakdown could be differenced against the areas' published cells to reveal the
very small numbers the areas withheld.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from casereview.publishing.figures import STATUTORY_KEYS
from casereview.publishing.periods import Period

SCHEMA_VERSION = 1

# The keys of an area's entry in the national document, taken from its release document.
_AREA_KEYS = ("gss_code", "name", "slug", "nation")


def national_document(
    period: Period, area_documents: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """The national document of ``period`` from the latest published document of each area
    (one per area; the caller picks the latest revision). Areas are listed by name."""
    documents = sorted(area_documents, key=lambda d: (d["area"]["name"], d["area"]["gss_code"]))
    return {
        "schema_version": SCHEMA_VERSION,
        "period": period.to_dict(),
        "areas_published": len(documents),
        "statutory": {
            key: sum(int(d["statutory"][key]) for d in documents) for key in STATUTORY_KEYS
        },
        "areas": [
            {
                **{key: d["area"][key] for key in _AREA_KEYS},
                "revision": d["revision"],
                "published_on": d["published_on"],
                "statutory": {key: d["statutory"][key] for key in STATUTORY_KEYS},
            }
            for d in documents
        ],
    }
