"""Every relevant body of the area is told the threshold decision, its route and its reasons."""

from casereview.areas.models import AreaAgency
from casereview.cases.workflow import Step
from casereview.letters.models import LetterKind, Recipient
from casereview.letters.services import plan_letters, write_letters
from tests.factories import add_agency, make_agency
from tests.letters.helpers import decided_met, texts


def test_a_decision_notice_is_planned_for_every_relevant_body_only(area, coordinator):
    add_agency(area, make_agency("Drug and Alcohol Service"), relevant_body=False)
    case = decided_met(area, coordinator)

    notices = [
        p
        for p in plan_letters(case, Step.DECIDE_THRESHOLD_MET)
        if p.kind == LetterKind.DECISION_NOTICE
    ]

    relevant = AreaAgency.objects.filter(area=area, relevant_body=True)
    assert {p.to.agency for p in notices} == {link.agency for link in relevant}
    assert all(p.to.recipient == Recipient.AGENCY for p in notices)


def test_the_notice_gives_the_decision_route_and_reasons(area, coordinator, police):
    case = decided_met(area, coordinator)

    written = write_letters(case, Step.DECIDE_THRESHOLD_MET, kinds={LetterKind.DECISION_NOTICE})
    notice = next(x for x in written.written if x.agency == police)

    assert notice.key == "decision_notice:hertfordshire"
    for text in texts(notice):
        assert "meets the threshold for a case review" in text
        assert "The threshold of qualifying complaints" in text
        assert "Three incidents reported to the police within 30 days of each." in text
        assert "Hertfordshire Constabulary" in text
