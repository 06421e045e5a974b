"""What will they see: every page and document one audience gets of a case, rendered as they
get it, and what of the case was left out of them.

Nothing here is a second copy of those pages. Each one is produced by the code that produces
it for real: the tracking page from ``public/track/case.html`` with ``progress_of`` and
``available_actions``; stored letters exactly as they were sent; review documents from
``reviews.documents.document_html``; the agency portal's pages from its own templates and
presenters; the panel's invitation e-mail from ``reviews.tasks.invitation``. Pages are
rendered whole and their ``<main>`` is kept, so what a layout adds around them is left out.

What was removed is then found in what those pages actually say, not in a list of what they
are supposed to say. For each item of the case's personal and restricted data that has a value
(``PERSONAL_FIELDS`` and every value ``letters.services.restricted_values`` lists), the rendered
text is searched the way ``restricted_field_shown`` searches a victim's letter: an item found
nowhere was removed for this audience. For the victim, a restricted value that *is* found is a
leak, and the preview says so loudly instead of listing it as removed.

Building a preview sends nothing and writes nothing: every call made here is a read or a render.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.template import engines
from django.template.backends.jinja2 import Jinja2
from django.template.backends.utils import csrf_input_lazy, csrf_token_lazy
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markupsafe import Markup

from casereview.areas.models import Agency
from casereview.cases.models import Case
from casereview.cases.previews import selectors
from casereview.cases.workflow import Step, allowed_steps
from casereview.core.formatting import govuk_date
from casereview.letters.models import Letter, LetterKind, Recipient
from casereview.letters.recipients import Addressee
from casereview.letters.services import (
    LETTER_STEPS,
    RestrictedDataInLetter,
    _pieces,
    plan_letters,
    restricted_field_shown,
    restricted_values,
)
from casereview.partners.portal import forms as portal_forms
from casereview.partners.portal.presenters import group_by_agency, invitation_status
from casereview.partners.portal.services import why_closed
from casereview.partners.portal.views import request_page_context
from casereview.public.track import selectors as track_selectors
from casereview.public.track.progress import progress_of
from casereview.public.victim.actions import available_actions
from casereview.reviews import documents
from casereview.reviews import tasks as review_tasks
from casereview.reviews.models import Meeting
from casereview.reviews.services import latest_meeting

VICTIM = "victim"
PARTNER = "partner"
PANEL = "panel"
AUDIENCES: tuple[str, ...] = (VICTIM, PARTNER, PANEL)

# The case's personal data, as each audience might be shown it. A list of what to look for in
# the rendered pages, not of what is left out of them: that is found in the pages themselves.
PERSONAL_FIELDS: Mapping[str, Promise] = {
    "victim_name": gettext_lazy("the victim's name"),
    "victim_address": gettext_lazy("the victim's address"),
    "victim_postcode": gettext_lazy("the victim's postcode"),
    "victim_email": gettext_lazy("the victim's e-mail address"),
    "victim_phone": gettext_lazy("the victim's phone number"),
    "vulnerability_notes": gettext_lazy("the victim's vulnerability"),
    "support_needs": gettext_lazy("the victim's support needs"),
    "applicant_name": gettext_lazy("the applicant's name"),
    "applicant_address": gettext_lazy("the applicant's address"),
    "applicant_email": gettext_lazy("the applicant's e-mail address"),
    "applicant_phone": gettext_lazy("the applicant's phone number"),
    "consent_given_how": gettext_lazy("how the victim gave consent"),
    "alleged_responsible": gettext_lazy("the people alleged to be responsible"),
}

# Shorter values would be found inside ordinary words of any page (as in restricted_values).
_SHORTEST_VALUE = 4

# Why something is not in an audience's pages, when it is not restricted from them by rule.
_NOT_SEEN_BY: Mapping[str, Promise] = {
    VICTIM: gettext_lazy("the victim and the applicant do not see it"),
    PARTNER: gettext_lazy("partner agencies do not see it"),
    PANEL: gettext_lazy("the review panel does not see it"),
}


def restricted_label(name: str) -> str:
    """A restricted value's name (from ``restricted_values``) in words."""
    if name in PERSONAL_FIELDS:
        return str(PERSONAL_FIELDS[name])
    if name.startswith("meeting."):
        field_name = name.split(".", 1)[1]
        part = getattr(Meeting._meta.get_field(field_name), "verbose_name", field_name)
        return _("the panel's proportionality assessment (%(part)s)") % {"part": part}
    if name == "hidden_action":
        return _("actions of the plan that the victim may not see")
    return name


