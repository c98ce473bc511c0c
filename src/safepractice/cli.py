"""The ``safepractice`` command: the app, assembled from the command modules.

Each domain adds its commands in its own module under ``safepractice/commands/``, so this
file only lists them; what they share lives in ``commands/django_setup.py``, below them.
"""

import os
import sys

import typer

from safepractice import instance
from safepractice.commands import (
    accounts,
    audit,
    cases,
    engine,
    oversight,
    policies,
    review,
    scheduler,
    schools,
    server,
    tokens,
)

COMMAND_MODULES = [server, scheduler, engine, review, schools, accounts, policies, cases, audit,
                   tokens, oversight]

app = typer.Typer(help="safepractice: putting a school's social media policy into practice.",
                  no_args_is_help=True, add_completion=False)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `safepractice manage migrate`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepractice.settings")
    instance.prepare()
    # Lazy: Django is imported only by the commands that use it, after the settings module
    # is chosen above.
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safepractice manage", *ctx.args])


_registered = False


def _register_command_modules() -> None:
    """Add every command module's commands to ``app``, once (tests call it too)."""
    global _registered
    if _registered:
        return
    for module in COMMAND_MODULES:
        module.register(app)
    _registered = True


def main() -> None:
    _register_command_modules()
    app(prog_name="safepractice")


if __name__ == "__main__":
    sys.exit(main())
