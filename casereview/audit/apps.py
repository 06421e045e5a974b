from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "casereview.audit"
    label = "audit"
    verbose_name = "Audit"

    def ready(self) -> None:
        # Every change of case data is recorded (casereview.audit.receivers).
        from casereview.audit import receivers

        receivers.connect()
