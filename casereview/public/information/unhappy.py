"""What someone unhappy with how their Case Review was handled can do, in the order to try it,
for one area: the sentences that depend on the area and its policy are decided here."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from casereview.areas.models import Area
from casereview.areas.presenters import (
    HOUSING_OMBUDSMAN_URL,
    Link,
    Ombudsman,
    calendar_days,
    ombudsman_for,
)
from casereview.rules.policy import LocalPolicy

# The Association of Police and Crime Commissioners lists every commissioner (and the mayors
# who hold the role in some areas).
APCC_URL = "https://www.apccs.police.uk/"
ASB_HELP_URL = "https://asbhelp.co.uk/"


@dataclass(frozen=True)
class UnhappyStep:
    title: str
    lines: tuple[str, ...]
    links: tuple[Link, ...] = ()


class UnhappyPresenter:
    def __init__(
        self,
        area: Area,
        policy: LocalPolicy | None,
        *,
        track_url: str | None,
        letter_url: str,
    ) -> None:
        self.area = area
        self.policy = policy
        self.track_url = track_url
        self.letter_url = letter_url

    @property
    def ombudsman(self) -> Ombudsman:
        return ombudsman_for(self.area.nation)

    def _review_line(self) -> str:
        if self.policy is None:
            return _(
                "If the council decided the threshold was not met, you can ask for the decision "
                "to be looked at again. The council's decision letter says how and by when."
            )
        return _(
            "If the council decided the threshold was not met, you can ask for the decision to "
            "be looked at again within %(period)s of the decision."
        ) % {"period": calendar_days(self.policy.timescales.review_request_days)}

    def steps(self) -> list[UnhappyStep]:
        area = self.area
        council = area.official_name
        ombudsman = self.ombudsman
        review_links: tuple[Link, ...] = ()
        if self.track_url:
            review_links = (Link(_("Track your case review"), self.track_url),)
        council_links: tuple[Link, ...] = ()
        if area.council.website:
            council_links = (
                Link(_("%(council)s website") % {"council": council}, area.council.website),
            )
        ombudsman_links = [Link(ombudsman.name, ombudsman.href)]
        ombudsman_lines = [
            _(
                "If you are still unhappy after the council's complaints procedure, you can "
                "complain to the %(ombudsman)s. It is free and independent."
            )
            % {"ombudsman": ombudsman.name},
            ombudsman.covers,
        ]
        if area.nation != "wales":
            ombudsman_lines.append(
                _(
                    "For a complaint about a housing association or other social landlord, go to "
                    "the Housing Ombudsman."
                )
            )
            ombudsman_links.append(Link(_("Housing Ombudsman"), HOUSING_OMBUDSMAN_URL))
        return [
            UnhappyStep(
                _("Talk to your single point of contact"),
                (
                    _(
                        "Tell the person dealing with your Case Review what went wrong and what "
                        "you would like to happen. Many problems can be put right quickly. Their "
                        "details are in the letters the council sent you."
                    ),
                ),
            ),
            UnhappyStep(
                _("Ask for a review of the decision, or appeal"),
                (
                    self._review_line(),
                    _(
                        "If a review took place and you are unhappy with how it was carried out, "
                        "you can appeal. Someone who was not involved in your case looks at it."
                    ),
                ),
                review_links,
            ),
            UnhappyStep(
                _("Use the council's complaints procedure"),
                (
                    _(
                        "Complain to %(council)s about how your Case Review was handled. Say "
                        "what went wrong and what you would like the council to do."
                    )
                    % {"council": council},
                ),
                council_links,
            ),
            UnhappyStep(_("Go to the ombudsman"), tuple(ombudsman_lines), tuple(ombudsman_links)),
            UnhappyStep(
                _("Tell the Police and Crime Commissioner"),
                (
                    _(
                        "The Police and Crime Commissioner for the %(police)s area holds the "
                        "police to account and works with councils on community safety. In some "
                        "areas a mayor holds this role."
                    )
                    % {"police": area.police_force.name},
                ),
                (Link(_("Find your Police and Crime Commissioner"), APCC_URL),),
            ),
            UnhappyStep(
                _("Write to the Victims' Commissioner"),
                (
                    _(
                        "The Victims' Commissioner for England and Wales speaks up for victims "
                        "and checks how well services treat them. The Commissioner cannot usually "
                        "take up a single case, but wants to hear where the Case Review is "
                        "failing victims."
                    ),
                    _(
                        "We can write the letter for you from a few answers. You then send it "
                        "yourself, by post or email."
                    ),
                ),
                (Link(_("Write a letter to the Victims' Commissioner"), self.letter_url),),
            ),
        ]

    def charity_line(self) -> str:
        return _(
            "You can also tell ASB Help, a charity for victims of anti-social behaviour, about "
            "your experience."
        )

    @property
    def charity_url(self) -> str:
        return ASB_HELP_URL
