"""Benchmark 5's letters: it renders a stored letter exactly as ``write_letters`` rendered it, its
output checks catch a broken renderer, and the fonts and stylesheet kept between letters
(``casereview.letters.rendering``) carry nothing of one letter into the next."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
import time_machine

from bench import b5_letters
from casereview.accounts.models import Role, User
from casereview.areas.models import Area
from casereview.cases.workflow import Step
from casereview.letters.models import Letter
from casereview.letters.rendering import html_to_docx, html_to_pdf
from casereview.letters.services import write_letters
from tests.cases.helpers import at
from tests.factories import make_user
from tests.letters.helpers import acknowledged

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _monday() -> Iterator[None]:
    """Letters carry today's date: written and rendered again on the same frozen day."""
    with time_machine.travel(at(2026, 3, 16), tick=False):
        yield


def _ct1(area: Area, by: User) -> Letter:
    case = acknowledged(area, by, spoc=by)
    [letter] = write_letters(case, Step.ACKNOWLEDGE).written
    return letter


def test_a_stored_letter_is_rendered_again_exactly_as_it_was_written(
    area: Area, coordinator: User
) -> None:
    letter = _ct1(area, coordinator)

    job = b5_letters.letter_job(letter)

    assert b5_letters.letter_html(job) == letter.html
    pdf = b5_letters.render_pdf(job)
    assert pdf == bytes(letter.pdf)
    assert b5_letters.check_pdf(job, pdf) == b5_letters.pdf_text(bytes(letter.pdf))
    docx = b5_letters.render_docx(job)
    assert b5_letters.check_docx(job, docx) == b5_letters.docx_text(bytes(letter.docx))


def test_a_letter_the_plan_no_longer_names_is_rebuilt_from_its_row(
    area: Area, coordinator: User
) -> None:
    letter = _ct1(area, coordinator)
    case = b5_letters.load_case(letter.case_id)
    planned = b5_letters.planned_letter(letter, case)

    # The same row as if the step had moved on: no plan of "receive" names it.
    letter.step = Step.RECEIVE
    rebuilt = b5_letters.planned_letter(letter, case)

    assert rebuilt == replace(planned)


def test_the_output_checks_refuse_what_is_not_the_letter(area: Area, coordinator: User) -> None:
    job = b5_letters.letter_job(_ct1(area, coordinator))

    with pytest.raises(b5_letters.BenchmarkError, match="%PDF"):
        b5_letters.check_pdf(job, b"<html>not a PDF</html>")
    with pytest.raises(b5_letters.BenchmarkError, match=job.reference):
        b5_letters.check_pdf(job, html_to_pdf("<p>Another letter entirely</p>"))
    with pytest.raises(b5_letters.BenchmarkError, match=job.reference):
        b5_letters.check_docx(job, html_to_docx("<p>Another letter entirely</p>"))


def test_letters_of_two_areas_rendered_in_turn_come_out_the_same_each_time(
    area: Area, coordinator: User, other_area: Area
) -> None:
    ours = _ct1(area, coordinator)
    theirs = _ct1(
        other_area,
        make_user("coordinator@otherborough.test", Role.COORDINATOR, other_area),
    )
    pages = {"ours": ours.html, "theirs": theirs.html}

    # In turn in one thread, which keeps its fonts and stylesheet between letters...
    first = {name: html_to_pdf(page) for name, page in pages.items()}
    again = {name: html_to_pdf(page) for name, page in reversed(pages.items())}
    docx = [{name: html_to_docx(page) for name, page in pages.items()} for _ in range(2)]
    # ...and each alone in a thread of its own, whose fonts and stylesheet are new.
    alone: dict[str, bytes] = {}
    for name, page in pages.items():
        thread = threading.Thread(target=lambda n=name, p=page: alone.update({n: html_to_pdf(p)}))
        thread.start()
        thread.join()

    assert first == again == alone
    assert first["ours"] != first["theirs"]
    assert docx[0].keys() == docx[1].keys()
    for name in pages:
        assert b5_letters.docx_text(docx[0][name]) == b5_letters.docx_text(docx[1][name])
    ours_text = b5_letters.pdf_text(first["ours"]) + b5_letters.docx_text(docx[1]["ours"])
    theirs_text = b5_letters.pdf_text(first["theirs"]) + b5_letters.docx_text(docx[1]["theirs"])
    assert "East Hertfordshire" in ours_text
    assert "Otherborough" not in ours_text
    assert "Otherborough" in theirs_text
    assert "East Hertfordshire" not in theirs_text
