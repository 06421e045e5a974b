"""Benchmark 5: letters as PDF and Word, and the statutory statistics of every area for a year.

Letters. A letter is rendered once, when the step that causes it is taken (a worker runs
``casereview.letters.services.write_letters``); the download and the e-mail then serve the stored
bytes. So the benchmark times what ``write_letters`` does for one letter, for real letters of the
data set (the manifest's ``sample.letter_ids``, or one letter of each kind of the sample area):
load the case as ``write_letters`` does, build the letter's context from the database and render
its template (``render_html``), check a victim-facing letter for restricted data, then make the
PDF (WeasyPrint, ``html_to_pdf``) or the Word document (python-docx, ``html_to_docx``). Nothing is
stored. Every output is checked to be real (a PDF pypdf reads, a document python-docx opens, both
saying the letter's reference), so a broken renderer cannot look fast.

Statistics. ``compute_figures_for_areas(None, period)`` is what the app computes for the
national figures: every figure of every area on the service for the data set's statistics year
(``statistics_year``), as ``Figures.to_dict()`` stores them in a release. The totals are checked
against direct counts.

    python -m bench.b5_letters --database-url sqlite:///n.sqlite3 --manifest n.json
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import io
import logging
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bench import harness

if TYPE_CHECKING:
    from casereview.cases.models import Case
    from casereview.letters.models import Letter
    from casereview.letters.services import PlannedLetter
    from casereview.publishing.periods import Period

PDF_TARGET = harness.Target("<=", 100, "ms")
DOCX_TARGET = harness.Target("<=", 50, "ms")
STATISTICS_TARGET = harness.Target("<=", 2000, "ms")

LETTER_REPEATS = 15
QUICK_LETTER_REPEATS = 5
STATISTICS_REPEATS = 5
QUICK_STATISTICS_REPEATS = 3


class BenchmarkError(Exception):
    """The data set or an output is not what the benchmark needs: no figure is given."""


# ---------------------------------------------------------------------------------------------
# Letters


@dataclass(frozen=True)
class LetterJob:
    """One stored letter, with what ``write_letters`` had when it rendered it."""

    letter_id: int
    case_id: int
    reference: str
    kind: str
    planned: PlannedLetter
    language: str


def load_case(case_id: int) -> Case:
    """The case as ``write_letters`` loads it before rendering its letters."""
    from casereview.cases.models import Case

    return Case.objects.select_related("area", "policy", "spoc", "repeat_of").get(pk=case_id)


def _number_after(key: str, kind: str) -> int | None:
    """The number that follows the kind in a letter key (``outcome:2``, ``appeal_received:7``,
    ``meeting_invitation:1:202603161400``), or None."""
    parts = key.split(":")
    if len(parts) > 1 and parts[0] == kind and parts[1].isdecimal():
        return int(parts[1])
    return None


def planned_letter(letter: Letter, case: Case) -> PlannedLetter:
    """The ``PlannedLetter`` ``write_letters`` rendered ``letter`` from: the step's plan as the
    case stands now (the letter of the same key, or else of the same kind and recipient), or,
    when the case has moved on since (a meeting arranged again), the same letter rebuilt from
    the stored row."""
    from casereview.letters import recipients
    from casereview.letters.models import LetterKind, Recipient
    from casereview.letters.services import PlannedLetter, plan_letters

    plan = plan_letters(case, letter.step)
    for planned in plan:
        if planned.key == letter.key:
            return planned
    # A key naming another row (a data set that copied cases without renumbering the meeting
    # or appeal in their letters' keys): the plan's letter of the same kind to the same person.
    for planned in plan:
        if (
            planned.kind == letter.kind
            and planned.to.recipient == letter.recipient
            and (planned.to.agency.pk if planned.to.agency else None) == letter.agency_id
            and planned.is_copy == letter.key.endswith(":applicant")
        ):
            return planned
    if letter.recipient == Recipient.AGENCY:
        if letter.agency is None:
            raise BenchmarkError(f"letter {letter.pk} is to a relevant body but names none")
        to = recipients.agency(letter.agency)
    elif letter.recipient == Recipient.APPLICANT:
        found = recipients.applicant(case)
        if found is None:
            raise BenchmarkError(f"letter {letter.pk} is to an applicant the case lacks")
        to = found
    else:
        to = recipients.victim(case)
    number = _number_after(letter.key, letter.kind)
    meeting = appeal = None
    if letter.kind in (
        LetterKind.MEETING_INVITATION,
        LetterKind.OUTCOME,
        LetterKind.ACTION_PLAN,
    ):
        meeting = case.meetings.filter(number=number).first() if number else None
        if meeting is None:
            raise BenchmarkError(f"letter {letter.pk} is about a meeting the case lacks")
    if letter.kind in (LetterKind.APPEAL_RECEIVED, LetterKind.APPEAL_OUTCOME):
        appeal = case.appeals.filter(pk=number).first() if number else None
        if appeal is None:
            raise BenchmarkError(f"letter {letter.pk} is about an appeal the case lacks")
    return PlannedLetter(
        key=letter.key,
        kind=letter.kind,
        to=to,
        request=letter.information_request,
        # Copies to a third-party applicant are keyed "<key>:applicant" (``services``).
        is_copy=letter.key.endswith(":applicant"),
        meeting=meeting,
        appeal=appeal,
    )


def letter_job(letter: Letter) -> LetterJob:
    from casereview.letters.services import letter_language

    case = load_case(letter.case_id)
    planned = planned_letter(letter, case)
    return LetterJob(
        letter_id=letter.pk,
        case_id=case.pk,
        reference=case.reference,
        kind=letter.kind,
        planned=planned,
        language=letter_language(case, planned.to),
    )


def letter_html(job: LetterJob) -> str:
    """The letter's HTML as ``write_letters`` makes it: the case loaded, the context built from
    the database, the template rendered, a victim-facing letter checked for restricted data."""
    from casereview.letters.services import check_no_restricted_data, render_html

    case = load_case(job.case_id)
    page = render_html(case, job.planned, job.language)
    if not job.planned.to.is_agency:
        check_no_restricted_data(case, job.planned.key, page)
    return page


def render_pdf(job: LetterJob) -> bytes:
    from casereview.letters.rendering import html_to_pdf

    return html_to_pdf(letter_html(job))


def render_docx(job: LetterJob) -> bytes:
    from casereview.letters.rendering import html_to_docx

    return html_to_docx(letter_html(job))


def _squeezed(text: str) -> str:
    """Text without any whitespace: PDF text extraction breaks lines where layout did."""
    return "".join(text.split())


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return "\n".join(texts)


def check_pdf(job: LetterJob, data: bytes) -> str:
    """The PDF's text, after checking it is a PDF that says the letter's reference."""
    if not data.startswith(b"%PDF"):
        raise BenchmarkError(f"letter {job.letter_id}: the PDF does not start with %PDF")
    text = pdf_text(data)
    if _squeezed(job.reference) not in _squeezed(text):
        raise BenchmarkError(f"letter {job.letter_id}: the PDF's text lacks {job.reference}")
    return text


def check_docx(job: LetterJob, data: bytes) -> str:
    """The document's text, after checking python-docx opens it and it says the reference."""
    text = docx_text(data)
    if job.reference not in text:
        raise BenchmarkError(f"letter {job.letter_id}: the Word document lacks {job.reference}")
    return text


