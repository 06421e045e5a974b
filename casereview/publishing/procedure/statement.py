"""The policy check in plain words, for the public area page and the published procedure."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.publishing.procedure.findings import describe_finding
from casereview.rules.policy import LocalPolicy
from casereview.rules.policy_check import check_policy


@dataclass(frozen=True)
class PolicyStatement:
    """``clean``: nothing in the policy is stricter than the law; ``lines``: each point that is,
    in plain words in the active language."""

    clean: bool
    lines: list[str]


def policy_statement(policy: LocalPolicy | None) -> PolicyStatement | None:
    """The statement for ``policy``; None when the area has no readable policy here."""
    if policy is None:
        return None
    lines = [describe_finding(finding, policy) for finding in check_policy(policy)]
    return PolicyStatement(clean=not lines, lines=lines)
