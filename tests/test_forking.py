"""A forked child opens its own database connection and leaves its parent's working."""

import multiprocessing

import pytest
from django.db import connection, connections

FORK = multiprocessing.get_context("fork")


def _query_and_close(results) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            results.put(("ok", cursor.fetchone()[0], id(connection.connection)))
    except Exception as error:  # reported to the test, which fails on it
        results.put(("error", repr(error), None))
    finally:
        connections.close_all()  # on an inherited socket this would end the parent's session


@pytest.mark.django_db(transaction=True)
def test_a_forked_child_uses_its_own_connection_and_the_parent_keeps_its_own():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    parents = connection.connection
    results = FORK.Queue()
    child = FORK.Process(target=_query_and_close, args=(results,))
    child.start()
    outcome, value, childs = results.get(timeout=30)
    child.join(timeout=10)

    assert (outcome, value) == ("ok", 1)
    assert childs != id(parents)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone()[0] == 2
    assert connection.connection is parents
