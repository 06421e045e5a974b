"""The checklist is data the answers depend on: its codes are unique and stable, it covers the
six commitments, and every automatic evidence it names exists."""

from casereview.pledge import checklist
from casereview.pledge.evidence import EVIDENCE


def test_item_codes_are_unique() -> None:
    codes = [item.code for item in checklist.ITEMS]
    assert len(codes) == len(set(codes))


def test_codes_fit_in_an_address_and_in_the_answer_column() -> None:
    for item in checklist.ITEMS:
        assert item.code.replace("-", "").isalnum()
        assert item.code == item.code.lower()
        assert len(item.code) <= 60


def test_there_are_six_commitments_each_with_three_to_five_items() -> None:
    assert [c.number for c in checklist.COMMITMENTS] == [1, 2, 3, 4, 5, 6]
    for commitment in checklist.COMMITMENTS:
        assert 3 <= len(checklist.items_of(commitment.number)) <= 6


def test_every_item_belongs_to_a_commitment_and_has_words() -> None:
    numbers = {c.number for c in checklist.COMMITMENTS}
    for item in checklist.ITEMS:
        assert item.commitment in numbers
        assert str(item.question).endswith("?")
        assert str(item.guidance)


def test_every_evidence_key_has_a_function() -> None:
    named = {item.evidence for item in checklist.ITEMS if item.evidence}
    assert named <= set(EVIDENCE)
    assert "policy_check" in named
    assert "deadlines_met" in named
    assert "welsh" in named


def test_items_follow_one_another_to_the_end() -> None:
    first, second = checklist.ITEMS[0], checklist.ITEMS[1]
    assert checklist.next_item(first.code) == second
    assert checklist.next_item(checklist.ITEMS[-1].code) is None
