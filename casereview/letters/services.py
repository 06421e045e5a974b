"""Writing a case's letters, and the only code that changes a stored letter's delivery record.

``write_letters(case, step)`` decides which letters a step of the case causes (``plan_letters``),
renders each one (its kind's template, or the area's own wording for that kind when the area
supplies one) to HTML, PDF and Word, and stores it as a ``Letter`` with a key unique within the
case. A letter whose key is already stored is not written again, so running it twice (a worker
retrying, a step's side effect run again) writes nothing new.

Restricted data: a victim-facing letter's template never receives the restricted fields
(``casereview.letters.context``), and after rendering the text is checked against them anyway
(``restricted_values``: the people alleged responsible, every meeting's proportionality
assessment, and the actions the victim may not see); a letter that contains one is refused
with ``RestrictedDataInLetter`` and not stored.

Letters about the review and appeals carry the meeting or appeal in their key
(``outcome:1``, ``appeal_received:7``, ``meeting_invitation:1:202603161400`` with the meeting's
time, so a meeting moved to another time gets a new invitation), and a threshold decision taken
again after an upheld appeal gets letters of its own (``ct3:2``).

A recipient the case holds neither a postal address nor an e-mail address for cannot be written
to: no letter is stored for them (one stored without a way to deliver it would wait forever in
no queue), a warning is logged, and ``WriteResult.unreachable`` names them to the caller.
``unreachable_recipients(case)`` answers the same question for the case page at any time.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import select_template
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.appeals.models import Appeal, AppealStatus
from casereview.areas.selectors import relevant_bodies
from casereview.audit.log import record_batch
from casereview.cases.models import Case
from casereview.cases.step_support import check_actor
from casereview.cases.workflow import Step
from casereview.letters import recipients
from casereview.letters.context import letter_context, subject
from casereview.letters.models import (
    Delivery,
    DeliveryStatus,
    Letter,
    LetterKind,
)
from casereview.letters.recipients import Addressee
from casereview.letters.rendering import html_to_docx, html_to_pdf
from casereview.partners.models import InformationRequest
from casereview.reviews.models import Action, Meeting

logger = logging.getLogger(__name__)

TEMPLATE_ENGINE = "jinja2"

# The steps that cause letters; the effect handler registers for exactly these.
LETTER_STEPS: tuple[str, ...] = (
    Step.ACKNOWLEDGE,
    Step.SCREEN_OUT,
    Step.DECLINE_REPEAT,
    Step.REQUEST_INFORMATION,
    Step.DECIDE_THRESHOLD_NOT_MET,
    Step.DECIDE_THRESHOLD_MET,
    Step.WITHDRAW,
    Step.CLOSE,
    Step.SCHEDULE_MEETING,
    Step.RECORD_VICTIM_VOICE,
    Step.SEND_OUTCOME,
    Step.FINALISE_PLAN,
    Step.LODGE_APPEAL,
    Step.SEND_APPEAL_OUTCOME,
)


class RestrictedDataInLetter(Exception):
    """A victim-facing letter or e-mail whose text contains restricted data about the case."""

    def __init__(self, case: Case, key: str, field_name: str) -> None:
        self.case_reference = case.reference
        self.key = key
        self.field_name = field_name
        super().__init__(
            f"Letter {key} of case {case.reference} contains restricted data ({field_name}); "
            "it was not stored or sent."
        )


class LetterNotPostable(Exception):
    """Marking as posted a letter that is not waiting to be posted."""


class LetterNotResendable(Exception):
    """Trying again a letter whose e-mail has not failed."""


@dataclass(frozen=True)
class PlannedLetter:
    """One letter a step causes: its key in the case, kind and recipient."""

    key: str
    kind: str
    to: Addressee
    request: InformationRequest | None = None
    # A copy to the applicant of a letter to the victim.
    is_copy: bool = False
    # The review meeting or the appeal the letter is about.
    meeting: Meeting | None = None
    appeal: Appeal | None = None


@dataclass
class WriteResult:
    written: list[Letter] = field(default_factory=list)
    unreachable: list[PlannedLetter] = field(default_factory=list)


def _to_victim_and_applicant(
    case: Case,
    kind: str,
    *,
    key: str = "",
    meeting: Meeting | None = None,
    appeal: Appeal | None = None,
) -> list[PlannedLetter]:
    """A letter to the victim (keyed ``key``, the kind by default) and, when someone applied
    for them, its copy to the applicant."""
    key = key or kind
    letters = [PlannedLetter(key, kind, recipients.victim(case), meeting=meeting, appeal=appeal)]
    applicant = recipients.applicant(case)
    if applicant is not None:
        letters.append(
            PlannedLetter(
                f"{key}:applicant", kind, applicant, is_copy=True, meeting=meeting, appeal=appeal
            )
        )
    return letters


def _meeting_invitation(case: Case) -> list[PlannedLetter]:
    """An invitation to the first part of the latest meeting, when the victim chose to attend
    and it has not been held. The key holds the meeting's time: arranged again for another
    time, it is a new letter; arranged again at the same time (a new panel), it is not."""
    meeting = case.meetings.order_by("-number").first()
    if meeting is None or not meeting.victim_invited or meeting.held_on is not None:
        return []
    starts = timezone.localtime(meeting.starts_at)
    key = f"{LetterKind.MEETING_INVITATION}:{meeting.number}:{starts:%Y%m%d%H%M}"
    return _to_victim_and_applicant(case, LetterKind.MEETING_INVITATION, key=key, meeting=meeting)


def _about_meeting(case: Case, kind: str, sent: str) -> list[PlannedLetter]:
    """A letter about the latest meeting, once its ``sent`` date field is set."""
    meeting = case.meetings.order_by("-number").first()
    if meeting is None or getattr(meeting, sent) is None:
        return []
    return _to_victim_and_applicant(case, kind, key=f"{kind}:{meeting.number}", meeting=meeting)


def _about_appeal(case: Case, kind: str, appeal: Appeal | None) -> list[PlannedLetter]:
    if appeal is None:
        return []
    return _to_victim_and_applicant(case, kind, key=f"{kind}:{appeal.pk}", appeal=appeal)


def _decision_suffix(case: Case) -> str:
    """Empty for the first threshold decision; ``:2`` and so on for a decision taken again
    after an upheld appeal, which is told in letters of its own."""
    decisions = case.events.filter(
        step__in=(Step.DECIDE_THRESHOLD_MET, Step.DECIDE_THRESHOLD_NOT_MET)
    ).count()
    return f":{decisions}" if decisions > 1 else ""


def _decision_notices(case: Case) -> list[PlannedLetter]:
    suffix = _decision_suffix(case)
    return [
        PlannedLetter(
            f"{LetterKind.DECISION_NOTICE}:{body.code}{suffix}",
            LetterKind.DECISION_NOTICE,
            recipients.agency(body),
        )
        for body in relevant_bodies(case.area)
    ]


def _decision_letters(case: Case, kind: str) -> list[PlannedLetter]:
    key = f"{kind}{_decision_suffix(case)}"
    return _to_victim_and_applicant(case, kind, key=key) + _decision_notices(case)


def plan_letters(case: Case, step: str) -> list[PlannedLetter]:
    """The letters ``step`` causes for ``case`` as it is now (whether or not already written)."""
    if step == Step.ACKNOWLEDGE:
        planned = [PlannedLetter(LetterKind.CT1, LetterKind.CT1, recipients.victim(case))]
        applicant = recipients.applicant(case)
        if applicant is not None:
            planned.append(PlannedLetter(LetterKind.CT2, LetterKind.CT2, applicant))
        return planned
    if step == Step.SCREEN_OUT:
        kind = LetterKind.NOT_SUITABLE
        return [PlannedLetter(kind, kind, recipients.applicant_or_victim(case))]
    if step == Step.DECLINE_REPEAT:
        kind = LetterKind.DECLINED
        return [PlannedLetter(kind, kind, recipients.applicant_or_victim(case))]
    if step == Step.REQUEST_INFORMATION:
        kind = LetterKind.INFORMATION_REQUEST
        return [
            PlannedLetter(
                f"{kind}:{request.agency.code}", kind, recipients.agency(request.agency), request
            )
            for request in case.information_requests.select_related("agency").order_by("pk")
        ]
    if step == Step.DECIDE_THRESHOLD_NOT_MET:
        return _decision_letters(case, LetterKind.CT3)
    if step == Step.DECIDE_THRESHOLD_MET:
        return _decision_letters(case, LetterKind.CT4)
    if step in (Step.WITHDRAW, Step.CLOSE):
        return _to_victim_and_applicant(case, LetterKind.CLOSURE)
    if step in (Step.SCHEDULE_MEETING, Step.RECORD_VICTIM_VOICE):
        return _meeting_invitation(case)
    if step == Step.SEND_OUTCOME:
        return _about_meeting(case, LetterKind.OUTCOME, "outcome_sent_on")
    if step == Step.FINALISE_PLAN:
        return _about_meeting(case, LetterKind.ACTION_PLAN, "plan_finalised_on")
    if step == Step.LODGE_APPEAL:
        return _about_appeal(case, LetterKind.APPEAL_RECEIVED, case.appeals.order_by("-pk").first())
    if step == Step.SEND_APPEAL_OUTCOME:
        concluded = case.appeals.filter(status=AppealStatus.CONCLUDED).order_by("-pk").first()
        return _about_appeal(case, LetterKind.APPEAL_OUTCOME, concluded)
    return []


def template_names(kind: str, gss_code: str) -> list[str]:
    """The area's own wording for ``kind`` first, then the kind's default."""
    return [f"letters/{kind}/areas/{gss_code}.html", f"letters/{kind}/letter.html"]


def render_html(case: Case, planned: PlannedLetter, language: str) -> str:
    """The letter as HTML in ``language``."""
    with translation.override(language):
        context = letter_context(
            case,
            planned.kind,
            planned.to,
            language=language,
            request=planned.request,
            is_copy=planned.is_copy,
            meeting=planned.meeting,
            appeal=planned.appeal,
        )
        template = select_template(
            template_names(planned.kind, case.area.gss_code), using=TEMPLATE_ENGINE
        )
        return template.render(context)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


# Restricted text of the review shorter than this is not looked for: an assessment answered
# "None." or "Yes" would otherwise refuse every letter with that ordinary word in it.
_SHORTEST_REVIEW_PIECE = 8


def _pieces(value: str, shortest: int) -> list[str]:
    """The whole of ``value`` and each of its lines, normalised, leaving out short fragments."""
    found = []
    for piece in [value, *value.splitlines()]:
        normal = _normalised(piece)
        if len(normal.strip(" .,;:")) >= shortest and normal not in found:
            found.append(normal)
    return found


def restricted_values(case: Case) -> list[tuple[str, str]]:
    """(field, text) pairs a victim-facing output must not contain, each as a whole value and
    line by line, so part of a list of names is caught too:

    - the case's restricted fields (``Case.RESTRICTED_FIELDS``, the people alleged responsible);
    - every meeting's perpetrator proportionality assessment (``Meeting.RESTRICTED_FIELDS``),
      named ``meeting.<field>``;
    - the description of every action the victim may not see, named ``hidden_action``. A line
      that is part of what an action the victim may see says is left out: that they may read.
    """
    found: list[tuple[str, str]] = []

    def add(name: str, value: str, shortest: int) -> None:
        for piece in _pieces(value, shortest):
            if (name, piece) not in found:
                found.append((name, piece))

    # Very short fragments ("Mr", "3") would match ordinary words of any letter.
    for name in Case.RESTRICTED_FIELDS:
        add(name, str(getattr(case, name) or ""), 4)
    for values in Meeting.objects.filter(case=case).values_list(*Meeting.RESTRICTED_FIELDS):
        for name, value in zip(Meeting.RESTRICTED_FIELDS, values, strict=True):
            add(f"meeting.{name}", value or "", _SHORTEST_REVIEW_PIECE)
    actions = Action.objects.filter(meeting__case=case)
    visible = {
        _normalised(text)
        for text in actions.filter(victim_may_see=True).values_list("description", flat=True)
    }
    for text in actions.filter(victim_may_see=False).values_list("description", flat=True):
        for piece in _pieces(text, _SHORTEST_REVIEW_PIECE):
            shown = any(piece in seen for seen in visible)
            if not shown and ("hidden_action", piece) not in found:
                found.append(("hidden_action", piece))
    return found


def restricted_field_shown(values: Sequence[tuple[str, str]], *texts: str) -> str | None:
    """The name of the first restricted value of ``values`` (from ``restricted_values``) that
    ``texts`` (HTML or plain) show, or None. HTML is unescaped first, so escaping cannot hide a
    match."""
    haystack = _normalised(" ".join(html.unescape(text) for text in texts))
    for name, value in values:
        if value in haystack:
            return name
    return None


def check_no_restricted_data(case: Case, key: str, *texts: str) -> None:
    """Raise ``RestrictedDataInLetter`` if any of ``texts`` shows restricted data of ``case``."""
    name = restricted_field_shown(restricted_values(case), *texts)
    if name is not None:
        raise RestrictedDataInLetter(case, key, name)


def letter_language(case: Case, to: Addressee) -> str:
    """Victim-facing letters follow the case's language; letters to relevant bodies are in
    English, the working language of their records."""
    return "en" if to.is_agency else case.language


def _store(case: Case, step: str, planned: PlannedLetter, delivery: str) -> Letter | None:
    """Render and store one letter; None when another worker stored it first."""
    to = planned.to
    language = letter_language(case, to)
    page = render_html(case, planned, language)
    if not to.is_agency:
        check_no_restricted_data(case, planned.key, page)
    with translation.override(language):
        title = subject(planned.kind, case.reference)
    letter = Letter(
        case=case,
        key=planned.key,
        kind=planned.kind,
        step=step,
        recipient=to.recipient,
        agency=to.agency,
        information_request=planned.request,
        language=language,
        recipient_name=to.name or _("Applicant"),
        recipient_address="\n".join(to.address_lines),
        recipient_email=to.email if delivery == Delivery.EMAIL else "",
        subject=title[:250],
        html=page,
        pdf=html_to_pdf(page),
        docx=html_to_docx(page),
        created_at=timezone.now(),
        delivery=delivery,
        status=DeliveryStatus.WAITING if delivery == Delivery.EMAIL else DeliveryStatus.TO_POST,
    )
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:
        logger.info("Letter %s of case %s was written by another worker", planned.key, case)
        return None
    return letter


def write_letters(case: Case, step: str, *, kinds: Collection[str] | None = None) -> WriteResult:
    """Write every letter ``step`` causes that is not yet stored (module docstring); only those
    of ``kinds`` when given.

    Each letter is stored on its own, so one refused letter (restricted data) does not stop the
    others; the first refusal is raised once the rest are written.
    """
    case = Case.objects.select_related("area", "policy", "spoc", "repeat_of").get(pk=case.pk)
    result = WriteResult()
    existing = set(case.letters.values_list("key", flat=True))
    refused: list[RestrictedDataInLetter] = []
    for planned in plan_letters(case, step):
        if planned.key in existing or (kinds is not None and planned.kind not in kinds):
            continue
        delivery = planned.to.delivery
        if delivery is None:
            logger.warning(
                "No letter %s for case %s: the %s has neither a postal nor an e-mail address",
                planned.key,
                case.reference,
                planned.to.recipient,
            )
            result.unreachable.append(planned)
            continue
        try:
            letter = _store(case, step, planned, delivery)
        except RestrictedDataInLetter as error:
            logger.error("%s", error)
            refused.append(error)
            continue
        if letter is not None:
            result.written.append(letter)
    if refused:
        raise refused[0]
    return result


def unreachable_recipients(case: Case, steps: Iterable[str] = LETTER_STEPS) -> list[PlannedLetter]:
    """Letters the case's steps would cause that cannot be written for want of any address."""
    return [
        planned
        for step in steps
        for planned in plan_letters(case, step)
        if planned.to.delivery is None and not planned.to.is_agency
    ]


