"""Case events and letters still refuse ordinary changes; the one sanctioned path,
``overwrite_history``, changes their personal fields only and refuses anything else."""

from __future__ import annotations

import pytest

from casereview.accounts.models import User
from casereview.areas.models import Area
from casereview.cases.models import CaseEvent, ImmutableRow
from casereview.letters.models import ImmutableLetter, Letter
from casereview.privacy.anonymise import MARKER, overwrite_history
from tests.cases.helpers import receive


def test_an_event_still_refuses_an_ordinary_save_update_or_delete(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator, note="Phoned in by Sam")
    event = CaseEvent.objects.filter(case=case).first()
    assert event is not None
    event.note = "changed"
    with pytest.raises(ImmutableRow):
        event.save()
    with pytest.raises(ImmutableRow):
        CaseEvent.objects.filter(case=case).update(note="changed")
    with pytest.raises(ImmutableRow):
        CaseEvent.objects.filter(case=case).delete()


def test_a_letter_still_refuses_a_change_of_its_content() -> None:
    letter = Letter(html="<p>Dear Sam</p>")
    letter._state.adding = False
    with pytest.raises(ImmutableLetter):
        letter.save(update_fields=["html"])


def test_the_anonymisation_path_overwrites_an_events_note_only(
    in_march: None, area: Area, coordinator: User
) -> None:
    case = receive(area, coordinator, note="Phoned in by Sam")
    events = CaseEvent.objects.filter(case=case)
    steps = list(events.values_list("step", "at"))

    overwrite_history(events, note=MARKER)

    assert set(events.values_list("note", flat=True)) == {MARKER}
    assert list(events.values_list("step", "at")) == steps
    with pytest.raises(ImmutableRow):
        overwrite_history(events, step="close")
    with pytest.raises(ImmutableRow):
        overwrite_history(Letter.objects.filter(case=case), kind="ct4")
