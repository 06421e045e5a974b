"""The only code that writes a release: prepare (or refresh) a draft, publish it, discard it.

Each function runs in one transaction with the area's row locked, so two administrators acting
on the same area at once are served one after the other: the second sees what the first did
(a draft already published, a revision number already taken) instead of publishing a period
twice. A published release is frozen by the model itself (``Release.save`` refuses); a later
correction is a new draft of the same period, published as the next revision with a note.
Publishing writes nothing to the cases' history: who prepared and who published, and when, are
recorded on the release.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.core.formatting import govuk_date
from casereview.publishing.disclosure import published_document
from casereview.publishing.figures import Figures
from casereview.publishing.models import Release, ReleaseStatus
from casereview.publishing.periods import Period, PeriodKind
from casereview.publishing.releases.selectors import earlier_documents
from casereview.publishing.selectors import ADMIN_ROLES
from casereview.publishing.statistics.compute import compute_figures


class ReleaseRefused(ValueError):
    """A release step that cannot be taken; the message says why, for the person acting."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        # The form field the problem is about, when it is about one (for the error summary).
        self.field = field


def _check_admin(by: User | None, area: Area) -> None:
    """Only the area's administrators publish; ``by=None`` is the system (commands, tests)."""
    if by is not None and not scope(by).has(ADMIN_ROLES, area.pk):
        raise PermissionDenied(
            _("You cannot publish statistics for %(area)s.") % {"area": area.name}
        )


def _lock_area(area: Area) -> Area:
    return Area.objects.select_for_update().get(pk=area.pk)


def _lock_release(release: Release) -> Release:
    return Release.objects.select_for_update().select_related("area").get(pk=release.pk)


def release_period(release: Release) -> Period:
    period = Period.from_slug(release.period_slug)
    if period is None or period.kind != PeriodKind(release.period_kind):
        raise ValueError(f"release {release.pk} has an unknown period {release.period_slug!r}")
    return period


def _threshold() -> int:
    return int(settings.STATISTICS_SUPPRESSION_THRESHOLD)


def prepare_draft(area: Area, period: Period, *, by: User | None) -> Release:
    """The draft of ``period``'s statistics for ``area``, computed afresh from the case history:
    a new draft (the next revision after the last published one) or the existing draft
    refreshed. Refuses a period that has not started yet."""
    _check_admin(by, area)
    today = timezone.localdate()
    if period.start > today:
        raise ReleaseRefused(
            _("%(period)s has not started yet: it starts on %(day)s.")
            % {"period": period.label(), "day": govuk_date(period.start)},
            field="year",
        )
    with transaction.atomic():
        area = _lock_area(area)
        figures = compute_figures(area, period).to_dict()
        draft = (
            Release.objects.select_for_update()
            .filter(area=area, period_slug=period.slug, status=ReleaseStatus.DRAFT)
            .first()
        )
        now = timezone.now()
        if draft is not None:
            draft.figures = figures
            draft.suppression_threshold = _threshold()
            draft.prepared_at = now
            draft.prepared_by = by
            draft.save(
                update_fields=["figures", "suppression_threshold", "prepared_at", "prepared_by"]
            )
            return draft
        last = Release.objects.filter(
            area=area, period_slug=period.slug, status=ReleaseStatus.PUBLISHED
        ).aggregate(last=Max("revision"))["last"]
        return Release.objects.create(
            area=area,
            period_kind=period.kind.value,
            period_slug=period.slug,
            period_start=period.start,
            period_end=period.end,
            revision=(last or 0) + 1,
            status=ReleaseStatus.DRAFT,
            figures=figures,
            suppression_threshold=_threshold(),
            prepared_at=now,
            prepared_by=by,
        )


def publish_release(release: Release, *, by: User | None, note: str = "") -> Release:
    """Publish a draft: apply disclosure control against the area's earlier published documents,
    store the document once and freeze the release. A revision after the first needs a note
    saying what it corrects."""
    _check_admin(by, release.area)
    note = note.strip()
    with transaction.atomic():
        _lock_area(release.area)
        release = _lock_release(release)
        if release.status != ReleaseStatus.DRAFT:
            raise ReleaseRefused(
                _("This release has already been published. Prepare a new revision instead.")
            )
        if release.revision > 1 and not note:
            raise ReleaseRefused(_("Say what this revision corrects."), field="note")
        period = release_period(release)
        figures = Figures.from_dict(release.figures)
        threshold = _threshold()
        now = timezone.now()
        release.document = published_document(
            area=release.area,
            period=period,
            revision=release.revision,
            published_on=timezone.localdate(now),
            note=note,
            figures=figures,
            threshold=threshold,
            earlier=earlier_documents(release.area, period),
        )
        release.suppression_threshold = threshold
        release.note = note
        release.status = ReleaseStatus.PUBLISHED
        release.published_at = now
        release.published_by = by
        release.save()
        return release


def discard_draft(release: Release, *, by: User | None) -> None:
    """Delete a draft that is not to be published (a published release is never deleted)."""
    _check_admin(by, release.area)
    with transaction.atomic():
        _lock_area(release.area)
        release = _lock_release(release)
        if release.status != ReleaseStatus.DRAFT:
            raise ReleaseRefused(_("A published release cannot be discarded."))
        release.delete()