def sample_letters(manifest: dict[str, Any], *, per_kind: int = 1) -> list[Letter]:
    """The manifest's sample letters, or ``per_kind`` letters of each kind from the sample
    area (any area when the manifest names none), lowest ids first."""
    from casereview.letters.models import Letter, LetterKind

    sample = manifest.get("sample", {})
    letters = Letter.objects.select_related("agency", "information_request").defer("pdf", "docx")
    ids = [int(pk) for pk in sample.get("letter_ids") or []]
    if ids:
        found = {letter.pk: letter for letter in letters.filter(pk__in=ids)}
        missing = [pk for pk in ids if pk not in found]
        if missing:
            raise BenchmarkError(f"the manifest's sample letters {missing} are not in the data")
        return [found[pk] for pk in ids]
    if sample.get("area_id"):
        letters = letters.filter(case__area_id=sample["area_id"])
    chosen: list[Letter] = []
    for kind in LetterKind.values:
        chosen.extend(letters.filter(kind=kind).order_by("pk")[:per_kind])
    if not chosen:
        raise BenchmarkError("the data set holds no letters to render")
    return chosen


@dataclass
class LetterRuns:
    """The timed runs of one letter in one format: whole, and its two parts."""

    job: LetterJob
    total: list[float]
    html: list[float]
    convert: list[float]


