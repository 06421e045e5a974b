"""Background work of incident imports (django-tasks, database backend, run by
``manage.py db_worker``): ``run_import(import_id, language)`` imports one uploaded file."""

from __future__ import annotations

from django.utils import translation
from django_tasks import task

from casereview.partners.imports import services


@task()
def run_import(import_id: int, language: str) -> str:
    """Import one uploaded file (``services.run_import``), writing its problems in the
    uploader's ``language``. Returns the import's final status."""
    with translation.override(language):
        return services.run_import(import_id)
