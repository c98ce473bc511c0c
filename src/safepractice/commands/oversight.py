from typing import Annotated

import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    @app.command("oversight-reports")
    def oversight_reports_command(
        now: Annotated[bool, typer.Option(
            "--now", help="Make them in this process instead of queueing for the worker.")] = False,
        today: Annotated[str | None, typer.Option(
            help="Pretend today is this date (YYYY-MM-DD), e.g. to catch up a missed term.")
        ] = None,
    ) -> None:
        """Make the governors' termly report of every school whose term has ended (the
        scheduler queues it daily; a report is made once per term)."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.oversight.tasks import generate_due_termly_reports

        if not now:
            generate_due_termly_reports.enqueue(today)
            typer.echo("Queued: a running worker (safepractice manage db_worker) makes them.")
            return
        made = generate_due_termly_reports.call(today)
        typer.echo(f"{len(made)} termly reports made.")
