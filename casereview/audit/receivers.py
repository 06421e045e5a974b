"""Every change of case data is recorded: a receiver of every model save and delete writes a
``change`` record for the models of the case-data apps.

The record names the model, the primary key, whether the row was created, changed (with the
NAMES of the fields changed, never their values) or deleted, and the case's reference when the
row belongs to a case. Bulk operations send no signals; the services doing them record a batch
(``casereview.audit.log.record_batch``).

Historical models (those a migration uses, module ``__fake__``) are skipped: a data migration
may run before the audit table has its columns.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db.models import ForeignKey, Model, OneToOneField
from django.db.models.signals import post_delete, post_save, pre_save

from casereview.audit.log import record_change

CASE_DATA_APPS = frozenset(
    {"cases", "partners", "reviews", "appeals", "letters", "publishing", "pledge", "privacy"}
)
# From the public app only the drafts of applications are case data (not rate-limit counters).
CASE_DATA_MODELS = frozenset({"public.applicationdraft"})
# Bookkeeping rows that are not case data.
NOT_CASE_DATA = frozenset({"cases.casesequence"})

_CHANGED = "_audit_changed_fields"


def is_case_data(model: type[Model]) -> bool:
    if model.__module__ == "__fake__":
        return False
    label = model._meta.label_lower
    if label in NOT_CASE_DATA:
        return False
    return model._meta.app_label in CASE_DATA_APPS or label in CASE_DATA_MODELS


def _fk_to(model: type[Model], name: str, target_label: str) -> ForeignKey[Any, Any] | None:
    try:
        field = model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist: the model has no such field
        return None
    if isinstance(field, ForeignKey | OneToOneField) and (
        field.related_model is not None
        and not isinstance(field.related_model, str)
        and field.related_model._meta.label_lower == target_label
    ):
        return field
    return None


@functools.cache
def _path_to_case(model: type[Model]) -> tuple[str, ...] | None:
    """How a row of ``model`` reaches its case: () for a case itself, ("case",) through its own
    ``case`` field, (fk, "case") through a parent row's, None when it has no case."""
    if model._meta.label_lower == "cases.case":
        return ()
    if _fk_to(model, "case", "cases.case") is not None:
        return ("case",)
    for field in model._meta.concrete_fields:
        related = field.related_model
        if (
            isinstance(field, ForeignKey)
            and related is not None
            and not isinstance(related, str)
            and _fk_to(related, "case", "cases.case") is not None
        ):
            return (field.name, "case")
    return None


def _case_of(instance: Model) -> tuple[int | None, str, int | None]:
    """(case id, case reference, area id) of the case ``instance`` belongs to, if any."""
    from casereview.cases.models import Case

    path = _path_to_case(type(instance))
    own_area = (
        getattr(instance, "area_id", None) if _fk_to(type(instance), "area", "areas.area") else None
    )
    if path is None:
        return None, "", own_area
    if path == ():
        assert isinstance(instance, Case)
        return instance.pk, instance.reference, instance.area_id
    if path == ("case",):
        case_id = getattr(instance, "case_id", None)
        if case_id is None:
            return None, "", own_area
        case_field = type(instance)._meta.get_field("case")
        if case_field.is_cached(instance):  # type: ignore[union-attr]
            # The service saving it already holds the case: no query on this hot path.
            case = getattr(instance, "case")  # noqa: B009
            return case_id, case.reference, own_area or case.area_id
        found = Case.objects.filter(pk=case_id).values_list("reference", "area_id").first()
    else:
        parent = type(instance)._meta.get_field(path[0])
        assert isinstance(parent, ForeignKey)
        parent_id = getattr(instance, parent.attname, None)
        if parent_id is None:
            return None, "", own_area
        related = parent.related_model
        assert related is not None
        assert not isinstance(related, str)
        row = (
            related._base_manager.filter(pk=parent_id)
            .values_list("case_id", "case__reference", "case__area_id")
            .first()
        )
        case_id, found = (row[0], (row[1], row[2])) if row is not None else (None, None)
    if found is None or found[0] is None:
        return None, "", own_area
    return case_id, found[0], own_area or found[1]


def _stored_changes(instance: Model) -> list[str]:
    """The names of the fields whose values differ from the stored row's."""
    fields = [field for field in instance._meta.concrete_fields if not field.primary_key]
    stored = (
        type(instance)
        ._base_manager.filter(pk=instance.pk)
        .values(*[field.attname for field in fields])
        .first()
    )
    if stored is None:
        return []
    changed = []
    for field in fields:
        if field.attname in instance.get_deferred_fields():
            continue
        now = field.get_prep_value(getattr(instance, field.attname))
        before = field.get_prep_value(stored[field.attname])
        if now != before:
            changed.append(field.name)
    return changed


def before_save(
    sender: type[Model], instance: Model, raw: bool = False, update_fields: Any = None, **_: Any
) -> None:
    if not is_case_data(sender) or instance._state.adding or raw:
        return
    # Services save only the fields they change; anything else is compared with the stored row.
    changed = sorted(update_fields) if update_fields is not None else _stored_changes(instance)
    instance.__dict__[_CHANGED] = changed


def after_save(
    sender: type[Model], instance: Model, created: bool = False, raw: bool = False, **_: Any
) -> None:
    if not is_case_data(sender):
        return
    changed: list[str] | None = instance.__dict__.pop(_CHANGED, None)
    if created:
        what = "created"
    elif changed:
        what = "changed: " + ", ".join(changed)
    elif changed is None and raw:
        what = "loaded"
    else:
        return  # saved with nothing changed: nothing happened to the data
    case_id, reference, area_id = _case_of(instance)
    record_change(
        instance,
        f"{sender._meta.label_lower} {what}",
        case_reference=reference,
        area_id=area_id,
        case_id=case_id,
    )


def after_delete(sender: type[Model], instance: Model, **_: Any) -> None:
    if not is_case_data(sender):
        return
    _case_id, reference, area_id = _case_of(instance)
    # No link to the case: the case may be being deleted in this same transaction.
    record_change(
        instance, f"{sender._meta.label_lower} deleted", case_reference=reference, area_id=area_id
    )


def connect() -> None:
    pre_save.connect(before_save, dispatch_uid="audit.before_save")
    post_save.connect(after_save, dispatch_uid="audit.after_save")
    post_delete.connect(after_delete, dispatch_uid="audit.after_delete")
