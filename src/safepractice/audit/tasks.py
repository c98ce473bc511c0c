"""Background checks of the audit log."""

from django.conf import settings
from django.core.mail import mail_admins
from django_tasks import task

from .services import verify_chain


@task()
def verify_audit_chain() -> dict:
    """Walk the chain (run nightly by the worker); tell the administrators if it is broken."""
    report = verify_chain()
    if not report.intact and settings.ADMINS:
        mail_admins(
            "safepractice: the audit log's hash chain is broken",
            f"Entry #{report.broken_at}: {report.reason}. Run `safepractice audit verify`.",
        )
    return {"intact": report.intact, "entries": report.entries, "broken_at": report.broken_at}
