"""``safepractice review ARCHIVE...``: the self-review from the command line, no database."""

import json
import sys
from pathlib import Path

import typer

from safepractice.commands import django_setup


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review(
        archives: list[Path] = typer.Argument(
            ..., exists=True, dir_okay=False, readable=True,
            help="Downloaded archives (zip) or chat exports to review.",
        ),
        school_config: Path | None = typer.Option(
            None, "--school-config", exists=True, dir_okay=False,
            help="The school's TOML configuration (names, rosters).",
        ),
        pdf: Path | None = typer.Option(None, "--pdf", help="Also write the report as a PDF."),
        as_json: bool = typer.Option(
            False, "--json", help="Write one JSON object per archive to standard output."
        ),
    ) -> None:
        """Review your own social media archives against the policy; the report stays here."""
        # Lazy: rich and the engine take about 0.2 s to import; only `review` needs them.
        from rich.console import Console

        from safepractice.engine import Checker, SchoolContext

        context = SchoolContext()
        if school_config is not None:
            # Lazy: the TOML configuration is read only when one is given.
            from safepractice.engine.config import load_school_config

            context = load_school_config(school_config)
        checker = Checker(context)
        errors = Console(stderr=True)
        results = _review_all(archives, checker, errors)
        for result in results:
            if as_json:
                sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                for warning in result.warnings:
                    errors.print(f"{result.archive}: {warning}", markup=False)
            else:
                _print_summary(result, errors)
        unusable = [result.archive for result in results if not result.usable]
        if unusable:
            # As on the web: one archive it cannot use fails the review, so no report may
            # read as if every archive had been checked.
            from rich.markup import escape

            names = escape(", ".join(unusable))
            errors.print(f"[bold red]Not reviewed[/]: {names} could not be used (see above)."
                         + (" No report was written." if pdf is not None else ""))
            raise typer.Exit(1)
        if pdf is not None:
            _write_pdf(results, pdf)
            errors.print(f"Report written to {pdf}")


def _review_all(archives, checker, console):
    # Lazy: rich's progress bars (0.1 s) and the archive readers load only for `review`.
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from safepractice.exports import review_archive

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.fields[items]:,} items · {task.fields[findings]:,} findings"),
               TimeElapsedColumn())
    results = []
    with Progress(*columns, console=console, transient=False) as progress:
        for path in archives:
            task = progress.add_task(path.name, total=None, items=0, findings=0)

            def update(state, task=task):
                progress.update(task, items=state.items, findings=state.findings)

            result = review_archive(path, checker, on_progress=update)
            progress.update(task, total=1, completed=1,
                            description=f"{path.name} ({result.platform_name or 'refused'})")
            results.append(result)
    return results


def _print_summary(result, console) -> None:
    if not result.usable:
        # Lazy: rich loads only for `review` (see review()).
        from rich.markup import escape

        console.print(f"[bold red]{escape(result.archive)}[/]: {escape(result.error)}",
                      highlight=False)
        return
    console.print(f"[bold]{result.archive}[/]: {result.platform_name}, {result.items:,} items, "
                  f"{len(result.findings) + result.findings_not_kept:,} findings")
    for warning in result.warnings:
        console.print(f"  [yellow]note[/] {warning}")
    for finding in result.findings:
        date = f"{finding.date:%d %b %Y} " if finding.date else ""
        console.print(f"  [{finding.severity}] {finding.rule} · {finding.kind} {date}"
                      f"· {finding.excerpt!r} → {finding.action}", markup=False)


def _write_pdf(results, path: Path) -> None:
    django_setup.setup_django()  # templates only: no database is touched
    # Lazy: Django's models and what uses them load only once Django is set up.
    from django.utils import timezone

    from safepractice.reviews.pdf import render_pdf
    from safepractice.reviews.report import from_results

    path.write_bytes(render_pdf(from_results(results, created=timezone.now())))
