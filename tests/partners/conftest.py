"""The case workflow's frozen-time fixtures, shared with the partners' tests."""

from tests.cases.conftest import before_christmas, in_march  # noqa: F401
