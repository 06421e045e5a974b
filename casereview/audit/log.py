"""Writing to the audit log (see ``casereview.audit.models`` and ``casereview.audit.chain``).

Views call ``record_view`` (one case) or ``record_area_view`` (an area-wide list of several
victims' data), with ``kind`` saying when the read is a download, a search or an export;
``record_search`` records a search of people across the areas searched; the signal receivers
(``casereview.audit.receivers``) call ``record_change``. Who and from where come from the
request when there is one (``casereview.audit.middleware``), else the record says "system".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db.models import Model
from django.http import HttpRequest

from casereview.areas.models import Area
from casereview.audit import chain
from casereview.audit.middleware import current_request
from casereview.audit.models import READ_KINDS, AccessRecord, AuditRecord, Kind
from casereview.cases.models import Case
from casereview.core.logs import request_id
from casereview.public.ratelimit import client_address

SYSTEM = "system"
PUBLIC_TRACKING = "public: tracking link"
PUBLIC = "public"

# Query parameters that carry what a person typed about someone (a name, a postcode, an
# address): the audit row says that a search was made, never the personal data searched for.
_PERSONAL_PARAMETERS = frozenset(
    {"q", "name", "postcode", "email", "phone", "address", "victim_name", "applicant_name"}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _clean(text: str, length: int) -> str:
    """Text fit for a row that is hashed: no control characters (PostgreSQL refuses NUL), and
    cut to the column's length before hashing, so what is stored is what was hashed."""
    return _CONTROL.sub("", text)[:length]


