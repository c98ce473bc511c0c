"""`safepractice unlock EMAIL` (or `--address IP`): lift a paused sign-in (accounts/lockout.py);
`safepractice invite EMAIL`: email an invitation (accounts/invitations.py)."""

import typer

from safepractice.commands import django_setup


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
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.accounts.lockout import unlock

        if not email and not address:
            typer.echo("Name an account (EMAIL), an address (--address), or both.", err=True)
            raise typer.Exit(2)
        cleared = unlock(email=email or None, address=address or None)
        what = " from ".join(part for part in (email, address) if part)
        typer.echo(
            f"Unlocked {what} ({cleared} attempt record{'s' if cleared != 1 else ''} cleared)."
        )

    @app.command("invite")
    def invite_command(
        email: str = typer.Argument(..., help="The account to invite."),
    ) -> None:
        """Email an invitation to set a password and two-factor sign-in (7 days, single use).
        Their old second factors stop working once they use it."""
        django_setup.setup_django()
        # Lazy: Django's models and what uses them load only once Django is set up.
        from safepractice.accounts.invitations import invite
        from safepractice.accounts.models import User

        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            typer.echo(f"No active account {email!r}.", err=True)
            raise typer.Exit(2)
        invitation = invite(user)
        typer.echo(f"Invitation emailed to {user.email} (until {invitation.expires_at:%Y-%m-%d}).")
