"""Every Welsh catalogue is complete: msgfmt finds no untranslated or fuzzy message, and every
translation keeps its English placeholders (msgfmt --check). A string marked for translation but
left in English would reach a Welsh reader in English."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "casereview").rglob("locale/cy/LC_MESSAGES/django.po"))


def test_there_is_a_welsh_catalogue_for_the_service_and_for_the_review_documents():
    names = {path.relative_to(ROOT).parts[1] for path in CATALOGUES}

    assert {"locale", "reviews"} <= names


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_catalogue_has_no_untranslated_or_fuzzy_messages(catalogue: Path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip()
    assert re.fullmatch(r"\d+ translated messages?\.", statistics), statistics
