"""Reads of published releases for the public pages and open data."""

from __future__ import annotations

from casereview.areas.models import Area
from casereview.publishing.models import Release


def latest_area_release(area: Area) -> Release | None:
    """The area's most recently published release of any period, or None."""
    return None
