"""Property-based fuzzing of every public form: whatever is typed or forged into any field
(unicode, huge text, empty, control characters, wrong types, repeated fields, missing fields),
the answer is never a server error; when the form comes back, it says what is wrong in the
error summary and keeps what was typed.

Each scene puts a browser where a real person would be when the form is shown (an application
part-way, a tracking link opened, a case at the stage where the victim may comment...). The
fields are read from the page's HTML (tests/security/fuzz/forms.py), so a new field is fuzzed
without being listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from casereview.areas.models import Area
from casereview.cases.models import Case
from casereview.public.apply.flow import QUESTIONS
from casereview.public.links import email_hash
from casereview.reviews.models import VoiceChoice
from tests.public.apply.helpers import (
    answer_all,
    check_url,
    for_myself,
    for_someone_else,
    page_url,
    start,
)
from tests.public.victim.helpers import ACTION_URLS
from tests.reviews.helpers import consulting
from tests.security.fuzz.forms import Field, Form, forms_on

pytestmark = pytest.mark.usefixtures("in_march")

Scene = Callable[[Client, Area, Case], str]


def _applying(client: Client, area: Area, case: Case) -> None:
    start(client, area)
    answer_all(client, area, for_myself(area))


def _applying_for_someone_else(client: Client, area: Area, case: Case) -> None:
    start(client, area)
    answer_all(client, area, for_someone_else(area))


def _tracking(client: Client, area: Area, case: Case) -> None:
    session = client.session
    session["public.track"] = {"case": case.pk, "email": email_hash(case.victim_email)}
    session.save()


def _scene(
    prepare: Callable[[Client, Area, Case], None] | None, url: Callable[[Area], str]
) -> Scene:
    def run(client: Client, area: Area, case: Case) -> str:
        if prepare is not None:
            prepare(client, area, case)
        return url(area)

    return run


def _fixed(path: str) -> Callable[[Area], str]:
    return lambda area: path


def _question(slug: str) -> Callable[[Area], str]:
    return lambda area: page_url(area, slug)


FIXED_SCENES: dict[str, Scene] = {
    "staff sign-in": _scene(None, lambda a: reverse("accounts:sign-in")),
    "password reset": _scene(None, lambda a: reverse("accounts:password-reset")),
    "checker": _scene(None, lambda a: reverse("public:check_complaints", args=[a.slug])),
    "apply start": _scene(None, lambda a: reverse("public:apply", args=[a.slug])),
    "apply save": _scene(_applying, lambda a: reverse("public:apply_save", args=[a.slug])),
    "apply check": _scene(_applying, check_url),
    "track start": _scene(None, lambda a: reverse("public:track_start")),
    "commissioner letter": _scene(
        None, lambda a: reverse("public:commissioner_letter", args=[a.slug])
    ),
    **{f"victim {name}": _scene(_tracking, _fixed(url)) for name, url in ACTION_URLS.items()},
}


def scenes(area: Area) -> dict[str, Scene]:
    """The fixed scenes, and every question of the online application, reached by answering
    the rest for oneself or for someone else (whichever journey asks it)."""
    found = dict(FIXED_SCENES)
    for journey, prepare in (
        (for_someone_else, _applying_for_someone_else),
        (for_myself, _applying),
    ):
        for slug, _answers in journey(area):
            found[f"apply {slug}"] = _scene(prepare, _question(slug))
    return found


junk_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.text(alphabet="\x00\x01\x07\x08\x1b\x7f\u200b\u202e\ufeff\r\n\t ", max_size=20),
    st.text(alphabet="aé😀 \n", min_size=20_000, max_size=30_000),
    st.sampled_from(
        ["", " ", "0", "-1", "1e309", "NaN", "31", "13", "2026", "99999999999999999999",
         "[]", "{}", "null", "true", "<script>alert(1)</script>", "' OR 1=1 --",
         "../../etc/passwd", "%00", "2026-02-30", "@", "a@", "@b.c",
         # Well-formed values too, so a form's later checks are reached with junk elsewhere.
         "sam@example.test", "coordinator@eastherts.test", "SG13 8EQ", "01279 655261",
         "EHE-2026-0001", "16", "3"]
    ),
)  # fmt: skip


def value_for(field: Field) -> st.SearchStrategy[Any]:
    """Mostly junk, sometimes the real thing (so later checks of the form are reached too),
    sometimes several values for one field (a wrong type for a single box)."""
    if field.choices:
        real = st.sampled_from(field.choices)
    elif "email" in field.name:
        # A well-formed address, so the form's checks after the address are reached too.
        real = st.sampled_from(["sam@example.test", "coordinator@eastherts.test"])
    else:
        real = junk_text
    single = st.one_of(real, junk_text) if field.kind == "hidden" else st.one_of(junk_text, real)
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


@st.composite
def submissions(draw: st.DrawFn, form: Form) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if name == "csrfmiddlewaretoken" or draw(st.integers(0, 9)) == 0:
            continue  # sometimes a field is missing altogether
        data[name] = draw(value_for(field))
    if draw(st.booleans()):
        data[draw(st.text(min_size=1, max_size=12))] = draw(junk_text)  # a field nobody asked
    return data


def _kept(value: Any, field: Field) -> str | None:
    """What must come back on the page when the form is shown again with errors: an ordinary
    single line typed into a text box. Other values may rightly be cleaned up first."""
    if field.kind not in {"text", "textarea"} or not isinstance(value, str):
        return None
    typed = value.strip()
    if not typed or len(typed) > 200 or not typed.isprintable() or typed != " ".join(typed.split()):
        return None
    return str(escape(typed))


@pytest.fixture
def world(area: Area, coordinator, django_capture_on_commit_callbacks) -> Case:
    with django_capture_on_commit_callbacks(execute=True):
        case = consulting(area, coordinator, choice=VoiceChoice.IMPACT_STATEMENT)
    return case


def test_every_scene_shows_a_form_to_fuzz(area: Area, world: Case) -> None:
    every = scenes(area)
    # "what-changed" is asked only of someone who applied before about the same behaviour;
    # tests/public/apply/test_arbitrary_input_never_fails.py posts junk to it.
    assert set(SCENE_NAMES) <= set(every)
    for name, scene in every.items():
        client = Client()
        page_path = scene(client, area, world)
        page = client.get(page_path)
        forms = [f for f in forms_on(page.content.decode(), page_path) if f.fields]
        assert page.status_code == 200, (name, page.status_code)
        assert any(set(f.fields) - {"csrfmiddlewaretoken"} for f in forms), name


# What "what-changed" needs is explained in test_every_scene_shows_a_form_to_fuzz.
SCENE_NAMES = sorted(
    [*FIXED_SCENES, *(f"apply {q.slug}" for q in QUESTIONS if q.slug != "what-changed")]
)


@pytest.mark.parametrize("scene", SCENE_NAMES)
@settings(
    max_examples=12,
    deadline=None,
    # Forms with many fields (the complaint rows) draw a lot of text: that is the point here.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_no_input_to_a_public_form_fails_or_is_lost(
    area: Area, world: Case, scene: str, data: st.DataObject
) -> None:
    # Each example runs in a savepoint that is rolled back, so every example (and hypothesis's
    # replays of it) starts from the same database: no rate limit or withdrawn case carried over.
    with transaction.atomic():
        client = Client(raise_request_exception=False)
        page_path = scenes(area)[scene](client, area, world)
        page = client.get(page_path)
        # Any form of the page: its own, the footer's language switch, a "remove" button...
        forms = [f for f in forms_on(page.content.decode(), page_path) if f.fields]
        form = data.draw(st.sampled_from(forms))
        sent = data.draw(submissions(form))

        response = client.post(form.action, sent)

        assert response.status_code < 500, (scene, form.action, sent)
        if response.status_code == 302:
            assert client.get(response["Location"]).status_code < 500
        elif response.status_code in {200, 400}:
            body = response.content.decode()
            pressed = [n for n in sent if n in form.fields and form.fields[n].kind == "button"]
            if not pressed:  # a button such as "Add another" brings the page back, no errors
                assert "govuk-error-summary" in body, (scene, form.action, sent)
            for name, value in sent.items():
                field = form.fields.get(name)
                expected = _kept(value, field) if field else None
                assert expected is None or expected in body, (scene, name, value)
        transaction.set_rollback(True)