def _timed(render: Callable[[str], bytes], job: LetterJob) -> tuple[float, float, bytes]:
    """(html ms, conversion ms, output) of one render, the collector off as in ``time_runs``."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        page = letter_html(job)
        middle = time.perf_counter()
        data = render(page)
        ended = time.perf_counter()
    finally:
        gc.enable()
    return (middle - started) * 1000, (ended - middle) * 1000, data


def measure_letters(
    jobs: Sequence[LetterJob], *, repeats: int
) -> tuple[dict[str, list[LetterRuns]], float]:
    """Every letter in both formats, in interleaved rounds (each round renders every letter as
    a PDF and as a Word document), after one untimed warm-up render of each, which also checks
    the outputs. Returns the runs by format and the peak memory (MiB) of the rounds (both
    formats: they run in the same rounds)."""
    from casereview.letters.rendering import html_to_docx, html_to_pdf

    renderers: dict[str, Callable[[str], bytes]] = {"pdf": html_to_pdf, "docx": html_to_docx}
    checks = {"pdf": check_pdf, "docx": check_docx}
    runs = {name: [LetterRuns(job, [], [], []) for job in jobs] for name in renderers}
    for job in jobs:
        for name, render in renderers.items():
            _html_ms, _convert_ms, data = _timed(render, job)
            checks[name](job, data)
    harness.reset_peak_memory()
    last: dict[tuple[str, int], bytes] = {}
    for _ in range(repeats):
        for index, job in enumerate(jobs):
            for name, render in renderers.items():
                html_ms, convert_ms, data = _timed(render, job)
                row = runs[name][index]
                row.html.append(html_ms)
                row.convert.append(convert_ms)
                row.total.append(html_ms + convert_ms)
                last[name, index] = data
    peak = harness.peak_memory_mib()
    # The timed outputs are real too, not only the warm-up's.
    for (name, index), data in last.items():
        checks[name](jobs[index], data)
    return runs, peak


def _median(values: Sequence[float]) -> float:
    return round(statistics.median(values), 2)


def letter_result(
    name: str, rows: Sequence[LetterRuns], target: harness.Target, peak: float
) -> harness.Result:
    pooled = harness.Timing(tuple(ms for row in rows for ms in row.total))
    by_kind: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        by_kind[row.job.kind].extend(row.total)
    label = "PDF (WeasyPrint)" if name == "pdf" else "Word document (python-docx)"
    convert = "html_to_pdf" if name == "pdf" else "html_to_docx"
    return harness.Result(
        id=f"b5.letter.{name}",
        title=f"Letter rendered to {label}, context built from the database",
        figure=pooled.median,
        unit="ms",
        target=target,
        database=None,
        timing=pooled,
        peak_memory_mib=peak,
        details={
            "letters": len(rows),
            "runs_per_letter": len(rows[0].total) if rows else 0,
            "median_ms_by_kind": {kind: _median(ms) for kind, ms in sorted(by_kind.items())},
            "median_ms_context_and_template": _median([ms for row in rows for ms in row.html]),
            f"median_ms_{convert}": _median([ms for row in rows for ms in row.convert]),
            "letter_ids": [row.job.letter_id for row in rows],
        },
        notes=(
            "Median of every timed run of every sampled letter (interleaved rounds). Timed: what "
            "write_letters does for one letter (case loaded, context built from the database, "
            f"template rendered, restricted-data check for victim-facing letters, {convert}); "
            "downloads serve the bytes stored then. Output checked: "
            + (
                "starts with %PDF, pypdf reads the reference."
                if name == "pdf"
                else "python-docx opens it and it says the reference."
            )
        ),
    )


# ---------------------------------------------------------------------------------------------
# Statistics


def statistics_period(manifest: dict[str, Any]) -> Period:
    """The period the manifest's ``statistics_year`` ([first, last] day) names: a financial
    year, or a calendar year."""
    from casereview.publishing.periods import Period

    first, last = (dt.date.fromisoformat(day) for day in manifest["statistics_year"])
    for period in (Period.financial_year_of(first), Period.calendar_year(first.year)):
        if (period.start, period.end) == (first, last):
            return period
    raise BenchmarkError(f"statistics_year {first}..{last} is not a financial or calendar year")


def statistics_of_all_areas(period: Period) -> dict[int, dict[str, Any]]:
    """Every figure of every area on the service for ``period``, by area id, as a release
    stores them: the app's own national computation."""
    from casereview.publishing.statistics.compute import compute_figures_for_areas

    return {
        pk: figures.to_dict() for pk, figures in compute_figures_for_areas(None, period).items()
    }


