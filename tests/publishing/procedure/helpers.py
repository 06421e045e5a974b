"""Driving the policy editor and the procedure records in tests."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.urls import reverse

from casereview.areas.models import Area
from casereview.publishing.procedure.forms import PolicyForm
from casereview.rules.policy import LocalPolicy


def url(name: str, area: Area, **kwargs: Any) -> str:
    return reverse(f"publishing:{name}", kwargs={"slug": area.slug, **kwargs})


def text_of(response: Any) -> str:
    """A page as text to search, entities decoded and typographic apostrophes made plain."""
    return html.unescape(response.content.decode()).replace("\u2019", "'")


def policy_post(policy: LocalPolicy, **changes: Any) -> dict[str, Any]:
    """What the editor posts for ``policy`` as it prefills it, with ``changes`` typed over."""
    data: dict[str, Any] = {}
    for name, value in PolicyForm.initial_from(policy).items():
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    data["notes"] = "Annual refresh after the partnership board"
    data.update(changes)
    return data


def check(client: Client, area: Area, data: dict[str, Any]) -> Any:
    """Press "Check the policy"."""
    return client.post(url("policy-edit", area), {**data, "check": "1"})


def checked_fingerprint(response: Any) -> str:
    """The hidden fingerprint the check page carries for the policy it showed."""
    found = re.search(r'name="checked" value="([0-9a-f]+)"', response.content.decode())
    assert found, "the check page carries no fingerprint"
    return found.group(1)


def check_then_save(client: Client, area: Area, data: dict[str, Any], *, confirm: bool) -> Any:
    """Check the policy, then press "Save as version N" on the page that showed the check."""
    shown = check(client, area, data)
    assert shown.status_code == 200
    posted = {**data, "checked": checked_fingerprint(shown), "save": "1"}
    if confirm:
        posted["confirm"] = "on"
    return client.post(url("policy-edit", area), posted)
