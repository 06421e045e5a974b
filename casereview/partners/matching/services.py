"""Cross-agency matching of incidents and victims (owned by the matching part)."""

from __future__ import annotations

from collections.abc import Sequence

from casereview.partners.models import Incident


def propose_matches(incidents: Sequence[Incident]) -> None:
    """Propose links between ``incidents`` (and their victims) and other agencies' records."""
    raise NotImplementedError("built by the matching part of issue 6")
