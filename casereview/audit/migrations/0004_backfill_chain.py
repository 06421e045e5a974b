"""Number the records written before the chain existed (in the order they were written), fill in
who (the person's e-mail address) and the case's area, hash them into the chain, and set the
chain head."""

from typing import Any

from django.db import migrations

from casereview.audit.chain import GENESIS, HASHED, compute_hash

BATCH = 2000


def backfill(apps: Any, schema_editor: Any) -> None:
    AuditRecord = apps.get_model("audit", "AuditRecord")
    ChainHead = apps.get_model("audit", "ChainHead")
    Case = apps.get_model("cases", "Case")
    User = apps.get_model("accounts", "User")
    seq = 0
    prev = GENESIS
    emails: dict[int, str] = {}
    areas: dict[int, int] = {}
    while True:
        # Paged by position: the order (time written, then id) is not changed by the updates.
        batch = list(AuditRecord.objects.order_by("at", "pk")[seq : seq + BATCH])
        if not batch:
            break
        for record in batch:
            seq += 1
            if record.user_id is not None and record.user_id not in emails:
                emails[record.user_id] = (
                    User.objects.filter(pk=record.user_id).values_list("email", flat=True).first()
                    or ""
                )
            if record.case_id is not None and record.area_id is None:
                if record.case_id not in areas:
                    areas[record.case_id] = (
                        Case.objects.filter(pk=record.case_id)
                        .values_list("area_id", flat=True)
                        .first()
                    )
                record.area_id = areas[record.case_id]
            record.seq = seq
            record.kind = "view"
            record.actor = (
                emails[record.user_id] if record.user_id is not None else "public: tracking link"
            )
            record.prev_hash = prev
            record.hash = compute_hash({name: getattr(record, name) for name in HASHED})
            prev = record.hash
        AuditRecord.objects.bulk_update(
            batch, ["seq", "kind", "actor", "area", "prev_hash", "hash"]
        )
    ChainHead.objects.update_or_create(pk=1, defaults={"seq": seq, "hash": prev if seq else ""})


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_audit_chain"), ("accounts", "0001_initial")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