# --- The items of a preview ----------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One page, letter, document or e-mail as its audience gets it."""

    anchor: str
    kind: str  # "page", "letter", "document" or "e-mail", for the markers' wording
    title: str
    description: str
    language: str
    body: Markup = field(default_factory=Markup)
    # An e-mail: its subject and its text, paragraph by paragraph, each a tuple of lines.
    subject: str = ""
    paragraphs: tuple[tuple[str, ...], ...] = ()
    # Why the real code refused to produce it (it would have shown restricted data).
    withheld: str = ""
    # Restricted data this item shows although its audience must never see it.
    leaks: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Everything the audience reads in it, for finding what it shows."""
        lines = [line for paragraph in self.paragraphs for line in paragraph]
        return " ".join([str(self.body), self.subject, *lines])


@dataclass(frozen=True)
class Removal:
    name: str
    what: str
    why: str
    restricted: bool


@dataclass(frozen=True)
class PlannedLine:
    """A letter a next step of the case would send, not yet written."""

    step: str
    letter: str
    to: str


@dataclass(frozen=True)
class Preview:
    audience: str
    audience_label: str
    items: list[Item]
    removed: list[Removal] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    planned: list[PlannedLine] = field(default_factory=list)


def _inner(page: str, tag: str) -> Markup:
    """What is inside ``page``'s first ``<tag>`` (all of it when there is none). The page was
    rendered by our own autoescaping templates, so it is trusted markup, kept as it is."""
    start = page.find(f"<{tag}")
    if start == -1:
        return Markup(page)
    opened = page.find(">", start) + 1
    closed = page.rfind(f"</{tag}>")
    return Markup(page[opened : closed if closed != -1 else len(page)])


def render_page(request: HttpRequest, template_name: str, context: Mapping[str, Any]) -> Markup:
    """The ``<main>`` of a real page, rendered with its own template and ``context``.

    Rendered with the Jinja environment directly rather than through ``render_to_string``, so
    that the staff member's pending messages are not shown (and used up) inside someone else's
    page: ``messages`` is empty here, the other context processors run as they do for a page.
    """
    engine = engines["jinja2"]
    assert isinstance(engine, Jinja2)
    full: dict[str, Any] = {
        "request": request,
        "csrf_input": csrf_input_lazy(request),
        "csrf_token": csrf_token_lazy(request),
    }
    for processor in engine.template_context_processors:
        full.update(processor(request))
    full["messages"] = []
    full.update(context)
    return _inner(engine.env.get_template(template_name).render(full), "main")


def _letter_item(letter: Letter, number: int) -> Item:
    return Item(
        anchor=f"letter-{number}",
        kind="letter",
        title=letter.get_kind_display(),
        description=_("Written %(day)s to %(name)s (%(recipient)s), %(delivery)s: %(status)s.")
        % {
            "day": govuk_date(timezone.localdate(letter.created_at)),
            "name": letter.recipient_name,
            "recipient": letter.get_recipient_display(),
            "delivery": letter.get_delivery_display(),
            "status": letter.get_status_display(),
        },
        language=letter.language,
        body=_inner(letter.html, "body"),
    )


def _document_items(case: Case, audience: str) -> list[Item]:
    items = []
    for spec in documents.available_documents(case):
        if spec.audience != audience or not spec.available:
            continue
        title = _("%(title)s (%(audience)s's version)") % {
            "title": spec.title,
            "audience": spec.audience_label,
        }
        description = _("Produced from the case as it is now, whenever it is downloaded or sent.")
        language = documents.document_language(case, audience)
        anchor = f"document-{spec.kind}"
        try:
            html = documents.document_html(case, spec.kind, audience)
        except RestrictedDataInLetter as refused:
            withheld = _(
                "Not produced: it would show %(what)s, so it cannot be downloaded or sent until "
                "the case's record is corrected."
            ) % {"what": restricted_label(refused.field_name)}
            items.append(Item(anchor, "document", title, description, language, withheld=withheld))
            continue
        items.append(Item(anchor, "document", title, description, language, _inner(html, "body")))
    return items


def _planned(case: Case, wanted: Callable[[Addressee], bool]) -> list[PlannedLine]:
    """Letters the steps the case may take next would write, that are not written yet."""
    written = selectors.stored_letter_keys(case)
    steps = dict(Step.choices)
    lines = []
    for step in allowed_steps(case.status):
        if step not in LETTER_STEPS:
            continue
        for planned in plan_letters(case, step):
            if planned.key in written or not wanted(planned.to):
                continue
            lines.append(
                PlannedLine(
                    step=str(steps.get(step, step)),
                    letter=str(LetterKind(planned.kind).label),
                    to=planned.to.name or str(Recipient(planned.to.recipient).label),
                )
            )
    return lines


# --- What was removed ----------------------------------------------------------------------------


def _parts(value: str) -> list[str]:
    """The pieces of ``value`` to look for: the whole, each line, and each part of a line
    between commas (letters set an address out one part per line). Finding any one of them
    counts as showing the value, so nothing is said to be removed that is shown in part."""
    found = _pieces(value, _SHORTEST_VALUE)
    for line in value.splitlines():
        for part in line.split(","):
            found += [piece for piece in _pieces(part, _SHORTEST_VALUE) if piece not in found]
    return found


def _candidates(case: Case) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each item of personal or restricted data the case holds, with its pieces to look for."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name in PERSONAL_FIELDS:
        pieces = _parts(str(getattr(case, name) or ""))
        if pieces:
            found[name] = [(name, piece) for piece in pieces]
    for name, piece in restricted_values(case):
        found.setdefault(name, [])
        if (name, piece) not in found[name]:
            found[name].append((name, piece))
    return [(name, pieces) for name, pieces in found.items() if pieces]


def _finish(
    case: Case,
    audience: str,
    label: str,
    items: list[Item],
    planned: list[PlannedLine],
) -> Preview:
    restricted = restricted_values(case)
    restricted_names = {name for name, _piece in restricted}
    # Only the victim and the applicant are kept from restricted data by rule.
    guarded = audience == VICTIM
    if guarded:
        checked = []
        for item in items:
            shown = restricted_field_shown(restricted, item.text)
            if shown is not None:
                item = dataclasses.replace(item, leaks=(restricted_label(shown),))
            checked.append(item)
        items = checked
    texts = [item.text for item in items]
    removed: list[Removal] = []
    leaks: list[str] = []
    for name, pieces in _candidates(case):
        is_restricted = guarded and name in restricted_names
        if restricted_field_shown(pieces, *texts) is not None:
            if is_restricted:
                leaks.append(restricted_label(name))
            continue
        why = (
            _("restricted: never shown to the victim or the applicant")
            if is_restricted
            else str(_NOT_SEEN_BY[audience])
        )
        removed.append(Removal(name, restricted_label(name), why, is_restricted))
    removed.sort(key=lambda removal: not removal.restricted)
    return Preview(audience, label, items, removed, leaks, planned)


# --- The three audiences -------------------------------------------------------------------------


def victim_preview(request: HttpRequest, case: Case) -> Preview:
    """The tracking page, every letter to the victim or the applicant, and the victim's
    versions of the review documents, each in the case's language as they get it."""
    with translation.override(case.language):
        progress = progress_of(case)
        tracking = render_page(
            request,
            "public/track/case.html",
            {
                "progress": progress,
                "actions": available_actions(case),
                "council_name": progress.contact.council,
            },
        )
    items = [
        Item(
            anchor="tracking-page",
            kind="page",
            title=_("The tracking page"),
            description=_(
                "What the victim and the applicant see when they open their tracking link."
            ),
            language=case.language,
            body=tracking,
        )
    ]
    letters = track_selectors.victim_letters(case)
    items += [_letter_item(letter, n) for n, letter in enumerate(letters, start=1)]
    items += _document_items(case, documents.VICTIM)
    planned = _planned(case, lambda to: not to.is_agency)
    return _finish(case, VICTIM, _("the victim and the applicant"), items, planned)


