"""Recording an application received by phone, e-mail, letter, in person, from a partner agency
or a senior manager (step 1 of the process), with its screening: not suitable, or a repeat of an
earlier case of the same victim."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casereview.accounts.access import staff_member_required
from casereview.accounts.models import User
from casereview.accounts.scoping import areas_for
from casereview.areas.models import Area
from casereview.audit.log import record_view
from casereview.cases import selectors, services
from casereview.cases.intake_forms import (
    RECEIVE_FIELD_MAP,
    AreaChoiceForm,
    ReceiveForm,
    complaint_rows_in,
)
from casereview.cases.models import Case
from casereview.cases.views.common import add_service_errors, case_url, staff_navigation
from casereview.core.forms.rows import kept_values
from casereview.rules import LocalPolicy, PolicyError, policy_from_dict

TEMPLATE = "cases/receive.html"


def _areas(request: HttpRequest) -> list[Area]:
    """The areas on the service where the signed-in person may record applications."""
    return list(areas_for(request.user, roles=selectors.CASE_WORKER_ROLES).filter(on_service=True))


def _policy(area: Area) -> LocalPolicy | None:
    record = area.current_policy()
    if record is None:
        return None
    try:
        return policy_from_dict(record.rules)
    except PolicyError:
        # The service refuses the application with a clear message; the page must still open.
        return None


def _earlier_cases(area: Area, data: Any) -> list[Case]:
    """Earlier cases of the victim whose details were typed (for the repeat screening)."""
    if not data:
        return []
    return list(
        selectors.earlier_cases_of_victim(
            area,
            name=str(data.get("victim_name", "")),
            postcode=str(data.get("victim_postcode", "")),
            email=str(data.get("victim_email", "")),
            phone=str(data.get("victim_phone", "")),
        )[:20]
    )


def _render(
    request: HttpRequest, form: ReceiveForm, area: Area, *, choose_area: bool
) -> HttpResponse:
    # The repeat screening shows the victim's earlier cases: each is a read of case data.
    for earlier in form.earlier:
        record_view(
            request, earlier, "earlier case in the screening of a new application", kind="search"
        )
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "form": form,
            "area": area,
            "choose_area": choose_area,
            "navigation": staff_navigation(current="cases:dashboard"),
        },
    )


def _success_message(case: Case) -> str:
    if case.not_suitable_reason:
        return _(
            "Application %(reference)s recorded and screened out as not suitable: a letter "
            "with the signposting follows."
        ) % {"reference": case.reference}
    return _("Application received: its reference is %(reference)s.") % {
        "reference": case.reference
    }


@staff_member_required
@require_http_methods(["GET", "POST"])
def receive(request: HttpRequest) -> HttpResponse:
    areas = _areas(request)
    if not areas:
        raise PermissionDenied(_("You cannot record applications in any area."))
    choose_area = len(areas) > 1
    if choose_area:
        chooser = AreaChoiceForm(request.GET if "area" in request.GET else None, areas=areas)
        if not chooser.is_bound or not chooser.is_valid():
            return TemplateResponse(
                request,
                "cases/receive_area.html",
                {"form": chooser, "navigation": staff_navigation(current="cases:dashboard")},
            )
        area = next(a for a in areas if a.gss_code == chooser.cleaned_data["area"])
    else:
        area = areas[0]
    policy = _policy(area)

    if request.method != "POST":
        return _render(
            request, ReceiveForm(area=area, policy=policy), area, choose_area=choose_area
        )

    data = request.POST
    rows = complaint_rows_in(data)
    earlier = _earlier_cases(area, data)
    if "add_complaint" in data:
        # Another row, keeping everything typed, and no error messages: nothing was submitted.
        typed = ReceiveForm(data, area=area, policy=policy, rows=rows, earlier=earlier)
        form = ReceiveForm(
            initial=kept_values(typed, data),
            area=area,
            policy=policy,
            rows=rows + 1,
            earlier=earlier,
        )
        return _render(request, form, area, choose_area=choose_area)

    form = ReceiveForm(data, area=area, policy=policy, rows=rows, earlier=earlier)
    if form.is_valid():
        user = request.user
        assert isinstance(user, User)  # staff_member_required let only members through
        try:
            case = services.case_receive(
                area,
                by=user,
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                victim=form.victim(),
                applicant=form.applicant(),
                asb_description=form.cleaned_data["asb_description"],
                location=form.cleaned_data["location"],
                alleged_responsible=form.cleaned_data["alleged_responsible"],
                complaints=form.complaint_inputs(),
                spoc=form.spoc_user(),
                not_suitable_reason=form.screening_reason(),
                signposting=form.cleaned_data["signposting"],
                material_change=form.cleaned_data["material_change"],
                different_victim_from=form.different_victims(),
            )
        except ValidationError as error:
            add_service_errors(form, error, RECEIVE_FIELD_MAP)
        else:
            messages.success(request, _success_message(case))
            return HttpResponseRedirect(case_url(case))
    return _render(request, form, area, choose_area=choose_area)
