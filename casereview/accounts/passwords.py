"""Password rules beyond Django's own (length, common passwords, all-numeric, similarity to the
account's details), as AUTH_PASSWORD_VALIDATORS.

- ``MaximumLengthValidator``: hashing cost grows with the password's length, so an unbounded
  one lets anyone make the server hash megabytes at sign-in. 128 characters is far beyond any
  passphrase a person types or a password manager makes.
- ``ContextWordsValidator``: the words an attacker guesses first for a staff account here are
  the service's name, the council's name, the person's own name and e-mail address; Django's
  similarity check only catches a password *like* the whole of an attribute, not one that
  *contains* it ("EastHerts2026!!", "casey.coordinator123").
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Words shorter than this are too common inside ordinary words to refuse ("east", "asb").
SHORTEST_WORD = 5


def _letters(text: str) -> str:
    """Lower case, letters and digits only: "East-Herts" and "east herts" read the same."""
    return re.sub(r"[\W_]+", "", text.lower())


def _words(text: str) -> set[str]:
    """The whole text run together, and each of its words, that are long enough to refuse."""
    candidates = {_letters(text), *(_letters(w) for w in re.split(r"[\W_]+", text))}
    return {word for word in candidates if len(word) >= SHORTEST_WORD}


class MaximumLengthValidator:
    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("Your password must be %(max_length)d characters or fewer."),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self) -> str:
        return _("Your password must be %(max_length)d characters or fewer.") % {
            "max_length": self.max_length
        }


class ContextWordsValidator:
    """Refuses a password containing the service's name, the name of a council area the
    account belongs to, the person's name, or the e-mail address's local part (or a word of
    them)."""

    def validate(self, password: str, user: Any = None) -> None:
        typed = _letters(password)
        # The service's name as a whole (its single words, like "review", are ordinary words).
        service_words = {_letters(settings.SERVICE_NAME), "casereview", "communitytrigger"}
        if any(word in typed for word in service_words):
            raise ValidationError(
                _("Your password must not contain the name of the service."),
                code="password_has_service_name",
            )
        for area_name in self._area_names(user):
            if any(word in typed for word in _words(area_name)):
                raise ValidationError(
                    _("Your password must not contain the name of your area (%(area)s)."),
                    code="password_has_area_name",
                    params={"area": area_name},
                )
        email = str(getattr(user, "email", "") or "")
        local_part = email.partition("@")[0]
        if local_part and any(word in typed for word in _words(local_part)):
            raise ValidationError(
                _("Your password must not contain your e-mail address or part of it."),
                code="password_has_email",
            )
        # Django's similarity check looks at first_name and last_name, which this service's
        # users do not have: their name is one full_name.
        full_name = str(getattr(user, "full_name", "") or "")
        if full_name and any(word in typed for word in _words(full_name)):
            raise ValidationError(
                _("Your password must not contain your name."), code="password_has_name"
            )

    @staticmethod
    def _area_names(user: Any) -> list[str]:
        if user is None or getattr(user, "pk", None) is None:
            return []
        names = user.memberships.values_list("area__name", flat=True).distinct()
        return sorted(str(name) for name in names)

    def get_help_text(self) -> str:
        return _(
            "Your password must not contain the name of the service, of your area, your name or "
            "your e-mail address."
        )