def redacted_path(full_path: str) -> str:
    """``full_path`` with the values of personal-data query parameters replaced."""
    parts = urlsplit(full_path)
    if not parts.query:
        return full_path
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(name.lower() in _PERSONAL_PARAMETERS and value for name, value in pairs):
        return full_path
    kept = [
        (name, "[redacted]" if name.lower() in _PERSONAL_PARAMETERS and value else value)
        for name, value in pairs
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _api_key_of(request: HttpRequest) -> object | None:
    # Imported here: the partner models import the case models, which this module also needs,
    # and the API key only matters for API requests.
    from casereview.partners.models import AgencyToken

    token = getattr(request, "auth", None)
    return token if isinstance(token, AgencyToken) else None


def _who_and_where(record: AuditRecord, request: HttpRequest | None) -> None:
    record.request_id = _clean(request_id.get(), 64) if request_id.get() != "-" else ""
    if request is None:
        record.actor = SYSTEM
        return
    from casereview.partners.models import AgencyToken

    token = _api_key_of(request)
    user = getattr(request, "user", None)
    if isinstance(token, AgencyToken):
        record.api_key_id = token.pk
        record.actor = _clean(f"API key {token.prefix} of {token.agency.name}", 300)
    elif user is not None and user.is_authenticated:
        record.user = user
        record.actor = _clean(str(user.email), 300)
    else:
        record.actor = PUBLIC_TRACKING if record.kind in READ_KINDS else PUBLIC
    record.path = _clean(redacted_path(request.get_full_path()), 500)
    record.method = _clean(request.method or "", 10)
    record.client_address = _clean(client_address(request), 64)
    record.user_agent = _clean(request.headers.get("User-Agent", ""), 200)


def _kind(kind: Kind | str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        raise ValueError(f"Not a kind of audit record: {kind!r}") from None


def _append(
    request: HttpRequest | None,
    kind: Kind | str,
    what: str,
    *,
    case: Case | None = None,
    area_id: int | None = None,
    object_label: str = "",
    object_pk: str = "",
    model: type[AuditRecord] = AuditRecord,
) -> AuditRecord:
    record = model(
        kind=_kind(kind),
        case=case,
        case_reference=case.reference if case is not None else "",
        area_id=case.area_id if case is not None else area_id,
        object_label=object_label,
        object_pk=_clean(object_pk, 64),
        what=_clean(what, 200),
    )
    _who_and_where(record, request)
    return chain.append(record)


def record_view(
    request: HttpRequest, case: Case, what: str, *, kind: Kind | str = Kind.VIEW
) -> AccessRecord:
    """Record that the person (or API key) behind ``request`` was shown ``what`` of ``case``;
    ``kind`` says when it was a download or an API read (an API key's reads always are)."""
    if _api_key_of(request) is not None and kind == Kind.VIEW:
        kind = Kind.API_READ
    record = _append(
        request,
        kind,
        what,
        case=case,
        object_label="cases.case",
        object_pk=str(case.pk),
        model=AccessRecord,
    )
    assert isinstance(record, AccessRecord)
    return record


def record_area_view(
    request: HttpRequest, area: Area, what: str, *, kind: Kind | str = Kind.VIEW
) -> AccessRecord:
    """Record that the person behind ``request`` was shown ``what``: a list of several
    victims' data across ``area`` (not one case's)."""
    if _api_key_of(request) is not None and kind == Kind.VIEW:
        kind = Kind.API_READ
    record = _append(request, kind, what, area_id=area.pk, model=AccessRecord)
    assert isinstance(record, AccessRecord)
    return record


def record_search(request: HttpRequest, areas: Iterable[Area], what: str) -> list[AuditRecord]:
    """Record a search of people over the case data of ``areas``: one record per area, so each
    area's administrators see the searches of their own area. The words searched for are not
    kept (see ``redacted_path``)."""
    return [_append(request, Kind.SEARCH, what, area_id=area.pk) for area in areas]


def record_export(request: HttpRequest, area_ids: Iterable[int], what: str) -> list[AuditRecord]:
    """Record an export of audit or case data covering ``area_ids``."""
    return [_append(request, Kind.EXPORT, what, area_id=area_id) for area_id in sorted(area_ids)]


def record_change(
    instance: Model,
    what: str,
    *,
    case_reference: str = "",
    area_id: int | None = None,
    case_id: int | None = None,
) -> AuditRecord:
    """Record a change of case data: ``instance`` created, changed or deleted (``what`` names the
    change and the field names changed, never their values). Written by the signal receivers."""
    record = AuditRecord(
        kind=Kind.CHANGE,
        case_id=case_id,
        case_reference=case_reference,
        area_id=area_id,
        object_label=instance._meta.label_lower,
        object_pk=_clean(str(instance.pk), 64),
        what=_clean(what, 200),
    )
    _who_and_where(record, current_request.get())
    return chain.append(record)


# The records ``record_batch`` holds back while ``batch_records`` is in force (else None).
_held: ContextVar[list[AuditRecord] | None] = ContextVar("audit_held_records", default=None)


@contextmanager
def batch_records() -> Iterator[None]:
    """Within the block, ``record_batch`` holds its records back, and they are appended
    together when the block ends without an exception (``chain.append_all``: one lock of the
    chain head and one INSERT, the same chain as appending each at once). Use it inside the
    transaction that makes the changes recorded, as the ingest service does for each chunk
    (its victims, incidents, match proposals and prompts: up to five records); if the block
    fails, the records go with the transaction's changes. Nested blocks join the outermost.
    Only ``record_batch`` is held back: the other functions return the record they append."""
    if _held.get() is not None:
        yield
        return
    held: list[AuditRecord] = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    chain.append_all(held)


def record_batch(
    request: HttpRequest | None,
    area_id: int,
    what: str,
    object_label: str,
    *,
    case: Case | None = None,
) -> None:
    """Record one change for a bulk operation that sends no signals (an import batch); with
    ``case``, the record is that case's, found when the log is filtered by its reference.
    Appended at once, or at the end of the enclosing ``batch_records`` block."""
    record = AuditRecord(
        kind=Kind.CHANGE, area_id=area_id, object_label=object_label, what=_clean(what, 200)
    )
    if case is not None:
        record.case = case
        record.case_reference = case.reference
    _who_and_where(record, request if request is not None else current_request.get())
    held = _held.get()
    if held is not None:
        held.append(record)
    else:
        chain.append(record)


def views_of(case: Case) -> list[AccessRecord]:
    """Every recorded read of ``case``, oldest first."""
    return list(AccessRecord.objects.filter(case=case).select_related("user"))
