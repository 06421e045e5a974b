"""The matrix loader refuses malformed data with a message naming the file and the row, so a
typo can neither silently deny nor silently allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from casereview.accounts.permission_matrix import MatrixError, load


def matrix_of(tmp_path: Path, text: str, name: str = "cases.toml") -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    load(tmp_path)


ROW = '[[rows]]\nroute = "cases:case"\nmethods = ["GET"]\n'


def test_the_real_matrix_loads() -> None:
    matrix = load()
    assert matrix.allowed("cases:case", "GET", "coordinator:own")
    assert not matrix.allowed("cases:case", "GET", "coordinator:other")


def test_groups_expand_to_their_principals(tmp_path: Path) -> None:
    (tmp_path / "cases.toml").write_text(
        'kind = "web"\n' + ROW + 'allow = ["chair", "area-staff:own"]\n', encoding="utf-8"
    )
    matrix = load(tmp_path)
    assert matrix.allowed("cases:case", "GET", "chair:other")
    assert matrix.allowed("cases:case", "GET", "read_only:own")
    assert not matrix.allowed("cases:case", "GET", "agency_rep:own")
    assert not matrix.allowed("cases:case", "POST", "chair:own")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'kind = "web"\n' + ROW + 'allow = ["superuser:own"]\n',
            "unknown principal 'superuser:own'",
        ),
        ('kind = "web"\n' + ROW + 'allow = ["key:own"]\n', "unknown principal 'key:own'"),
        ('kind = "web"\n' + ROW, "missing ['allow']"),
        ('kind = "web"\n' + ROW + 'allow = []\nwho = "x"\n', "unknown key(s) ['who']"),
        (
            'kind = "web"\n[[rows]]\nroute = "cases:case"\nmethods = ["FETCH"]\nallow = []\n',
            "unknown method 'FETCH'",
        ),
        (
            'kind = "web"\n[[rows]]\nroute = "cases:case"\nmethods = []\nallow = []\n',
            "methods must be a non-empty list",
        ),
        ('kind = "web"\n' + ROW + "allow = 'everyone'\n", "allow must be a list"),
        (
            'kind = "web"\n[[rows]]\nroute = "reviews:voice"\nmethods = ["GET"]\nallow = []\n',
            "belongs in reviews.toml, not cases.toml",
        ),
        (
            'kind = "web"\n' + ROW + "allow = []\n" + ROW + "allow = []\n",
            "cases:case GET has more than one row",
        ),
        ('kind = "mobile"\n', "kind must be one of ['api', 'web']"),
        ('kind = "web"\nrows = [\n', "not valid TOML"),
    ],
)
def test_malformed_data_is_refused_with_a_clear_error(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(MatrixError) as refused:
        matrix_of(tmp_path, text)
    assert message in str(refused.value)
    assert "cases.toml" in str(refused.value)
