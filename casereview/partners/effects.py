"""What follows new or changed incident data, whichever way it arrived (API, CSV import).

``after_incidents_saved`` is called by the ingest service (``casereview.partners.ingest``) inside
its transaction, with the incidents it created or changed: it proposes cross-agency matches for
them and their victims (``casereview.partners.matching.services``) and raises the second-report
prompts they call for (``casereview.partners.duties.second_report``).
"""

from __future__ import annotations

from collections.abc import Sequence

from casereview.partners.duties.second_report import raise_second_report_prompts
from casereview.partners.matching.services import IncidentFacts, propose_matches


def after_incidents_saved(incidents: Sequence[IncidentFacts]) -> None:
    """``incidents``: model instances, or the ingest service's rows (the same facts)."""
    if not incidents:
        return
    propose_matches(incidents)
    raise_second_report_prompts(incidents)
