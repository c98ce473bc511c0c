import typer

from safepractice.commands import django_setup


def _broken(report) -> str:
    where = f" at entry #{report.broken_at}" if report.broken_at else ""
    return f"Audit chain BROKEN{where}: {report.reason}."


def register(app: typer.Typer) -> None:
    audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)

    @audit_app.command("verify")
    def verify() -> None:
        """Check the audit log from the first entry to the last, against every checkpoint."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.audit.services import verify_chain

        report = verify_chain()
        if not report.intact:
            typer.echo(_broken(report), err=True)
            raise typer.Exit(1)
        typer.echo(
            f"Audit chain intact: {report.entries} entries verified against "
            f"{report.checkpoints} signed checkpoint(s)."
        )
        if report.checkpoints == 0 and report.entries:
            typer.echo(
                "No signed checkpoint yet: run `safepractice audit checkpoint` (the scheduler "
                "beside the workers does hourly; see docs/audit.md). Until then a removed tail, "
                "or a rewrite by someone "
                "holding the audit key, would go unseen.",
                err=True,
            )

    @audit_app.command("checkpoint")
    def checkpoint() -> None:
        """Verify the log, then seal its last entry in the signed checkpoint file.

        The scheduler queues it hourly; it adds nothing when no entry is new."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from django.conf import settings

        from safepractice.audit.services import write_checkpoint

        result = write_checkpoint()
        if not result.report.intact:
            typer.echo(f"{_broken(result.report)} No checkpoint written.", err=True)
            raise typer.Exit(1)
        if result.checkpoint is not None:
            typer.echo(
                f"Checkpoint written: entry #{result.checkpoint.sequence} sealed in "
                f"{settings.AUDIT_CHECKPOINT_FILE}."
            )
        elif result.already_sealed:
            typer.echo(f"Nothing new: entry #{result.report.entries} is already sealed.")
        else:
            typer.echo("The audit log is empty: nothing to seal.")

    app.add_typer(audit_app, name="audit")