def statistics_area_by_area(period: Period) -> dict[int, dict[str, Any]]:
    """The same figures one area at a time (``compute_figures``, as the staff figures page and
    a draft release compute them): the comparison the grouped computation is checked against."""
    from casereview.areas.models import Area
    from casereview.publishing.statistics.compute import compute_figures

    return {
        area.pk: compute_figures(area, period).to_dict()
        for area in Area.objects.filter(on_service=True).order_by("pk")
    }


def totals(figures: dict[int, dict[str, Any]]) -> dict[str, int]:
    """The four statutory counts summed over the areas."""
    summed: dict[str, int] = defaultdict(int)
    for one in figures.values():
        for key, value in one["statutory"].items():
            summed[key] += value
    return dict(summed)


def check_statistics(figures: dict[int, dict[str, Any]], period: Period) -> dict[str, Any]:
    """Check the figures against direct counts; return the counts for the result's details."""
    from casereview.areas.models import Area
    from casereview.cases.models import Case
    from casereview.reviews.models import Meeting

    on_service = Area.objects.filter(on_service=True)
    areas = on_service.count()
    if len(figures) != areas:
        raise BenchmarkError(f"figures for {len(figures)} areas, {areas} on the service")
    summed = totals(figures)
    applications = Case.objects.filter(
        area__in=on_service, received_on__gte=period.start, received_on__lte=period.end
    ).count()
    if applications == 0:
        raise BenchmarkError(f"no applications received in {period.slug}: nothing was counted")
    if summed["applications"] != applications:
        raise BenchmarkError(
            f"applications counted {summed['applications']}, direct count {applications}"
        )
    held = Meeting.objects.filter(
        case__area__in=on_service, held_on__gte=period.start, held_on__lte=period.end
    ).count()
    if summed["reviews_carried_out"] != held:
        raise BenchmarkError(f"reviews carried out {summed['reviews_carried_out']}, held {held}")
    if summed["reviews_with_recommendations"] > summed["reviews_carried_out"]:
        raise BenchmarkError("more reviews with recommendations than reviews carried out")
    return {
        "areas": areas,
        "period": period.slug,
        "cases_counted": applications,
        "statutory_totals": summed,
    }


