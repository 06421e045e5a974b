"""Sessions in the database, as Django's ``db`` engine keeps them, read by a prepared statement.

Every staff request reads its session row first. Django's engine builds and compiles that query
(``Session.objects.get(session_key=..., expire_date__gt=now)``) afresh on every request; here it
is compiled once per connection (``casereview.core.prepared``) and the expiry is compared in
Python, which answers the same: no session, or an expired one, is no session. Everything else
(saving, rotating keys, clearing expired rows) is Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from casereview.core.prepared import Prepared

_SESSION = Prepared(lambda key: Session.objects.filter(session_key=key)[:1])


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self) -> Session | None:
        key = self.session_key
        found = _SESSION.first(key) if key is not None else None
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
