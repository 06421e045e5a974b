"""Building complaints for the threshold tests."""

from datetime import date

from casereview.rules import Complaint, ComplaintKind


def complaint(
    cid: str,
    behaviour: date,
    reported: date | None = None,
    *,
    agency: str = "police",
    incident: str = "",
    kind: ComplaintKind = ComplaintKind.COMPLAINT,
) -> Complaint:
    return Complaint(
        id=cid,
        behaviour_date=behaviour,
        reported_date=reported or behaviour,
        agency=agency,
        incident=incident,
        kind=kind,
    )