def measure_statistics(period: Period, *, repeats: int, area_by_area: bool) -> harness.Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = statistics_of_all_areas(period)  # warm-up, and the figures checked
    details = check_statistics(figures, period)
    with CaptureQueriesContext(connection) as queries:
        statistics_of_all_areas(period)
    details["queries"] = len(queries)
    harness.reset_peak_memory()
    timing = harness.time_runs(lambda: statistics_of_all_areas(period), repeats=repeats, warmup=0)
    peak = harness.peak_memory_mib()
    if area_by_area:
        # One run of the per-area computation, for comparison (and as a check: same figures).
        started = time.perf_counter()
        one_by_one = statistics_area_by_area(period)
        details["area_by_area_ms"] = round((time.perf_counter() - started) * 1000, 1)
        if one_by_one != figures:
            raise BenchmarkError("the figures of all areas at once differ from area by area")
    return harness.Result(
        id="b5.statistics.all_areas",
        title=f"Statutory statistics of every area on the service for {period.slug}",
        figure=timing.median,
        unit="ms",
        target=STATISTICS_TARGET,
        database=connection.vendor,
        timing=timing,
        peak_memory_mib=peak,
        details=details,
        notes=(
            "compute_figures_for_areas(None, period) and Figures.to_dict() for every area: the "
            "statutory counts, breakdowns and internal figures a release stores. Totals checked "
            "against direct counts of cases received and meetings held."
        ),
    )


# ---------------------------------------------------------------------------------------------


def as_of(manifest: dict[str, Any]) -> contextlib.AbstractContextManager[object]:
    """The clock on the data set's own today (ten in the morning, ticking), so letters are dated
    as the data set's letters are; ``perf_counter`` is not moved."""
    if not manifest.get("today"):
        return contextlib.nullcontext()
    import time_machine
    from django.utils import timezone

    day = dt.date.fromisoformat(manifest["today"])
    moment = dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_default_timezone())
    return time_machine.travel(moment, tick=True)


def measure(manifest: dict[str, Any], options: argparse.Namespace) -> list[harness.Result]:
    from django.db import connection

    results: list[harness.Result] = []
    if "letters" not in options.skip:
        letter_repeats = (
            QUICK_LETTER_REPEATS if options.quick else max(LETTER_REPEATS, options.repeats)
        )
        jobs = [letter_job(letter) for letter in sample_letters(manifest)]
        harness.say(f"rendering {len(jobs)} letters, {letter_repeats} rounds")
        runs, peak = measure_letters(jobs, repeats=letter_repeats)
        for name, target in (("pdf", PDF_TARGET), ("docx", DOCX_TARGET)):
            result = letter_result(name, runs[name], target, peak)
            result.database = connection.vendor
            results.append(result)
    if "statistics" not in options.skip:
        repeats = (
            QUICK_STATISTICS_REPEATS if options.quick else max(STATISTICS_REPEATS, options.repeats)
        )
        results.append(
            measure_statistics(
                statistics_period(manifest),
                repeats=repeats,
                area_by_area=not (options.quick or options.no_area_by_area),
            )
        )
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = harness.common_arguments(__doc__, prog="python -m bench.b5_letters")
    parser.add_argument(
        "--skip",
        choices=("letters", "statistics"),
        action="append",
        default=[],
        help="leave out one half of the benchmark",
    )
    parser.add_argument(
        "--no-area-by-area",
        action="store_true",
        help="do not time the per-area computation of the statistics for comparison",
    )
    options = parser.parse_args(argv)
    harness.setup_django(options.database_url)
    # WeasyPrint logs each step of every render at INFO; seven lines per letter would drown
    # the benchmark's own output (the product's log configuration is left as it is).
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    manifest = harness.read_manifest(options.manifest)
    try:
        with as_of(manifest):
            results = measure(manifest, options)
    except BenchmarkError as error:
        harness.say(f"b5_letters: {error}")
        return 1
    harness.write_fragment(options.out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
