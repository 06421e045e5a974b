"""What every staff page of a case shares: finding the case in the caller's scope, turning a
service function's refusal into form errors or a message, and the staff navigation."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.accounts.scoping import scope
from casereview.cases.models import Case
from casereview.cases.selectors import CASE_WORKER_ROLES, case_for
from casereview.cases.workflow import IllegalStep, is_allowed
from casereview.core.navigation import staff_sections


def case_or_404(request: HttpRequest, reference: str, *, related: Sequence[str] = ()) -> Case:
    """The case with ``reference`` if the signed-in person may see it; 404 otherwise (never
    403, so a reference from another area reveals nothing, not even that it exists).
    ``related``: more relations to read with the case (``select_related``)."""
    case = case_for(request.user, reference, related=related)
    if case is None:
        raise Http404("No such case")
    return case


def can_act(request: HttpRequest, case: Case) -> bool:
    """Whether the signed-in person may take steps on ``case`` (not only read it)."""
    return scope(request.user).has(CASE_WORKER_ROLES, case.area_id)


def case_url(case: Case) -> str:
    return reverse("cases:case", kwargs={"reference": case.reference})


def add_service_errors(
    form: forms.Form, error: ValidationError, field_map: Mapping[str, str] | None = None
) -> None:
    """Show a service function's ``ValidationError`` on ``form``: each message against the form
    field it names (through ``field_map`` when the names differ), the rest above the form."""
    field_map = field_map or {}
    errors: dict[str, list[str]] = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    for field, messages_ in errors.items():
        target = field_map.get(field, field)
        if target not in form.fields:
            target = NON_FIELD_ERRORS
        for message in messages_:
            form.add_error(None if target == NON_FIELD_ERRORS else target, message)


def refuse_illegal_step(request: HttpRequest, case: Case, error: IllegalStep) -> HttpResponse:
    """Back to the case page with the plain-English reason a step cannot be taken now."""
    messages.error(request, error.message)
    return HttpResponseRedirect(case_url(case))


def take_step(
    request: HttpRequest,
    case: Case,
    form: forms.Form,
    step: Callable[[], Any],
    *,
    success: str,
    field_map: Mapping[str, str] | None = None,
) -> HttpResponse | None:
    """Run ``step`` (a call of a service function). On success: a message and a redirect to the
    case page. On invalid input: the errors on ``form`` and None, so the view shows the form
    again with what was entered. An illegal step: back to the case page with the reason."""
    try:
        step()
    except IllegalStep as error:
        return refuse_illegal_step(request, case, error)
    except ValidationError as error:
        add_service_errors(form, error, field_map)
        return None
    messages.success(request, success)
    return HttpResponseRedirect(case_url(case))


def staff_navigation(current: str = "") -> list[dict[str, Any]]:
    """The service navigation of staff pages; ``current`` is the URL name of the section."""
    return staff_sections(None, current)


def signed_in_user(request: HttpRequest) -> User:
    """The member of staff making the request (``staff_member_required`` has let only signed-in
    members through)."""
    user = request.user
    assert isinstance(user, User)
    return user


def open_step(request: HttpRequest, reference: str, step: str) -> Case | HttpResponse:
    """The case, if the signed-in person may take ``step`` on it now; otherwise the answer
    (404 out of scope, 403 read-only, the case page with the reason for an illegal step)."""
    case = case_or_404(request, reference)
    if not can_act(request, case):
        raise PermissionDenied(_("You can see this case but not act on it."))
    if not is_allowed(step, case.status):
        return refuse_illegal_step(request, case, IllegalStep(step, case.status))
    return case


def posted_data(request: HttpRequest) -> Any:
    """The submitted form data of a POST, or None (an unbound form) for a GET."""
    return request.POST if request.method == "POST" else None
