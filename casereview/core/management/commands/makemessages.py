"""`manage.py makemessages` that also reads Jinja templates (see casereview.core.i18n)."""

from casereview.core.i18n import Command

__all__ = ["Command"]
