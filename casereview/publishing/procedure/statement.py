"""The policy check in plain words, for the public area page and the published procedure."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.rules.policy import LocalPolicy


@dataclass(frozen=True)
class PolicyStatement:
    """``clean``: nothing in the policy is stricter than the law; ``lines``: each point that is,
    in plain words in the active language."""

    clean: bool
    lines: list[str]


def policy_statement(policy: LocalPolicy | None) -> PolicyStatement | None:
    """The statement for ``policy``; None when the area has no readable policy here."""
    return None
