"""Benchmark 1: threshold evaluation of one case with 1,000, 10,000 and 100,000 complaints.

    python -m bench.b1_threshold --database-url sqlite:///var/bench/dev-b1/scratch.sqlite3

Runs on an empty scratch database, which it migrates. It writes one area (council, police,
housing provider, health body) under the reference procedure's policy, and one case per size
whose complaints are ``bench.synthetic.complaints(n)`` (spread over eighteen months, one in five
sharing an incident with others, a tail of late reports, one in ten a diary sheet), bulk
inserted; one complaint in fifty is the applicant's own statement that no agency has confirmed,
so both of the app's evaluations (confirmed only, and "if all were confirmed") do real work.

What is timed is what the threshold-decision page does for one case: load the case with its
policy version, then ``casereview.cases.evaluation.evaluate_case`` (load the complaints, turn
them into the rules engine's complaints, evaluate twice). Sizes are timed in interleaved rounds
(1k, 10k, 100k, then again) so that load from other processes falls on every size alike; the
garbage collector is off while a call is timed (as ``timeit`` does). Peak memory per size comes
from one further untimed evaluation of that size alone. Details: each size's growth against
linear and n log n.
"""

from __future__ import annotations

import gc
import math
import random
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from bench import harness
from bench.synthetic import APPLICATION_DATE, complaints

SIZES = (1_000, 10_000, 100_000)
TARGETS_MS = {1_000: 5.0, 100_000: 1_000.0}
# One complaint in this many is stated by the applicant and not (yet) confirmed by an agency.
UNCONFIRMED_ONE_IN = 50
BATCH = 5_000


@dataclass(frozen=True)
class BuiltCase:
    case_id: int
    size: int
    # The synthetic complaints' positions, by their row's primary key: the rules engine's id of
    # a complaint loaded from the database is ``str(pk)``.
    index_by_pk: dict[int, int]
    confirmed_by_pk: dict[int, bool]


class CaseBuilder:
    """Writes one area and, per size, one case with that many complaints."""

    def __init__(self, seed: int = 2014) -> None:
        from casereview.areas.models import Agency, AgencyKind, Area, AreaAgency, AreaPolicy
        from casereview.rules import REFERENCE_PROCEDURE, policy_to_dict

        self.seed = seed
        tag = f"b1-{seed}"
        kinds = {
            "council": AgencyKind.COUNCIL,
            "police": AgencyKind.POLICE,
            "housing": AgencyKind.HOUSING,
            "health": AgencyKind.HEALTH,
        }
        self.agencies = {
            code: Agency.objects.create(code=f"{tag}-{code}", name=f"Bench {code}", kind=kind)
            for code, kind in kinds.items()
        }
        self.area = Area.objects.create(
            gss_code=f"E98{seed % 1_000_000:06d}",
            la_code=f"Q{seed % 100:02d}",
            slug=tag,
            name="Threshold Benchshire",
            official_name="Threshold Benchshire District Council",
            nation="england",
            region="East of England",
            area_type="NMD",
            council=self.agencies["council"],
            police_force=self.agencies["police"],
            on_service=True,
        )
        for agency in self.agencies.values():
            AreaAgency.objects.create(area=self.area, agency=agency, relevant_body=True)
        self.policy = AreaPolicy.objects.create(
            area=self.area,
            version=1,
            rules=policy_to_dict(REFERENCE_PROCEDURE),
            effective_from=APPLICATION_DATE,
        )
        self.number = 0

    def case(self, n: int) -> BuiltCase:
        from casereview.cases.models import Case, Complaint, ComplaintSource

        self.number += 1
        case = Case.objects.create(
            reference=f"B1-{self.seed}-{self.number:05d}",
            area=self.area,
            policy=self.policy,
            status="received",
            channel="phone",
            received_on=APPLICATION_DATE,
            victim_name=f"Bench Victim {self.number}",
            asb_description="Synthetic case for the threshold benchmark",
        )
        rng = random.Random(self.seed + n)
        rows: list[Complaint] = []
        confirmed: list[bool] = []
        for item in complaints(n, seed=self.seed):
            is_confirmed = rng.randrange(UNCONFIRMED_ONE_IN) != 0
            confirmed.append(is_confirmed)
            rows.append(
                Complaint(
                    case=case,
                    agency=self.agencies[item.agency],
                    reported_on=item.reported_date,
                    behaviour_on=item.behaviour_date,
                    agency_reference=item.id if is_confirmed else "",
                    incident_key=item.incident,
                    kind=item.kind.value,
                    source=(
                        ComplaintSource.CONFIRMED_BY_AGENCY
                        if is_confirmed
                        else ComplaintSource.STATED_BY_APPLICANT
                    ),
                )
            )
        for start in range(0, len(rows), BATCH):
            Complaint.objects.bulk_create(rows[start : start + BATCH])
        # Primary keys in insertion order (bulk_create does not return them on every database).
        pks = list(case.complaints.order_by("pk").values_list("pk", flat=True))
        return BuiltCase(
            case_id=case.pk,
            size=n,
            index_by_pk={pk: index for index, pk in enumerate(pks)},
            confirmed_by_pk={pk: confirmed[index] for index, pk in enumerate(pks)},
        )


