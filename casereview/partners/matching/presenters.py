"""How a match is shown: its reasons in words, and its status as a tag."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casereview.partners.models import LinkStatus


def _minutes(values: Mapping[str, Any]) -> str:
    minutes = int(values.get("minutes", 0))
    if minutes == 0:
        return _("Reported at the same time of day")
    return ngettext(
        "Times of day %(minutes)s minute apart",
        "Times of day %(minutes)s minutes apart",
        minutes,
    ) % {"minutes": minutes}


def _percent(message: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda values: message % {"percent": int(values.get("percent", 0))}


def _reasons() -> dict[str, Callable[[Mapping[str, Any]], str]]:
    # Built per call so that each message is translated in the language of the request.
    return {
        "same_day": lambda values: _("Behaviour on the same day"),
        "day_apart": lambda values: _("Behaviour dates one day apart"),
        "minutes_apart": _minutes,
        "same_postcode": lambda values: _("Same postcode"),
        "different_postcode": lambda values: _("Different postcodes"),
        "descriptions_alike": _percent(_("Descriptions %(percent)s%% alike")),
        "descriptions_differ": _percent(_("Descriptions only %(percent)s%% alike")),
        "locations_alike": _percent(_("Locations %(percent)s%% alike")),
        "locations_differ": _percent(_("Locations only %(percent)s%% alike")),
        "same_name": lambda values: _("Same name"),
        "names_alike": _percent(_("Names %(percent)s%% alike")),
        "names_differ": _percent(_("Names only %(percent)s%% alike")),
        "same_date_of_birth": lambda values: _("Same date of birth"),
        "different_date_of_birth": lambda values: _("Different dates of birth"),
        "addresses_alike": _percent(_("Addresses %(percent)s%% alike")),
        "addresses_differ": _percent(_("Addresses only %(percent)s%% alike")),
    }


def reason_texts(reasons: Any) -> list[str]:
    """The stored reasons of a link (``[{"code": ..., ...}]``) as sentences. A code this version
    does not know is shown as such rather than dropped, so nothing stored is hidden."""
    if not isinstance(reasons, list):
        return []
    words = _reasons()
    texts = []
    for reason in reasons:
        if not isinstance(reason, Mapping):
            continue
        code = str(reason.get("code", ""))
        describe = words.get(code)
        texts.append(
            describe(reason) if describe else _("Other evidence: %(code)s") % {"code": code}
        )
    return texts


STATUS_TAG_CLASSES: dict[str, str] = {
    LinkStatus.PROPOSED: "govuk-tag--blue",
    LinkStatus.CONFIRMED: "govuk-tag--green",
    LinkStatus.SPLIT: "govuk-tag--grey",
}


def status_tag(status: str) -> dict[str, str]:
    """govukTag parameters for a link's status."""
    label = LinkStatus(status).label if status in LinkStatus.values else status
    return {"text": str(label), "classes": STATUS_TAG_CLASSES.get(status, "govuk-tag--grey")}


def score_text(score: float) -> str:
    return _("%(score)s out of 100") % {"score": round(score)}
