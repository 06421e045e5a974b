"""The second-report duty (owned by the duties part)."""

from __future__ import annotations

from collections.abc import Sequence

from casereview.partners.models import Incident


def raise_second_report_prompts(incidents: Sequence[Incident]) -> None:
    """Raise a prompt for each of ``incidents`` that is its victim's second report in six months."""
    raise NotImplementedError("built by the duties part of issue 6")