def letter_mark_posted(letter: Letter, *, by: User, on: date | None = None) -> Letter:
    """Record that ``letter`` was printed and posted (by someone who may act on its case)."""
    check_actor(by, letter.case.area)
    on = on or timezone.localdate()
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        if letter.status == DeliveryStatus.POSTED:
            return letter
        if letter.status != DeliveryStatus.TO_POST:
            raise LetterNotPostable(
                _("Only a letter waiting to be posted can be marked as posted.")
            )
        letter.status = DeliveryStatus.POSTED
        letter.posted_on = on
        letter.posted_by = by
        letter.save(update_fields=["status", "posted_on", "posted_by"])
    return letter


def letter_retry(letter: Letter, *, by: User | None) -> Letter:
    """Put a letter whose e-mail failed back in the queue and send it again after commit."""
    # Imported here: the tasks module imports this one.
    from casereview.letters.tasks import send_letter

    if by is not None:
        check_actor(by, letter.case.area)
    with transaction.atomic():
        updated = Letter.objects.filter(pk=letter.pk, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.WAITING
        )
        if updated:  # a queryset update sends no signal: the retry is recorded here
            record_batch(
                None,
                letter.case.area_id,
                f"letters.letter {letter.pk} of {letter.case.reference} put back to send again",
                "letters.letter",
                case=letter.case,
            )
        if not updated:
            current = Letter.objects.get(pk=letter.pk)
            if current.status != DeliveryStatus.WAITING:
                raise LetterNotResendable(_("Only a letter whose e-mail failed can be sent again."))
        letter_id = letter.pk
        transaction.on_commit(lambda: send_letter.enqueue(letter_id))
    return Letter.objects.get(pk=letter.pk)


