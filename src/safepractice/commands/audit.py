import typer


def register(app: typer.Typer) -> None:
    audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)

    @audit_app.command("verify")
    def verify() -> None:
        """Check the audit log's hash chain from the first entry to the last."""
        from safepractice.cli import setup_django

        setup_django()
        from safepractice.audit.services import verify_chain

        report = verify_chain()
        if report.intact:
            typer.echo(f"Audit chain intact: {report.entries} entries verified.")
            return
        typer.echo(
            f"Audit chain BROKEN at entry #{report.broken_at}: {report.reason}.", err=True
        )
        raise typer.Exit(1)

    app.add_typer(audit_app, name="audit")
