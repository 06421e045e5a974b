"""Signing in with an e-mail address and password: Django's ``ModelBackend``, with the signed-in
person read on every request by a prepared statement (``casereview.core.prepared``) rather than
a query compiled afresh each time. Who may sign in (``user_can_authenticate``: active accounts
only), how passwords are checked and what permissions are given are all ``ModelBackend``'s."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from casereview.accounts.models import User
from casereview.core.prepared import Prepared

_USER = Prepared(lambda pk: User.objects.filter(pk=pk)[:1])


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = User._meta.pk.to_python(user_id)
        except Exception:
            return None
        user = _USER.first(pk) if isinstance(pk, int) else None
        return user if user is not None and self.user_can_authenticate(user) else None