def evaluate_from_database(case_id: int) -> Any:
    """The threshold-decision page's work for one case: load it, evaluate it."""
    from casereview.cases.evaluation import evaluate_case
    from casereview.cases.models import Case

    case = Case.objects.select_related("policy").get(pk=case_id)
    return evaluate_case(case)


def confirmed_rules(case_id: int) -> list[Any]:
    """The rules engine's complaints ``evaluate_case`` evaluates for ``case_id``, in its order."""
    from casereview.cases.models import Complaint

    found = Complaint.objects.filter(case_id=case_id).select_related("agency")
    return [c.to_rules() for c in found.order_by("reported_on", "pk") if c.is_confirmed]


def interleaved(
    calls: Mapping[int, Callable[[], object]], repeats: int, *, each_after_itself: bool = False
) -> dict[int, harness.Timing]:
    """Time every call once per round, ``repeats`` rounds, after one warm-up round. Each timed
    call follows the previous size's (the 1,000-complaint case follows the 100,000 one); with
    ``each_after_itself``, every timed call follows an untimed call of the same size instead,
    to show whether what ran before (the larger case's freed objects, the caches it filled)
    changes a size's figure."""
    for call in calls.values():
        call()
    runs: dict[int, list[float]] = {key: [] for key in calls}
    for _ in range(repeats):
        for key, call in calls.items():
            if each_after_itself:
                call()
            runs[key].append(harness.time_once(call))
    return {key: harness.Timing(tuple(found)) for key, found in runs.items()}


def n_log_n_ratio(n: int, base: int) -> float:
    return (n * math.log(n)) / (base * math.log(base))