def _request_page(request: HttpRequest, case: Case, info: Any, number: int) -> Item:
    body = render_page(request, "partners/portal/request.html", request_page_context(info))
    return Item(
        anchor=f"request-{number}",
        kind="page",
        title=_("Information request page"),
        description=_("The portal page where the agency reads and answers the request of %(day)s.")
        % {"day": govuk_date(info.requested_on)},
        language="en",
        body=body,
    )


def _panel_page(request: HttpRequest, member: Any, number: int) -> Item:
    initial: dict[str, Any] = {"note": member.response_note}
    if member.response:
        initial["response"] = "accept" if member.response == "accepted" else "decline"
    body = render_page(
        request,
        "partners/portal/panel.html",
        {
            "member": member,
            "meeting": member.meeting,
            "case": member.meeting.case,
            "status": invitation_status(member),
            "closed": why_closed(member),
            "form": portal_forms.PanelAnswerForm(initial=initial),
        },
    )
    return Item(
        anchor=f"panel-invitation-{number}",
        kind="page",
        title=_("Review panel invitation page"),
        description=_("The portal page where %(name)s answers the invitation to meeting %(n)s.")
        % {"name": member.name, "n": member.meeting.number},
        language="en",
        body=body,
    )


def partner_preview(request: HttpRequest, case: Case, agency: Agency) -> Preview:
    """The agency portal as ``agency``'s representatives see it for this case: its front page,
    each information request, each panel invitation, and the letters written to the agency."""
    requests = selectors.requests_to(case, agency)
    seats = selectors.seats_of(case, agency)
    actions = selectors.actions_owned(case, agency)
    items: list[Item] = []
    if requests or seats or actions:
        groups = group_by_agency([agency], requests, seats, actions, timezone.localdate())
        items.append(
            Item(
                anchor="portal",
                kind="page",
                title=_("The agency's portal"),
                description=_("Its front page, with only what concerns this case."),
                language="en",
                body=render_page(request, "partners/portal/portal.html", {"groups": groups}),
            )
        )
    items += [_request_page(request, case, info, n) for n, info in enumerate(requests, start=1)]
    items += [_panel_page(request, member, n) for n, member in enumerate(seats, start=1)]
    letters = selectors.letters_to_agency(case, agency)
    items += [_letter_item(letter, n) for n, letter in enumerate(letters, start=1)]
    planned = _planned(case, lambda to: to.agency is not None and to.agency.pk == agency.pk)
    return _finish(case, PARTNER, agency.name, items, planned)


