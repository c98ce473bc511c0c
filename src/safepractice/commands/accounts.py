"""`safepractice unlock EMAIL` (or `--address IP`): lift a paused sign-in (accounts/lockout.py)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("unlock")
    def unlock_command(
        email: str = typer.Argument("", help="The account: lifts its pauses from every address."),
        address: str = typer.Option(
            "",
            help="An address: lifts its pauses (with EMAIL, only that account from that address).",
        ),
    ) -> None:
        """Lift paused sign-ins after wrong passwords (audited)."""
        from safepractice.cli import setup_django

        setup_django()
        from safepractice.accounts.lockout import unlock

        if not email and not address:
            typer.echo("Name an account (EMAIL), an address (--address), or both.", err=True)
            raise typer.Exit(2)
        cleared = unlock(email=email or None, address=address or None)
        what = " from ".join(part for part in (email, address) if part)
        typer.echo(
            f"Unlocked {what} ({cleared} attempt record{'s' if cleared != 1 else ''} cleared)."
        )
