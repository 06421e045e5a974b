"""Return layouts (kept by an area's administrators) and the returns made from them.

A return is one header row and one data row: the layout's headings and the value of each
column's figure for one period. The values come from the latest published release of the
period when there is one, so a return agrees with what the public sees; otherwise from the live
figures, and the return says so (its revision is "draft").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from casereview.accounts.models import User
from casereview.accounts.scoping import scope
from casereview.areas.models import Area
from casereview.core.formatting import govuk_date
from casereview.publishing.disclosure import protect_breakdowns
from casereview.publishing.figures import Figures
from casereview.publishing.models import PeriodKindChoice, Recipient, Release, ReturnLayout
from casereview.publishing.periods import Period, PeriodKind
from casereview.publishing.releases.selectors import earlier_documents, latest_published
from casereview.publishing.returns.layouts import Column, Source, columns_from, resolve
from casereview.publishing.selectors import ADMIN_ROLES
from casereview.publishing.statistics.compute import compute_figures

# Spreadsheet programs run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _check_admin(by: User | None, area: Area) -> None:
    if by is not None and not scope(by).has(ADMIN_ROLES, area.pk):
        raise PermissionDenied(
            _("You cannot change the return layouts of %(area)s.") % {"area": area.name}
        )


def save_layout(
    area: Area,
    *,
    by: User | None,
    name: str,
    recipient: str,
    period_kind: str,
    columns: list[Column],
    layout: ReturnLayout | None = None,
) -> ReturnLayout:
    """Create the area's layout, or change ``layout`` (which must be the area's own)."""
    _check_admin(by, area)
    if layout is not None and layout.area_id != area.pk:
        raise PermissionDenied(_("A shared layout cannot be changed here."))
    name = name.strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Enter a name for the layout.")]
    if recipient not in Recipient.values:
        errors["recipient"] = [_("Choose who the return is for.")]
    if period_kind not in PeriodKindChoice.values:
        errors["period_kind"] = [_("Choose the kind of period the return covers.")]
    if not columns:
        errors["columns"] = [_("Write at least one column.")]
    with transaction.atomic():
        Area.objects.select_for_update().filter(pk=area.pk).first()
        clash = ReturnLayout.objects.filter(area=area, name__iexact=name)
        if layout is not None:
            clash = clash.exclude(pk=layout.pk)
        if name and clash.exists():
            errors["name"] = [_("The area already has a layout called %(name)s.") % {"name": name}]
        if errors:
            raise ValidationError(errors)
        target = layout or ReturnLayout(area=area, created_by=by)
        target.name = name
        target.recipient = recipient
        target.period_kind = period_kind
        target.columns = [c.to_dict() for c in columns]
        target.updated_at = timezone.now()
        target.save()
        return target


def delete_layout(layout: ReturnLayout, *, by: User | None) -> None:
    """Delete one of an area's own layouts (the shared ones are not deleted here)."""
    if layout.area is None:
        raise PermissionDenied(_("A shared layout cannot be deleted here."))
    _check_admin(by, layout.area)
    layout.delete()


class ReturnRefused(ValueError):
    """A return that cannot be made; the message says why (about the period)."""


@dataclass(frozen=True)
class ReturnExport:
    """One return: headings and values, and where the values came from."""

    area: Area
    layout: ReturnLayout
    period: Period
    headings: list[str]
    values: list[str]
    release: Release | None

    @property
    def from_live_figures(self) -> bool:
        return self.release is None

    @property
    def filename(self) -> str:
        layout = slugify(self.layout.name) or "return"
        return f"{self.area.slug}-{layout}-{self.period.slug}.csv"


def make_return(area: Area, layout: ReturnLayout, period: Period) -> ReturnExport:
    """The return of ``layout`` for ``period``: from the latest published release of the
    period, or from the live figures (breakdowns as they would be published now)."""
    if layout.area_id not in (None, area.pk):
        raise PermissionDenied(_("This layout belongs to another area."))
    if period.kind != PeriodKind(layout.period_kind):
        raise ReturnRefused(_("This layout is for another kind of period."))
    if period.start > timezone.localdate():
        raise ReturnRefused(
            _("%(period)s has not started yet: it starts on %(day)s.")
            % {"period": period.label(), "day": govuk_date(period.start)}
        )
    release = latest_published(area, period)
    if release is not None:
        source = Source(
            area=area,
            period=period,
            figures=Figures.from_dict(release.figures),
            breakdowns=release.document.get("breakdowns", {}),
            revision=release.revision,
            published_on=timezone.localdate(release.published_at) if release.published_at else None,
        )
    else:
        figures = compute_figures(area, period)
        protected = protect_breakdowns(
            figures,
            threshold=int(settings.STATISTICS_SUPPRESSION_THRESHOLD),
            earlier=earlier_documents(area, period),
        )
        source = Source(
            area=area,
            period=period,
            figures=figures,
            breakdowns={name: table.values for name, table in protected.items()},
        )
    columns = columns_from(layout.columns)
    return ReturnExport(
        area=area,
        layout=layout,
        period=period,
        headings=[c.heading for c in columns],
        values=[resolve(c.figure, source) for c in columns],
        release=release,
    )


def _safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def return_csv(export: ReturnExport) -> str:
    """The return as CSV: one header row, one data row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_safe(h) for h in export.headings])
    writer.writerow([_safe(v) for v in export.values])
    return out.getvalue()