def _invitation_email(case: Case, meeting: Meeting) -> Item | None:
    """The invitation e-mail as a panel member gets it (the first member with an address,
    else the chair), with the agenda attached as ``send_invitations`` attaches it."""
    member = meeting.panel.exclude(email="").order_by("pk").first()
    if member is not None:
        to = review_tasks.Recipient(member.name, member.email)
    elif meeting.chair_email:
        to = review_tasks.Recipient(meeting.chair_name, meeting.chair_email, True)
    else:
        return None
    attachments = [
        review_tasks.Attachment(
            documents.document_filename(case, "agenda", documents.PANEL, "pdf"),
            b"",
            review_tasks.PDF,
        )
    ]
    with translation.override("en"):
        message = review_tasks.invitation(
            meeting,
            to,
            sequence=review_tasks.arrangement_sequence(meeting),
            attachments=attachments,
        )
    paragraphs = tuple(
        tuple(line for line in block.splitlines() if line.strip())
        for block in str(message.body).split("\n\n")
        if block.strip()
    )
    return Item(
        anchor="invitation-email",
        kind="e-mail",
        title=_("Invitation e-mail to the panel"),
        description=_("As %(name)s gets it, with the agenda attached.") % {"name": to.name},
        language="en",
        subject=str(message.subject),
        paragraphs=paragraphs,
    )


def panel_preview(request: HttpRequest, case: Case) -> Preview:
    """The invitation e-mail and every review document in the panel's version."""
    items: list[Item] = []
    meeting = latest_meeting(case)
    if meeting is not None:
        email = _invitation_email(case, meeting)
        if email is not None:
            items.append(email)
    items += _document_items(case, documents.PANEL)
    return _finish(case, PANEL, _("the review panel"), items, [])
