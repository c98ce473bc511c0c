"""A database cache whose counters count once however many processes add to them.

Django's ``DatabaseCache.incr`` reads the value and then writes it back through ``set``: two
workers counting the same key at once can both read 5 and both write 6, and each ``set`` also
counts the whole table to decide whether to cull it. Here ``incr`` is two statements in one
transaction: the row read under a lock (``SELECT … FOR UPDATE``; on SQLite, which has no row
locks, the transaction begins ``IMMEDIATE`` — see ``settings.DATABASES`` — and so holds the
database's write lock) and the new value written back. Values are stored as Django stores
them (pickled, base64), so ``get`` and ``set`` read and write the same rows.
"""

import base64
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class CountingDatabaseCache(DatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column = quote(self._table), quote("cache_key")
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')}, {quote('expires')} FROM {table} "
                f"WHERE {key_column} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or _as_datetime(row[1], connection) < now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta
            pickled = pickle.dumps(value, self.pickle_protocol)
            cursor.execute(
                f"UPDATE {table} SET {quote('value')} = %s WHERE {key_column} = %s",
                [base64.b64encode(pickled).decode("latin1"), key],
            )
        return value


def _as_datetime(value: Any, connection) -> Any:
    """A raw ``expires`` column value as the datetime the ORM would read (as Django's cache)."""
    expression = models.Expression(output_field=models.DateTimeField())
    converters = connection.ops.get_db_converters(expression)
    for converter in converters + expression.get_db_converters(connection):
        value = converter(value, expression, connection)
    return value
