"""Background checks of the audit log."""

from django_tasks import task

from .services import tell_admins_if_broken, verify_chain, write_checkpoint


@task()
def verify_audit_chain() -> dict:
    """Walk the chain (queued nightly by the scheduler); tell the administrators if broken."""
    report = verify_chain()
    tell_admins_if_broken(report)
    return {"intact": report.intact, "entries": report.entries, "broken_at": report.broken_at}


@task()
def write_audit_checkpoint() -> dict:
    """Verify the chain and seal its last entry in a signed checkpoint outside the database.

    Periodic: the scheduler queues it hourly (scheduling/jobs.py; ``safepractice audit
    checkpoint`` by hand). The checkpoint bounds what a rewrite can hide to the entries since the
    last one. A broken chain is not sealed; the administrators are told instead."""
    result = write_checkpoint()
    written = result.checkpoint
    return {
        "intact": result.report.intact,
        "entries": result.report.entries,
        "written": written is not None,
        "sequence": written.sequence if written else None,
    }
