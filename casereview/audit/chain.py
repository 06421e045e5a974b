"""The hash chain of the audit log.

Each record's hash is SHA-256 over a canonical serialisation (sorted-key JSON) of the fields
that never change once written, plus the previous record's hash. Not hashed: the row's database
id and the case link (deleting a case cuts the link, ``SET_NULL``); the case's reference is
hashed instead. Deleting a row leaves a gap in the sequence numbers; altering one changes its
hash; recomputing the altered row's hash breaks the next row's ``prev_hash``; deleting the last
rows leaves the chain head ahead of the table. ``verify`` reports the first of these.

Appends are serialised by a row lock on ``ChainHead`` taken inside the appending transaction
(on SQLite every transaction is IMMEDIATE, which serialises writers anyway).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from casereview.audit.models import AuditRecord, ChainHead
from casereview.core.prepared import Prepared

GENESIS = "0" * 64

# The hashed fields, by attribute name. Changing this list changes every hash: don't.
HASHED = (
    "seq",
    "kind",
    "at",
    "user_id",
    "actor",
    "api_key_id",
    "case_reference",
    "area_id",
    "object_label",
    "object_pk",
    "what",
    "path",
    "method",
    "client_address",
    "user_agent",
    "request_id",
    "prev_hash",
)


def _canonical_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return value


def compute_hash(values: Mapping[str, Any]) -> str:
    """The hash of a record given its hashed fields (a mapping with every name in ``HASHED``)."""
    canonical = json.dumps(
        {name: _canonical_value(values[name]) for name in HASHED},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def hash_of(record: AuditRecord) -> str:
    return compute_hash({name: getattr(record, name) for name in HASHED})


# The head, locked: read by every audited request (each view of a case), so a prepared
# statement (casereview.core.prepared), compiled once per connection.
_HEAD = Prepared(lambda pk: ChainHead.objects.select_for_update().filter(pk=pk)[:1])


def _locked_head() -> ChainHead:
    """The chain head, locked until the transaction ends: one statement when it exists, as
    it always does but in a database just flushed (a test's), where it is recreated from the
    last record, then locked."""
    head = _HEAD.first(1)
    if head is not None:
        return head
    _, created = ChainHead.objects.get_or_create(pk=1)
    if created:
        # Only the transaction that made the row sets it from the last record: until it
        # commits, the others wait on the row's key, and by then it may have appended (and
        # others after it), so a record they read now could set the head back.
        last = AuditRecord.objects.order_by("-seq").only("seq", "hash").first()
        if last is not None:
            ChainHead.objects.filter(pk=1).update(seq=last.seq, hash=last.hash)
    return ChainHead.objects.select_for_update().get(pk=1)


def append(record: AuditRecord) -> AuditRecord:
    """Give ``record`` (unsaved, every other field set) the next sequence number and its hash,
    and save it."""
    append_all([record])
    return record


def append_all(records: Sequence[AuditRecord]) -> list[AuditRecord]:
    """Append ``records`` (unsaved, every other field set) in their order, as that many
    ``append`` calls one after the other would: the same sequence numbers, previous hashes and
    hashes, so ``verify`` cannot tell the difference. The head is locked once for all of
    them, and they are written by one multi-row INSERT: a chunk of an import writes several
    records, and a lock, an insert and an update each cost more than hashing one.

    No savepoint: the records and the head are written together or the exception goes up
    through the caller's transaction (which is then rolled back), so a failed append never
    leaves a gap or a head ahead of its records."""
    if not records:
        return []
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        seq, previous = head.seq, head.hash or GENESIS
        for record in records:
            seq += 1
            record.seq = seq
            record.prev_hash = previous
            record.hash = previous = hash_of(record)
        if len(records) == 1:
            records[0].save(force_insert=True)
        else:
            AuditRecord.objects.bulk_create(records)
        head.seq = seq
        head.hash = previous
        head.save(update_fields=["seq", "hash"])
    return list(records)


@dataclass(frozen=True)
class Break:
    """The first broken link of the chain, said precisely."""

    seq: int
    problem: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.problem} (expected {self.expected}, found {self.found})"


@dataclass
class Verification:
    checked: int = 0
    broken: Break | None = None


def verify(batch_size: int = 2000) -> Verification:
    """Walk the whole chain in sequence order, a batch at a time (constant memory), and stop at
    the first broken link."""
    result = Verification()
    expected_seq = 1
    expected_prev = GENESIS
    last_seq = 0
    last_hash = GENESIS
    for record in _in_order(batch_size):
        if record.seq != expected_seq:
            missing = (
                f"row {expected_seq}"
                if record.seq == expected_seq + 1
                else f"rows {expected_seq} to {record.seq - 1}"
            )
            result.broken = Break(
                expected_seq, f"{missing} missing", f"#{expected_seq}", f"#{record.seq}"
            )
            return result
        if record.prev_hash != expected_prev:
            result.broken = Break(
                record.seq,
                f"row {record.seq} does not follow row {record.seq - 1}: its prev_hash differs "
                f"(row {record.seq - 1} altered, or row {record.seq} rewritten)",
                expected_prev,
                record.prev_hash,
            )
            return result
        recomputed = hash_of(record)
        if recomputed != record.hash:
            result.broken = Break(record.seq, f"row {record.seq} altered", recomputed, record.hash)
            return result
        result.checked += 1
        expected_seq = record.seq + 1
        expected_prev = record.hash
        last_seq, last_hash = record.seq, record.hash
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.seq > last_seq:
        missing = (
            f"row {head.seq}" if head.seq == last_seq + 1 else f"rows {last_seq + 1} to {head.seq}"
        )
        result.broken = Break(
            last_seq + 1,
            f"{missing} missing: the chain head records #{head.seq}",
            f"#{head.seq}",
            f"#{last_seq}",
        )
    elif head is not None and head.seq == last_seq and last_seq and head.hash != last_hash:
        result.broken = Break(
            last_seq,
            f"row {last_seq} altered: the chain head holds another hash",
            head.hash,
            last_hash,
        )
    return result


def _in_order(batch_size: int) -> Iterator[AuditRecord]:
    """Every record by sequence number, fetched by keyset pages so memory stays flat."""
    after = 0
    while True:
        batch = list(AuditRecord.objects.filter(seq__gt=after).order_by("seq")[:batch_size])
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
