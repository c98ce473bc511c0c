from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("import-roster")
    def import_roster_command(
        school: str = typer.Argument(..., help="The school's slug, e.g. example-primary."),
        csv_file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
        kind: str = typer.Option("pupils", help="pupils or staff"),
    ) -> None:
        """Import a pupil or staff roster CSV (all rows or none; re-import updates)."""
        from safepractice.cli import setup_django

        setup_django()
        from safepractice.schools.models import School
        from safepractice.schools.roster import RosterError
        from safepractice.schools.services import import_roster

        found = School.objects.filter(slug=school).first()
        if found is None:
            typer.echo(f"No school with slug {school!r}.", err=True)
            raise typer.Exit(2)
        try:
            result = import_roster(found, csv_file.read_bytes(), kind)
        except RosterError as error:
            typer.echo(f"Nothing imported. {error}", err=True)
            raise typer.Exit(1) from error
        typer.echo(
            f"{kind}: {result.created} added, {result.updated} updated, "
            f"{result.duplicates_skipped} duplicate rows skipped ({result.encoding})."
        )
        for notice in result.notices:
            typer.echo(notice)