def main(argv: Sequence[str] | None = None) -> int:
    parser = harness.common_arguments(__doc__, prog="python -m bench.b1_threshold")
    options = parser.parse_args(argv)
    if not options.database_url:
        parser.error("give --database-url: an empty scratch database to migrate and fill")
    repeats = 3 if options.quick else options.repeats
    if repeats < 1:
        parser.error("--repeats must be at least 1")
    harness.setup_django(options.database_url, migrate=True)

    from django.db import connection

    from casereview.cases.evaluation import case_policy
    from casereview.cases.models import Case
    from casereview.rules import evaluate_threshold

    started = time.perf_counter()
    builder = CaseBuilder()
    built = {n: builder.case(n) for n in SIZES}
    build_seconds = time.perf_counter() - started
    harness.say(f"built {len(SIZES)} cases ({sum(SIZES):,} complaints) in {build_seconds:.1f} s")

    policy = case_policy(Case.objects.select_related("policy").get(pk=built[SIZES[0]].case_id))
    # The pure engine's input: the confirmed complaints, as and in the order the app passes them.
    rules_sets = {n: confirmed_rules(made.case_id) for n, made in built.items()}

    app = interleaved(
        {n: partial(evaluate_from_database, made.case_id) for n, made in built.items()}, repeats
    )
    app_after_itself = interleaved(
        {n: partial(evaluate_from_database, made.case_id) for n, made in built.items()},
        repeats,
        each_after_itself=True,
    )
    pure = interleaved(
        {
            n: partial(evaluate_threshold, APPLICATION_DATE, items, policy)
            for n, items in rules_sets.items()
        },
        repeats,
    )
    peaks: dict[int, float] = {}
    for n, made in built.items():
        gc.collect()
        harness.reset_peak_memory()
        evaluate_from_database(made.case_id)
        peaks[n] = harness.peak_memory_mib()

    base = SIZES[0]
    results = []
    for n in SIZES:
        evaluation = evaluate_from_database(built[n].case_id)
        target = TARGETS_MS.get(n)
        results.append(
            harness.Result(
                id=f"b1.threshold.{n}",
                title=f"Threshold evaluation of one case with {n:,} complaints",
                figure=app[n].median,
                unit="ms",
                target=harness.Target("<=", target, "ms") if target is not None else None,
                database=connection.vendor,
                timing=app[n],
                peak_memory_mib=peaks[n],
                details={
                    "complaints": n,
                    "confirmed": sum(built[n].confirmed_by_pk.values()),
                    "qualifying_count": evaluation.result.qualifying_count,
                    "threshold_met": evaluation.threshold_met,
                    "rules_engine_only_median_ms": round(pure[n].median, 3),
                    "rules_engine_only_spread_ms": {
                        k: round(v, 3) for k, v in pure[n].spread.items()
                    },
                    "after_a_case_of_the_same_size_median_ms": round(app_after_itself[n].median, 3),
                    "ratio_to_1000": round(app[n].median / app[base].median, 2),
                    "n_ratio": n / base,
                    "n_log_n_ratio": round(n_log_n_ratio(n, base), 2),
                    "rules_engine_ratio_to_1000": round(pure[n].median / pure[base].median, 2),
                    "build_seconds": round(build_seconds, 1),
                },
                notes=(
                    "Load the case and its policy version, then evaluate_case (load the "
                    "complaints, evaluate the confirmed ones and all of them): the threshold "
                    f"page's work. Median of {repeats} interleaved rounds, each call after the "
                    "previous size's (the figure); timed again each after an untimed call of "
                    "its own size, as a server evaluating cases of one size in turn: "
                    f"{app_after_itself[n].median:,.2f} ms. Peak memory from one untimed "
                    "evaluation of this size alone (the process's resident peak)."
                ),
            )
        )
    # The pure engine alone, the same complaints: what the app path adds shows against it.
    pure_peaks: dict[int, float] = {}
    for n, items in rules_sets.items():
        gc.collect()
        harness.reset_peak_memory()
        evaluate_threshold(APPLICATION_DATE, items, policy)
        pure_peaks[n] = harness.peak_memory_mib()
    for n in SIZES:
        target = TARGETS_MS.get(n)
        results.append(
            harness.Result(
                id=f"b1.engine.{n}",
                title=f"Threshold evaluation by the rules engine alone, {n:,} complaints",
                figure=pure[n].median,
                unit="ms",
                target=harness.Target("<=", target, "ms") if target is not None else None,
                database=connection.vendor,
                timing=pure[n],
                peak_memory_mib=pure_peaks[n],
                details={
                    "complaints": len(rules_sets[n]),
                    "app_path_median_ms": round(app[n].median, 3),
                    "ratio_to_1000": round(pure[n].median / pure[base].median, 2),
                    "n_log_n_ratio": round(n_log_n_ratio(n, base), 2),
                },
                notes=(
                    "casereview.rules.evaluate_threshold on the case's confirmed complaints, "
                    "already in memory (no database, no loading): the engine's share of "
                    f"b1.threshold.{n}. Median of {repeats} interleaved rounds; peak memory "
                    "from one untimed evaluation (the process's resident peak, which includes "
                    "every size's complaints held in memory)."
                ),
            )
        )
    harness.write_fragment(options.out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
