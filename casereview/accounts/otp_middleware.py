"""django-otp's middleware, reading the session's verified device by a prepared statement.

``OTPMiddleware`` marks a signed-in person verified when their session names a confirmed
device of theirs. It finds that device with ``Device.from_persistent_id`` (a queryset built and
compiled afresh on every request); this finds the same device, by the same persistent id, with
a statement compiled once per connection and device model (``casereview.core.prepared``). The
checks that follow (the device is the person's own and confirmed, else the session forgets it)
stay django-otp's. A persistent id that names no device model gives no device, as before.
"""

from __future__ import annotations

from django.apps import apps
from django_otp.middleware import OTPMiddleware
from django_otp.models import Device

from casereview.core.prepared import Prepared

_DEVICES: dict[type[Device], Prepared[Device]] = {}


def device_by_persistent_id(persistent_id: str) -> Device | None:
    """The device ``persistent_id`` ("app_label.model/id") names, or None (no such model, not
    a device model, a malformed id, no such row), as ``Device.from_persistent_id`` answers."""
    try:
        model_label, device_id = persistent_id.rsplit("/", 1)
        app_label, model_name = model_label.split(".")
        model = apps.get_model(app_label, model_name)
        pk = int(device_id)
    except (ValueError, LookupError):
        return None
    if not issubclass(model, Device):
        return None
    prepared = _DEVICES.get(model)
    if prepared is None:
        prepared = _DEVICES[model] = Prepared(
            lambda pk, model=model: model.objects.filter(id=pk)[:1]
        )
    return prepared.first(pk)


class PreparedOTPMiddleware(OTPMiddleware):
    def _device_from_persistent_id(self, persistent_id: str) -> Device | None:
        return device_by_persistent_id(self._normalize_persistent_id(persistent_id))
