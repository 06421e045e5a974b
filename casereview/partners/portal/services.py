"""What an agency representative does in the portal beyond answering requests (which is the
case step ``partners.services.information_response_record``): answering a panel invitation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.cases.step_support import Problems, check_actor
from casereview.core.formatting import govuk_datetime
from casereview.reviews.models import InvitationResponse, PanelMember


def panel_respond(member: PanelMember, *, by: User, accepted: bool, note: str = "") -> PanelMember:
    """Record the agency's answer to its invitation to sit on a review panel.

    Only a representative of the seat's agency in the case's area may answer; the answer can
    change until the meeting starts, and is refused after that (the meeting has happened, or is
    happening, without it). Declining needs a reason, so that the coordinator can find someone
    else or move the meeting. Answering the same way again with the same note changes nothing.
    """
    with transaction.atomic():
        member = (
            PanelMember.objects.select_for_update(of=("self",))
            .select_related("agency", "meeting", "meeting__case", "meeting__case__area")
            .get(pk=member.pk)
        )
        meeting = member.meeting
        if member.agency is None:
            # Another organisation's seat: no representative in the service can answer it.
            raise PermissionDenied(_("Only the agency invited can answer this invitation."))
        check_actor(by, meeting.case.area, roles=(), agency=member.agency)
        problems = Problems()
        closed = why_closed(member)
        if closed:
            problems.add("response", closed)
        if not accepted and not note.strip():
            problems.add("note", _("Say why the agency cannot attend."))
        problems.raise_if_any()

        response = InvitationResponse.ACCEPTED if accepted else InvitationResponse.DECLINED
        if member.response == response and member.response_note == note.strip():
            return member
        member.response = response
        member.response_note = note.strip()
        member.responded_at = timezone.now()
        member.responded_by = by
        member.save(update_fields=["response", "response_note", "responded_at", "responded_by"])
    return member


def why_closed(member: PanelMember) -> str:
    """Why the invitation can no longer be answered (the meeting has started); empty while it
    can."""
    meeting = member.meeting
    if meeting.held_on is None and timezone.now() < meeting.starts_at:
        return ""
    return _(
        "The meeting started on %(when)s: the invitation can no longer be answered. Contact "
        "the case's coordinator."
    ) % {"when": govuk_datetime(meeting.starts_at)}
