"""SQLite backend (placeholder: the reliability part fills this in)."""

from __future__ import annotations

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    pass
