"""Staff pages of releases: the list of an area's releases by period with the form preparing a
draft, and one release's page (a draft to review, refresh, publish or discard; a published
release as the public sees it).

Every page first looks the area up through ``publishing.views.area_or_404`` (404 for an area the
person has no part in) and a release only within that area (404 for another area's). People who
may see the releases but not act (coordinators, read-only users) get 403 on every POST, as on
the case pages; only area administrators prepare, publish and discard.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from casereview.accounts.access import staff_member_required
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.cases.views.common import signed_in_user
from casereview.core.forms.mixins import DesignSystemForm
from casereview.publishing.disclosure import protect_breakdowns
from casereview.publishing.figures import BREAKDOWN_DEFINITION, Figures
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.open_data.presenters import PublishedRelease
from casereview.publishing.releases import presenters
from casereview.publishing.releases.forms import (
    PeriodForm,
    PublishForm,
    last_ended_financial_year,
    period_initial,
)
from casereview.publishing.releases.selectors import (
    earlier_documents,
    published_revisions,
    release_of_area,
    releases_by_period,
)
from casereview.publishing.releases.services import (
    ReleaseRefused,
    discard_draft,
    prepare_draft,
    publish_release,
    release_period,
)
from casereview.publishing.selectors import ADMIN_ROLES
from casereview.publishing.views import area_or_404


def _is_admin(request: HttpRequest, area: Area) -> bool:
    return scope(request.user).has(ADMIN_ROLES, area.pk)


def _admin_area_or_refuse(request: HttpRequest, slug: str) -> Area:
    """The area for an action: 404 to someone with no part in it, 403 to someone who may see
    its releases but not act on them."""
    area = area_or_404(request, slug)
    if not _is_admin(request, area):
        raise PermissionDenied(_("Only the area's administrators publish its statistics."))
    return area


def _release_or_404(area: Area, pk: int) -> Release:
    release = release_of_area(area, pk)
    if release is None:
        raise Http404("No such release")
    return release


def _release_url(release: Release) -> str:
    return reverse("publishing:release", kwargs={"slug": release.area.slug, "pk": release.pk})


def public_url(release: Release) -> str | None:
    """The public page of a published release (None while the public pages are not
    installed). An earlier revision is asked for by number."""
    try:
        address = reverse(
            "publishing:area-release",
            kwargs={"slug": release.area.slug, "period": release.period_slug},
        )
    except NoReverseMatch:
        return None
    return f"{address}?{urlencode({'revision': release.revision})}"


def _refused(form: DesignSystemForm, refusal: ReleaseRefused) -> None:
    field = refusal.field if refusal.field in form.fields else NON_FIELD_ERRORS
    form.add_error(None if field == NON_FIELD_ERRORS else field, refusal.message)


# --- The list of releases ---------------------------------------------------------------------


def _render_list(request: HttpRequest, area: Area, form: PeriodForm) -> TemplateResponse:
    return TemplateResponse(
        request,
        "publishing/releases/list.html",
        {
            "area": area,
            "form": form,
            "periods": releases_by_period(area),
            "is_admin": _is_admin(request, area),
            "prepare_url": reverse("publishing:release-prepare", kwargs={"slug": area.slug}),
            "hub_url": reverse("publishing:hub"),
        },
    )


@staff_member_required
@require_GET
def releases(request: HttpRequest, slug: str) -> HttpResponse:
    area = area_or_404(request, slug)
    form = PeriodForm(initial=period_initial(last_ended_financial_year(timezone.localdate())))
    return _render_list(request, area, form)


@staff_member_required
@require_POST
def prepare(request: HttpRequest, slug: str) -> HttpResponse:
    area = _admin_area_or_refuse(request, slug)
    form = PeriodForm(request.POST)
    if form.is_valid():
        try:
            draft = prepare_draft(area, form.period(), by=signed_in_user(request))
        except ReleaseRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(
                request,
                _("The draft for %(period)s is ready to review.")
                % {"period": form.period().label()},
            )
            return HttpResponseRedirect(_release_url(draft))
    return _render_list(request, area, form)


# --- One release ------------------------------------------------------------------------------


def _draft_context(release: Release) -> dict[str, Any]:
    period = release_period(release)
    figures = Figures.from_dict(release.figures)
    threshold = int(settings.STATISTICS_SUPPRESSION_THRESHOLD)
    protected = protect_breakdowns(
        figures, threshold=threshold, earlier=earlier_documents(release.area, period)
    )
    return {
        "counts_table": presenters.statutory_table(
            figures, _("Statutory figures: %(period)s") % {"period": period.label()}
        ),
        "breakdown_tables": presenters.breakdown_tables(figures, protected, threshold),
        "breakdown_definition": str(BREAKDOWN_DEFINITION) % {"threshold": threshold},
        "internal_table": presenters.internal_table(figures),
        "threshold": threshold,
    }


def _render_release(
    request: HttpRequest, release: Release, form: PublishForm | None = None
) -> TemplateResponse:
    area = release.area
    period = release_period(release)
    revisions = published_revisions(area, release.period_slug)
    context: dict[str, Any] = {
        "area": area,
        "release": release,
        "period": period,
        "is_admin": _is_admin(request, area),
        "is_draft": release.status == ReleaseStatus.DRAFT,
        "has_ended": period.has_ended(timezone.localdate()),
        "revision_rows": presenters.revision_rows(revisions),
        "list_url": reverse("publishing:releases", kwargs={"slug": area.slug}),
        "form": form or PublishForm(),
    }
    if release.status == ReleaseStatus.DRAFT:
        context.update(_draft_context(release))
        for action in ("refresh", "publish", "discard"):
            context[f"{action}_url"] = reverse(
                f"publishing:release-{action}", kwargs={"slug": area.slug, "pk": release.pk}
            )
    else:
        context["published"] = PublishedRelease(release.document)
        context["public_url"] = public_url(release)
    return TemplateResponse(request, "publishing/releases/release.html", context)


@staff_member_required
@require_GET
def release(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = area_or_404(request, slug)
    return _render_release(request, _release_or_404(area, pk))


@staff_member_required
@require_POST
def refresh(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _admin_area_or_refuse(request, slug)
    draft = _release_or_404(area, pk)
    if draft.status != ReleaseStatus.DRAFT:
        messages.error(request, _("A published release is not recomputed."))
        return HttpResponseRedirect(_release_url(draft))
    refreshed = prepare_draft(area, release_period(draft), by=signed_in_user(request))
    messages.success(request, _("The draft has been computed again from the case history."))
    return HttpResponseRedirect(_release_url(refreshed))


@staff_member_required
@require_POST
def publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _admin_area_or_refuse(request, slug)
    draft = _release_or_404(area, pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            done = publish_release(
                draft, by=signed_in_user(request), note=form.cleaned_data["note"]
            )
        except ReleaseRefused as refusal:
            _refused(form, refusal)
            draft = _release_or_404(area, pk)
        else:
            messages.success(
                request,
                _("Revision %(revision)s of %(period)s is published.")
                % {"revision": done.revision, "period": release_period(done).label()},
            )
            return HttpResponseRedirect(_release_url(done))
    return _render_release(request, draft, form)


@staff_member_required
@require_POST
def discard(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    area = _admin_area_or_refuse(request, slug)
    draft = _release_or_404(area, pk)
    try:
        discard_draft(draft, by=signed_in_user(request))
    except ReleaseRefused as refusal:
        messages.error(request, refusal.message)
        return HttpResponseRedirect(_release_url(draft))
    messages.success(request, _("The draft has been discarded."))
    return HttpResponseRedirect(reverse("publishing:releases", kwargs={"slug": area.slug}))
