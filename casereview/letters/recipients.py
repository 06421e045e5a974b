"""Who a letter goes to, and how it reaches them.

The victim and a third-party applicant are written to by e-mail when they have an address and
asked to be contacted by e-mail (``Case.preferred_contact``), otherwise by post. Someone with
no postal address but an e-mail address is e-mailed whatever they preferred: a letter that
cannot be posted is better e-mailed than not sent. Someone with neither cannot be written to
at all, and no letter is stored for them (see ``casereview.letters.services``).

A relevant body is e-mailed at ``Agency.email`` and otherwise sent the letter by post: agencies
have no postal address on record, so a posted letter to one is addressed by name and the
coordinator who prints it adds the address from the council's own records.
"""

from __future__ import annotations

from dataclasses import dataclass

from casereview.areas.models import Agency
from casereview.cases.models import Case, ContactMethod
from casereview.letters.models import Delivery, Recipient


@dataclass(frozen=True)
class Addressee:
    """One recipient of a letter, with the contact details the case holds for them."""

    recipient: str
    name: str
    address_lines: tuple[str, ...] = ()
    email: str = ""
    prefers_email: bool = False
    agency: Agency | None = None

    @property
    def is_agency(self) -> bool:
        return self.recipient == Recipient.AGENCY

    @property
    def delivery(self) -> str | None:
        """E-mail or post, or None when there is no way to reach them (module docstring)."""
        if self.email and (self.prefers_email or self.is_agency):
            return Delivery.EMAIL
        if self.address_lines or self.is_agency:
            return Delivery.POST
        if self.email:
            return Delivery.EMAIL
        return None


def _lines(*parts: str) -> tuple[str, ...]:
    lines: list[str] = []
    for part in parts:
        for piece in part.replace(",", "\n").splitlines():
            if piece.strip():
                lines.append(piece.strip())
    return tuple(lines)


def victim(case: Case) -> Addressee:
    # A postcode alone is not an address a letter can be posted to.
    lines = _lines(case.victim_address)
    if lines and case.victim_postcode and case.victim_postcode not in lines:
        lines = (*lines, case.victim_postcode)
    return Addressee(
        recipient=Recipient.VICTIM,
        name=case.victim_name,
        address_lines=lines,
        email=case.victim_email,
        prefers_email=case.preferred_contact == ContactMethod.EMAIL,
    )


def applicant(case: Case) -> Addressee | None:
    """The third-party applicant, or None when the victim applied themselves."""
    if case.applicant_is_victim:
        return None
    return Addressee(
        recipient=Recipient.APPLICANT,
        name=case.applicant_name,
        address_lines=_lines(case.applicant_address),
        email=case.applicant_email,
        prefers_email=case.preferred_contact == ContactMethod.EMAIL,
    )


def applicant_or_victim(case: Case) -> Addressee:
    """Whoever made the application."""
    return applicant(case) or victim(case)


def agency(body: Agency) -> Addressee:
    return Addressee(recipient=Recipient.AGENCY, name=body.name, email=body.email, agency=body)