# Letters that still need their e-mail: never sent, or failed and put back by nobody yet.
_UNSENT = (DeliveryStatus.WAITING, DeliveryStatus.FAILED)


def unsent_emails(case: Case, step: str) -> list[int]:
    """The ids of the letters ``step`` caused on ``case`` that wait to be e-mailed."""
    return list(
        Letter.objects.filter(
            case=case, step=step, delivery=Delivery.EMAIL, status=DeliveryStatus.WAITING
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def record_attempt(letter_id: int) -> bool:
    """Count an attempt to e-mail a letter that is still unsent, and commit it before anything
    is sent: an attempt cut short by a killed worker stays counted (``attempts`` above the
    failures recorded), which is how a possible duplicate is told apart afterwards. False when
    the letter needs no e-mail (sent, posted, gone)."""
    with transaction.atomic():
        counted = Letter.objects.filter(pk=letter_id, status__in=_UNSENT).update(
            attempts=F("attempts") + 1
        )
    return bool(counted)


def claim_for_sending(letter_id: int) -> bool:
    """Lock a letter that is still unsent for the rest of the caller's transaction, in which
    the caller sends it and calls ``record_sent``. False when it was sent meanwhile. The lock is
    a conditional UPDATE, which waits for any other holder's commit and then re-reads the row,
    on SQLite and PostgreSQL alike: two workers never both send a letter."""
    return bool(Letter.objects.filter(pk=letter_id, status__in=_UNSENT).update(status=F("status")))


def record_sent(letter_id: int) -> None:
    Letter.objects.filter(pk=letter_id).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), failure=""
    )


def record_failure(letter_id: int, failure: str) -> None:
    """Record a failed attempt, unless another task sent the letter meanwhile: a failure to
    connect of a duplicate task must not mark a delivered letter failed."""
    Letter.objects.filter(pk=letter_id, status__in=_UNSENT).update(
        status=DeliveryStatus.FAILED, failure=failure
    )
