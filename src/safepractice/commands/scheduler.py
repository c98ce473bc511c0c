"""`safepractice scheduler`: queue each periodic job at its times (scheduling/jobs.py)."""

import signal
import threading

import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    @app.command()
    def scheduler(
        once: bool = typer.Option(False, "--once", help="Queue what is due now, then exit."),
    ) -> None:
        """Queue the periodic jobs (case sweeps, reminders, reports, purges, audit checks) at
        their times, for the workers to run. `safepractice run` and `safepractice workers`
        start it; run it yourself only beside workers you start by hand. Running two is safe:
        each job's slot is queued once."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from django.utils import timezone

        from safepractice.scheduling.jobs import JOBS
        from safepractice.scheduling.services import enqueue_due, run_scheduler

        if once:
            queued = enqueue_due(timezone.now())
            typer.echo(f"Queued: {', '.join(run.job for run in queued) or 'nothing'}.")
            return

        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        typer.echo("Scheduler running: " + "; ".join(f"{job.name} {job.schedule}" for job in JOBS))
        run_scheduler(stop)
