"""A forked process never talks over its parent's database connections.

RQ forks a work horse for every job, gunicorn forks its workers, and tests fork processes as
both do. A child inherits the parent's open connections — the same sockets — and two
processes speaking one PostgreSQL protocol stream read each other's answers ("the last
operation didn't produce records (command status: BEGIN)"). Closing the inherited connection
in the child is no better: closing sends the server a Terminate message on the shared socket
and ends the parent's session. So the child forgets them, keeps the objects alive so that
garbage collection never closes them either, and opens its own on first use.

The parent cannot always close its connections before forking: Django keeps them per thread,
and while an asyncio loop runs in the thread (Playwright's sync API leaves one set) it keeps
them in a second store the parent's ``close_all()`` reaches while the child, whose loop the
fork clears, reads the first.
"""

import os

from django.db import connections

_inherited: list[object] = []  # never closed and never collected in the child
_installed = False


def forget_inherited_connections() -> None:
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _inherited.append(connection.connection)
            connection.connection = None


def install() -> None:
    """Forget inherited connections in every child forked from now on."""
    global _installed
    if not _installed:  # ready() runs again whenever a test installs another app
        os.register_at_fork(after_in_child=forget_inherited_connections)
        _installed = True
